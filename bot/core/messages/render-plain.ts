// Plain text for any message or form: what tests read to prove the model carries everything without a
// surface's markup, and a fallback for surfaces that show only text (SMS, e-mail subject lines, logs of
// what was said, never of personal data).

import { fieldsOf, type Field, type Form } from "./forms.js";
import type { Block, Message, Span } from "./model.js";

export function plainSpans(spans: readonly Span[]): string {
  return spans.map((s) => (s.kind === "caseRef" ? s.ref : s.text)).join("");
}

function plainBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `# ${block.text}`;
    case "text":
      return plainSpans(block.spans);
    case "facts":
      return block.facts.map((f) => `${f.label}: ${f.value}`).join("\n");
    case "context":
      return `(${plainSpans(block.spans)})`;
    case "actions":
      return block.buttons.map((b) => `[${b.label}]`).join(" ");
  }
}

export function renderPlainMessage(message: Message): string {
  return message.blocks.map(plainBlock).join("\n");
}

function plainField(field: Field): string {
  const mark = field.optional ? "" : " *";
  const options = "options" in field ? ` {${field.options.map((o) => o.label).join(" | ")}}` : "";
  const initial = field.initial === undefined ? "" : ` = ${JSON.stringify(field.initial)}`;
  const hint = field.hint ? ` — ${field.hint}` : "";
  return `- ${field.label}${mark} (${field.kind})${options}${initial}${hint}`;
}

export function renderPlainForm(form: Form): string {
  const step = form.step ? ` (${form.step.index}/${form.step.count})` : "";
  const lines = form.items.map((item) => (item.kind === "note" ? plainSpans(item.spans) : plainField(item.field)));
  return [`# ${form.title}${step}`, ...lines, `[${form.submit}] [${form.cancel}]`].join("\n");
}

/** Every field's id, for tests that check a form asks what it should. */
export const formFieldIds = (form: Form): string[] => fieldsOf(form).map((f) => f.id);
