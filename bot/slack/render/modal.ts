// Neutral forms → Slack modals, and the answers to a submission (errors next to fields, the next step, a result).

import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { Field, FieldOption, Form, FormErrors, FormReply } from "../../core/messages/forms.js";
import { blockIdFor, callbackIdFor, fieldActionId } from "../ids.js";
import { SLACK_LIMITS as L } from "./limits.js";
import { fit, spansToMrkdwn } from "./mrkdwn.js";
import { renderSlackBlocks } from "./message.js";

const plainText = (text: string, max: number) => ({ type: "plain_text" as const, text: fit(text, max), emoji: false });
const option = (o: FieldOption): PlainTextOption => ({ text: plainText(o.label, L.optionText), value: o.value });

function options(field: { options: FieldOption[] }, max: number): PlainTextOption[] {
  return field.options.slice(0, max).map(option);
}

/** The initial option(s) only when they are among the options: Slack rejects a view whose initial option is not. */
function initialOption(all: PlainTextOption[], value: string | undefined) {
  const found = all.find((o) => o.value === value);
  return found ? { initial_option: found } : {};
}
function initialOptions(all: PlainTextOption[], values: string[] | undefined) {
  const found = all.filter((o) => o.value !== undefined && values?.includes(o.value));
  return found.length ? { initial_options: found } : {};
}

function element(field: Field): InputBlock["element"] {
  const action_id = fieldActionId(field.id);
  switch (field.kind) {
    case "select": {
      const all = options(field, L.selectOptions);
      return { type: "static_select", action_id, options: all, ...initialOption(all, field.initial) };
    }
    case "multiSelect": {
      const all = options(field, L.selectOptions);
      return { type: "multi_static_select", action_id, options: all, ...initialOptions(all, field.initial) };
    }
    case "radio": {
      const all = options(field, L.radioOptions);
      return { type: "radio_buttons", action_id, options: all, ...initialOption(all, field.initial) };
    }
    case "checkbox": {
      const all = options(field, L.radioOptions);
      return { type: "checkboxes", action_id, options: all, ...initialOptions(all, field.initial) };
    }
    case "text":
      return {
        type: "plain_text_input",
        action_id,
        multiline: field.multiline,
        max_length: field.maxLength,
        ...(field.initial !== undefined ? { initial_value: field.initial } : {}),
      };
    case "number":
      return {
        type: "number_input",
        action_id,
        is_decimal_allowed: !field.integer,
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
        ...(field.initial !== undefined ? { initial_value: String(field.initial) } : {}),
      };
    case "date":
      return { type: "datepicker", action_id, ...(field.initial ? { initial_date: field.initial } : {}) };
  }
}

function inputBlock(field: Field): InputBlock {
  return {
    type: "input",
    block_id: blockIdFor(field.id),
    label: plainText(field.label, L.label),
    optional: field.optional ?? false,
    ...(field.hint ? { hint: plainText(field.hint, L.hint) } : {}),
    ...(field.kind === "select" && field.refreshOnChange ? { dispatch_action: true } : {}),
    element: element(field),
  };
}

export function renderSlackModal(form: Form): ModalView {
  const metadata = JSON.stringify(form.state);
  if (metadata.length > L.privateMetadata) throw new Error(`form ${form.id}: state too long for a Slack modal`);
  const blocks: KnownBlock[] = form.items.map((item) =>
    item.kind === "field"
      ? inputBlock(item.field)
      : {
          type: "section",
          ...(item.id ? { block_id: blockIdFor(item.id) } : {}),
          text: { type: "mrkdwn", text: fit(spansToMrkdwn(item.spans), L.sectionText) },
        },
  );
  return {
    type: "modal",
    callback_id: callbackIdFor(form.id),
    private_metadata: metadata,
    title: plainText(form.title, L.modalTitle),
    submit: plainText(form.submit, L.modalButton),
    close: plainText(form.cancel, L.modalButton),
    blocks: blocks.slice(0, L.surfaceBlocks),
  };
}

/** A modal that only shows a result (the form's answer), with a close button. */
export function renderSlackResultModal(
  title: string,
  close: string,
  message: Parameters<typeof renderSlackBlocks>[0],
): ModalView {
  return {
    type: "modal",
    title: plainText(title, L.modalTitle),
    close: plainText(close, L.modalButton),
    blocks: renderSlackBlocks(message, L.surfaceBlocks),
  };
}

/**
 * Neutral field errors as Slack's view-submission answer, keyed by input block. Slack shows errors only next to
 * input blocks of the submitted view: an error for the whole form, or for a field the view does not have, goes
 * next to its first input.
 */
export function slackFormErrors(errors: FormErrors, inputBlockIds?: readonly string[]) {
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(errors)) {
    if (!text) continue;
    let blockId = blockIdFor(id);
    if (inputBlockIds?.length && !inputBlockIds.includes(blockId)) blockId = inputBlockIds[0]!;
    out[blockId] = fit(out[blockId] ? `${out[blockId]} ${text}` : text, L.label);
  }
  return { response_action: "errors" as const, errors: out };
}

/** The answer to a view submission: errors, the next step in place of this one, or the result in its place. */
export function renderSlackFormReply(reply: FormReply, inputBlockIds?: readonly string[]) {
  switch (reply.kind) {
    case "errors":
      return slackFormErrors(reply.errors, inputBlockIds);
    case "next":
      return { response_action: "update" as const, view: renderSlackModal(reply.form) };
    case "done":
      return {
        response_action: "update" as const,
        view: renderSlackResultModal(reply.title, reply.close, reply.message),
      };
  }
}
