import type { AnyBlock, InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";

// Slack's documented Block Kit limits (api.slack.com/reference/block-kit), checked over a built surface as
// plain JSON. Each violation names its path, so a failing test says where the limit was crossed.

export const LIMITS = {
  modalBlocks: 100,
  messageBlocks: 50,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  id: 255,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  label: 2000,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  radioOptions: 10,
  placeholder: 150,
  textInputMaxLength: 3000,
} as const;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Slack counts characters; code points are the safe reading (an emoji is one character, two UTF-16 units). */
const length = (text: string) => [...text].length;
const textOf = (value: unknown): string | undefined =>
  isRecord(value) && typeof value.text === "string" ? value.text : undefined;

export function modalViolations(view: ModalView): string[] {
  const out: string[] = [];
  const at = (path: string, text: string | undefined, max: number) => {
    if (text !== undefined && length(text) > max) out.push(`${path}: ${length(text)} > ${max} chars`);
  };
  at("title", view.title.text, LIMITS.modalTitle);
  if (length(view.title.text) === 0) out.push("title: empty");
  at("submit", view.submit?.text, LIMITS.modalButton);
  at("close", view.close?.text, LIMITS.modalButton);
  at("private_metadata", view.private_metadata, LIMITS.privateMetadata);
  at("callback_id", view.callback_id, LIMITS.id);
  if (view.blocks.length > LIMITS.modalBlocks) out.push(`blocks: ${view.blocks.length} > ${LIMITS.modalBlocks}`);
  // A modal with an input block must have a submit button.
  if (view.blocks.some((b) => b.type === "input") && !view.submit) out.push("submit: missing on a modal with inputs");
  out.push(...blocksViolations(view.blocks));
  return out;
}

export function messageViolations(message: { text: string; blocks: KnownBlock[] }): string[] {
  const out: string[] = [];
  if (message.blocks.length > LIMITS.messageBlocks)
    out.push(`blocks: ${message.blocks.length} > ${LIMITS.messageBlocks}`);
  if (message.text.trim() === "") out.push("text: empty (notifications and screen readers use it)");
  if (message.blocks.some((b) => b.type === "input")) out.push("blocks: input blocks are for modals");
  out.push(...blocksViolations(message.blocks));
  return out;
}

function blocksViolations(blocks: readonly AnyBlock[]): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  blocks.forEach((block, i) => {
    if (block.block_id !== undefined) {
      if (ids.has(block.block_id)) out.push(`blocks[${i}].block_id: "${block.block_id}" repeated`);
      ids.add(block.block_id);
    }
    out.push(...blockViolations(block as unknown as Json, `blocks[${i}]`));
  });
  return out;
}

function blockViolations(block: Json, path: string): string[] {
  const out: string[] = [];
  const at = (where: string, text: string | undefined, max: number) => {
    if (text !== undefined && length(text) > max) out.push(`${path}.${where}: ${length(text)} > ${max} chars`);
  };
  if (typeof block.block_id === "string") at("block_id", block.block_id, LIMITS.id);
  switch (block.type) {
    case "section":
      at("text", textOf(block.text), LIMITS.sectionText);
      if (list(block.fields).length > LIMITS.sectionFields)
        out.push(`${path}.fields: more than ${LIMITS.sectionFields}`);
      list(block.fields).forEach((f, i) => at(`fields[${i}]`, textOf(f), LIMITS.fieldText));
      if (isRecord(block.accessory)) out.push(...elementViolations(block.accessory, `${path}.accessory`));
      if (textOf(block.text) === undefined && list(block.fields).length === 0)
        out.push(`${path}: section without text or fields`);
      break;
    case "header":
      at("text", textOf(block.text), LIMITS.headerText);
      if (!isRecord(block.text) || block.text.type !== "plain_text")
        out.push(`${path}.text: a header takes plain_text`);
      break;
    case "context":
      if (list(block.elements).length > LIMITS.contextElements)
        out.push(`${path}.elements: more than ${LIMITS.contextElements}`);
      list(block.elements).forEach((e, i) => at(`elements[${i}]`, textOf(e), LIMITS.sectionText));
      break;
    case "actions":
      if (list(block.elements).length > LIMITS.actionsElements)
        out.push(`${path}.elements: more than ${LIMITS.actionsElements}`);
      list(block.elements).forEach((e, i) => {
        if (isRecord(e)) out.push(...elementViolations(e, `${path}.elements[${i}]`));
      });
      break;
    case "input":
      at("label", textOf(block.label), LIMITS.label);
      if (!isRecord(block.label) || block.label.type !== "plain_text")
        out.push(`${path}.label: an input label takes plain_text`);
      if (isRecord(block.element)) out.push(...elementViolations(block.element, `${path}.element`));
      break;
    case "divider":
      break;
    default:
      out.push(`${path}: unexpected block type ${String(block.type)}`);
  }
  return out;
}

