// The neutral form model: what a form asks, independent of any chat platform. Composers build forms; a renderer
// per surface turns them into that surface's dialog (a Slack modal, an Adaptive Card, a web form) and reads the
// submitted values back as plain `{ fieldId: value }`. Pure data, JSON-serialisable, like messages.

import type { Message, Span } from "./model.js";

export interface FieldOption {
  value: string;
  label: string;
}

interface FieldBase {
  /** Stable within the form; the value comes back under this id and errors are keyed by it. */
  id: string;
  label: string;
  /** Required unless said otherwise. */
  optional?: boolean;
  /** A line under the field that helps filling it in. */
  hint?: string;
}

export type Field =
  | (FieldBase & {
      kind: "select";
      options: FieldOption[];
      initial?: string;
      /** The form is composed again when this changes (the report's learner list follows the chosen class). */
      refreshOnChange?: boolean;
    })
  | (FieldBase & { kind: "multiSelect"; options: FieldOption[]; initial?: string[] })
  | (FieldBase & { kind: "text"; multiline: boolean; maxLength: number; initial?: string })
  | (FieldBase & { kind: "number"; integer: boolean; min?: number; max?: number; initial?: number })
  /** A calendar date, YYYY-MM-DD. */
  | (FieldBase & { kind: "date"; initial?: string })
  | (FieldBase & { kind: "radio"; options: FieldOption[]; initial?: string })
  | (FieldBase & { kind: "checkbox"; options: FieldOption[]; initial?: string[] });

export type FieldKind = Field["kind"];

/** A form is a list of fields with explanatory notes between them (a note may stand in a field's place). */
export type FormItem = { kind: "field"; field: Field } | { kind: "note"; spans: Span[]; id?: string };

/** The forms the product shows; a surface uses the id to route a submission back to its handler. */
export const FORM_IDS = ["report_step1", "report_step2", "decide", "absence_step"] as const;
export type FormId = (typeof FORM_IDS)[number];

/** What a form carries from one step to the next (codes and choices, never names); JSON, at most ~2,500 chars. */
export type FormState = Record<string, unknown>;

export interface Form {
  id: FormId;
  title: string;
  submit: string;
  cancel: string;
  /** Where a multi-step flow is (1-based), so a surface can show "1/2". */
  step?: { index: number; count: number };
  state: FormState;
  items: FormItem[];
}

/** Submitted values by field id: selects and radios give a value, multi-selects and checkboxes a list. */
export type FormValue = string | string[] | null;
export type FormValues = Partial<Record<string, FormValue>>;

/** Per-field error texts, shown next to the field. */
export type FormErrors = Partial<Record<string, string>>;

/** The key of an error about the whole form (not registered, something went wrong): shown at the form's top, or
 * next to its first field where a surface shows errors only per field. */
export const FORM_ERROR = "_form";

/** What answering a submission means: show errors, go on to the next step, or close with a result. */
export type FormReply =
  | { kind: "errors"; errors: FormErrors }
  | { kind: "next"; form: Form }
  | { kind: "done"; title: string; close: string; message: Message };

export const field = (f: Field): FormItem => ({ kind: "field", field: f });
export const note = (spans: Span[], id?: string): FormItem => ({ kind: "note", spans, ...(id ? { id } : {}) });

export const fieldsOf = (form: Form): Field[] =>
  form.items.flatMap((item) => (item.kind === "field" ? [item.field] : []));

/** A value read as one string: a select's choice or a text; null when empty. */
export function single(values: FormValues, id: string): string | null {
  const value = values[id];
  if (Array.isArray(value)) return value[0] ?? null;
  return value === undefined || value === null || value === "" ? null : value;
}

/** A value read as a list: a multi-select's or checkboxes' choices. */
export function many(values: FormValues, id: string): string[] {
  const value = values[id];
  if (Array.isArray(value)) return value;
  return value === undefined || value === null || value === "" ? [] : [value];
}
