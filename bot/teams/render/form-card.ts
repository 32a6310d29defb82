// A neutral form as an Adaptive Card 1.5: fields become inputs with labels and required marks, errors show under
// their field (a form-wide one at the top), and the submit button carries the form's id, its state and a nonce
// (a double-clicked or retried submit is one submission). A field that recomposes its form gets a button of its
// own: Adaptive Cards 1.5 sends nothing when a choice changes.

import { t, type Locale } from "../../core/i18n.js";
import { FORM_ERROR, type Field, type Form, type FormErrors } from "../../core/messages/forms.js";
import { CARD_SCHEMA, executeAction, type AdaptiveCard, type CardElement } from "./card.js";
import { cardText } from "./text.js";
import { VERBS } from "./verbs.js";

function input(field: Field): CardElement {
  // Required fields are checked by the bot, not the client: a client-side check would also block the button
  // that recomposes the form while required fields are still empty. The label marks them.
  const common = { id: field.id, label: field.optional ? field.label : `${field.label} *` };
  const choices = "options" in field ? field.options.map((o) => ({ title: o.label, value: o.value })) : [];
  switch (field.kind) {
    case "select":
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: "compact",
        choices,
        ...(field.initial ? { value: field.initial } : {}),
      };
    case "radio":
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: "expanded",
        choices,
        ...(field.initial ? { value: field.initial } : {}),
      };
    case "multiSelect":
    case "checkbox":
      return {
        type: "Input.ChoiceSet",
        ...common,
        isMultiSelect: true,
        style: field.kind === "checkbox" ? "expanded" : "compact",
        choices,
        ...(field.initial?.length ? { value: field.initial.join(",") } : {}),
      };
    case "text":
      return {
        type: "Input.Text",
        ...common,
        isMultiline: field.multiline,
        maxLength: field.maxLength,
        ...(field.initial ? { value: field.initial } : {}),
      };
    case "number":
      return {
        type: "Input.Number",
        ...common,
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...(field.initial !== undefined ? { value: field.initial } : {}),
      };
    case "date":
      return { type: "Input.Date", ...common, ...(field.initial ? { value: field.initial } : {}) };
  }
}

const errorText = (text: string): CardElement => ({
  type: "TextBlock",
  text,
  color: "Attention",
  wrap: true,
  size: "Small",
});

export function renderFormCard(
  form: Form,
  options: { locale: Locale; nonce: string; errors?: FormErrors },
): AdaptiveCard {
  const errors = options.errors ?? {};
  const step = form.step ? ` (${form.step.index}/${form.step.count})` : "";
  const body: CardElement[] = [
    { type: "TextBlock", text: `${form.title}${step}`, size: "Large", weight: "Bolder", wrap: true },
  ];
  if (errors[FORM_ERROR]) body.push(errorText(errors[FORM_ERROR]));
  for (const item of form.items) {
    if (item.kind === "note") {
      body.push({
        type: "TextBlock",
        text: cardText(item.spans),
        wrap: true,
        isSubtle: true,
        ...(item.id ? { id: `note_${item.id}` } : {}),
      });
      continue;
    }
    const { field } = item;
    body.push(input(field));
    if (field.hint) body.push({ type: "TextBlock", text: field.hint, wrap: true, isSubtle: true, size: "Small" });
    if (errors[field.id]) body.push(errorText(errors[field.id]!));
    if (field.kind === "select" && field.refreshOnChange) {
      body.push({
        type: "ActionSet",
        actions: [
          executeAction(t(options.locale, "teams.form.refreshField"), {
            pmp: VERBS.field,
            formId: form.id,
            fieldId: field.id,
            nonce: options.nonce,
          }),
        ],
      });
    }
  }
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    fallbackText: form.title,
    body,
    actions: [
      executeAction(
        form.submit,
        { pmp: VERBS.submit, formId: form.id, state: JSON.stringify(form.state), nonce: options.nonce },
        "positive",
      ),
    ],
  };
}
