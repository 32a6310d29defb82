// Every Adaptive Card action, whether it arrived as a Universal Action (`adaptiveCard/action` invoke) or as the
// `Action.Submit` fallback (a message with a value): validated once, run by the platform-neutral core, and
// answered with a card or a line of text. The core decides who may act; nothing here trusts what a card showed.

import { randomUUID } from "node:crypto";
import type { KnownActor } from "../core/actor.js";
import { handleClick } from "../core/conversation/clicks.js";
import { refreshForm, submitForm } from "../core/conversation/forms.js";
import type { CoreDeps } from "../core/deps.js";
import { t, type Locale } from "../core/i18n.js";
import type { Form, FormState, FormValues } from "../core/messages/forms.js";
import { decodeIntent } from "../core/messages/intents.js";
import type { Message } from "../core/messages/model.js";
import { renderPlainMessage } from "../core/messages/render-plain.js";
import { replyGenericError, replyUnregistered } from "../core/messages/replies.js";
import { currentMessageOf } from "./card-refresh.js";
import { formAgain, withValues } from "./form-again.js";
import { renderCard, type AdaptiveCard } from "./render/card.js";
import { renderFormCard } from "./render/form-card.js";
import { actionDataSchema, VERBS } from "./render/verbs.js";

/** What the person sees after an action: a card in place of the one they used, or a line of text. */
export type TeamsAnswer = { kind: "card"; card: AdaptiveCard; summary: string } | { kind: "text"; text: string };

const textAnswer = (message: Message): TeamsAnswer => ({ kind: "text", text: renderPlainMessage(message) });
const messageCard = (message: Message): TeamsAnswer => ({
  kind: "card",
  card: renderCard(message),
  summary: message.summary,
});
const formCard = (
  form: Form,
  locale: Locale,
  nonce: string,
  errors?: Partial<Record<string, string>>,
): TeamsAnswer => ({
  kind: "card",
  card: renderFormCard(form, { locale, nonce, ...(errors ? { errors } : {}) }),
  summary: form.title,
});

/** A fresh form card: its nonce makes a double-clicked or retried submission of it one submission. */
export const newFormCard = (form: Form, locale: Locale): TeamsAnswer => formCard(form, locale, randomUUID());

/** The values an action carried: everything in its data that is not our own routing, as form values. */
function valuesOf(raw: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (["pmp", "formId", "state", "nonce", "fieldId", "intent", "key", "userIds", "verb"].includes(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (typeof value === "number") values[key] = String(value);
  }
  return values;
}

/** Multi-selects come back as "a,b": split them for the fields that take a list. */
function splitLists(form: Form | null, values: FormValues): FormValues {
  if (!form) return values;
  const out = { ...values };
  for (const item of form.items) {
    if (item.kind !== "field") continue;
    const { field } = item;
    const value = out[field.id];
    if ((field.kind === "multiSelect" || field.kind === "checkbox") && typeof value === "string") {
      out[field.id] = value === "" ? [] : value.split(",");
    }
  }
  return out;
}

function parseState(text: string): FormState | null {
  try {
    const state: unknown = JSON.parse(text);
    return state && typeof state === "object" && !Array.isArray(state) ? (state as FormState) : null;
  } catch {
    return null;
  }
}

export interface CardActionInput {
  actor: KnownActor | null;
  locale: Locale;
  /** The action's data with the inputs' values, as Teams sends them. */
  data: unknown;
  /** The conversation the card is in (a channel thread counts as its channel). */
  conversationId: string;
}

export async function runCardAction(deps: CoreDeps, input: CardActionInput): Promise<TeamsAnswer> {
  const { actor, locale } = input;
  const raw = (input.data && typeof input.data === "object" ? input.data : {}) as Record<string, unknown>;
  const parsed = actionDataSchema.safeParse(raw);
  if (!parsed.success) return textAnswer(replyGenericError(locale));
  const data = parsed.data;
  switch (data.pmp) {
    case VERBS.intent: {
      const outcome = await handleClick(deps, { actor, locale, intent: decodeIntent(data.intent) });
      if (outcome.kind === "REPLY") return textAnswer(outcome.message);
      if (outcome.kind === "OPEN_FORM") return newFormCard(outcome.form, locale);
      return { kind: "text", text: t(locale, "result.ok") };
    }
    case VERBS.submit: {
      if (!actor) return textAnswer(replyUnregistered(locale));
      const state = parseState(data.state);
      if (!state) return textAnswer(replyGenericError(locale));
      const shown = await formAgain(deps, { actor, locale, formId: data.formId, state, values: {} });
      const values = splitLists(shown, valuesOf(raw));
      const reply = await submitForm(deps, {
        actor,
        locale,
        formId: data.formId,
        state,
        values,
        submissionId: `teams:${data.nonce}`,
      });
      switch (reply.kind) {
        case "errors":
          return shown
            ? formCard(withValues(shown, values), locale, data.nonce, reply.errors)
            : textAnswer(replyGenericError(locale));
        case "next":
          return formCard(reply.form, locale, data.nonce);
        case "done":
          return messageCard(reply.message);
      }
      break;
    }
    case VERBS.field: {
      if (!actor) return textAnswer(replyUnregistered(locale));
      const values = valuesOf(raw);
      const form = await refreshForm(deps, { actor, locale, formId: data.formId, fieldId: data.fieldId, values });
      return form
        ? formCard(withValues(form, values), locale, data.nonce)
        : { kind: "text", text: t(locale, "result.ok") };
    }
    case VERBS.refresh: {
      if (!actor) return textAnswer(replyUnregistered(locale));
      const message = await currentMessageOf(deps.prisma, {
        key: data.key,
        actor,
        conversationId: input.conversationId,
      });
      if (!message) return textAnswer(replyGenericError(locale));
      return {
        kind: "card",
        card: renderCard(message, { refresh: { key: data.key, userIds: data.userIds } }),
        summary: message.summary,
      };
    }
  }
  return textAnswer(replyGenericError(locale));
}