function elementViolations(element: Json, path: string): string[] {
  const out: string[] = [];
  const at = (where: string, text: string | undefined, max: number) => {
    if (text !== undefined && length(text) > max) out.push(`${path}.${where}: ${length(text)} > ${max} chars`);
  };
  if (typeof element.action_id === "string") at("action_id", element.action_id, LIMITS.id);
  at("placeholder", textOf(element.placeholder), LIMITS.placeholder);
  const options = list(element.options);
  const checkOptions = (max: number) => {
    if (options.length === 0) out.push(`${path}.options: empty`);
    if (options.length > max) out.push(`${path}.options: ${options.length} > ${max}`);
    const values = new Set<string>();
    options.forEach((option, i) => {
      at(`options[${i}].text`, textOf(isRecord(option) ? option.text : undefined), LIMITS.optionText);
      const value = isRecord(option) && typeof option.value === "string" ? option.value : undefined;
      if (value === undefined) return void out.push(`${path}.options[${i}].value: missing`);
      at(`options[${i}].value`, value, LIMITS.optionValue);
      if (values.has(value)) out.push(`${path}.options[${i}].value: "${value}" repeated`);
      values.add(value);
    });
    // An initial option Slack cannot find among the options makes it reject the whole view.
    if (
      isRecord(element.initial_option) &&
      !options.some((o) => isRecord(o) && isRecord(element.initial_option) && o.value === element.initial_option.value)
    ) {
      out.push(`${path}.initial_option: not among the options`);
    }
  };
  switch (element.type) {
    case "button":
      at("text", textOf(element.text), LIMITS.buttonText);
      if (typeof element.value === "string") at("value", element.value, LIMITS.buttonValue);
      break;
    case "static_select":
    case "multi_static_select":
      checkOptions(LIMITS.selectOptions);
      break;
    case "radio_buttons":
    case "checkboxes":
      checkOptions(LIMITS.radioOptions);
      break;
    case "plain_text_input":
      if (typeof element.max_length === "number" && element.max_length > LIMITS.textInputMaxLength)
        out.push(`${path}.max_length: > ${LIMITS.textInputMaxLength}`);
      break;
    case "number_input":
    case "datepicker":
      break;
    default:
      out.push(`${path}: unexpected element type ${String(element.type)}`);
  }
  return out;
}

/** The input block with this block_id, or a failed expectation. */
export function inputBlock(blocks: readonly AnyBlock[], blockId: string): InputBlock {
  const block = blocks.find((b) => b.block_id === blockId);
  if (!block || !isInput(block)) throw new Error(`no input block "${blockId}" (found ${block?.type ?? "nothing"})`);
  return block;
}

const isInput = (block: AnyBlock): block is InputBlock => block.type === "input";

/** The options of a select or radio element (throws for any other element). */
export function optionsOf(block: InputBlock): PlainTextOption[] {
  const element = block.element;
  if (element.type === "static_select" || element.type === "multi_static_select" || element.type === "radio_buttons") {
    return (element.options ?? []) as PlainTextOption[];
  }
  throw new Error(`block "${block.block_id}" has a ${element.type}, not a select`);
}

/** Every string anywhere in a surface, for "never contains X" checks. */
export function allText(surface: unknown): string {
  return JSON.stringify(surface);
}
