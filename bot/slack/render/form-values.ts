// A submitted Slack modal back to neutral form values: `view.state.values` → `{ fieldId: value }`.

import type { FormState, FormValues, FormValue } from "../../core/messages/forms.js";
import { fieldIdOf } from "../ids.js";

interface ElementState {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }> | null;
  selected_date?: string | null;
}

function valueOf(state: ElementState): FormValue {
  switch (state.type) {
    case "multi_static_select":
    case "checkboxes":
      return (state.selected_options ?? []).map((o) => o.value);
    case "static_select":
    case "radio_buttons":
      return state.selected_option?.value ?? null;
    case "datepicker":
      return state.selected_date ?? null;
    case "plain_text_input":
    case "number_input":
      return state.value ?? null;
    default:
      if (state.selected_options) return state.selected_options.map((o) => o.value);
      if (state.selected_option !== undefined) return state.selected_option?.value ?? null;
      if (state.selected_date !== undefined) return state.selected_date ?? null;
      return state.value ?? null;
  }
}

/** Each input block holds one element: its value under the field id, whatever the element's action id. */
export function parseSlackFormValues(values: Record<string, Record<string, unknown>> | undefined): FormValues {
  const out: FormValues = {};
  for (const [blockId, elements] of Object.entries(values ?? {})) {
    const state = Object.values(elements ?? {})[0];
    if (state && typeof state === "object") out[fieldIdOf(blockId)] = valueOf(state as ElementState);
  }
  return out;
}

/**
 * The state a form carried (private_metadata): an empty one when there is none, null when it is there but not
 * a JSON object (tampered with, or written by another version): the listener then answers in its ack.
 */
export function readSlackFormState(privateMetadata: string | undefined): FormState | null {
  if (!privateMetadata) return {};
  try {
    const parsed: unknown = JSON.parse(privateMetadata);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as FormState) : null;
  } catch {
    return null;
  }
}

/** The state a form carried (private_metadata), or an empty one when it is missing or not ours. */
export function parseSlackFormState(privateMetadata: string | undefined): FormState {
  try {
    const parsed: unknown = JSON.parse(privateMetadata || "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as FormState) : {};
  } catch {
    return {};
  }
}
