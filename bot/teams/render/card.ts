// The neutral message as an Adaptive Card 1.5. Buttons are `Action.Execute` (Universal Actions) with a verb and
// an `Action.Submit` fallback for clients without them; a button that asks first becomes a `ShowCard` holding
// the question and the confirming button. Cards sent by the delivery queue carry a `refresh` that asks the bot
// for their current state, so everyone listed sees a change without reloading.

import type { Block, Button, Message } from "../../core/messages/model.js";
import { encodeIntent } from "../../core/messages/intents.js";
import { cardText } from "./text.js";
import { MAX_REFRESH_USERS, VERBS, type ActionData } from "./verbs.js";

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement; userIds?: string[] };
  fallbackText?: string;
}

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

export interface CardRefresh {
  /** The delivery queue's key of the message the card shows (its first version's key). */
  key: string;
  /** Teams user ids (29:…) who see the refreshed card automatically; more than 60 are cut. */
  userIds: string[];
}

/** An `Action.Execute` with its verb, and the same action as an `Action.Submit` for older clients. */
export function executeAction(title: string, data: ActionData, style?: "positive" | "destructive"): CardElement {
  const styled = style ? { style } : {};
  return {
    type: "Action.Execute",
    title,
    verb: data.pmp,
    data,
    ...styled,
    fallback: { type: "Action.Submit", title, data, ...styled },
  };
}

const STYLE = { primary: "positive", danger: "destructive", default: undefined } as const;

function buttonAction(button: Button): CardElement {
  const execute = executeAction(
    button.label,
    { pmp: VERBS.intent, intent: encodeIntent(button.intent) },
    STYLE[button.style],
  );
  if (!button.confirm) return execute;
  return {
    type: "Action.ShowCard",
    title: button.label,
    card: {
      type: "AdaptiveCard",
      version: "1.5",
      body: [
        { type: "TextBlock", text: button.confirm.title, weight: "Bolder", wrap: true },
        { type: "TextBlock", text: button.confirm.text, wrap: true },
      ],
      actions: [{ ...execute, title: button.confirm.confirm }],
    },
  };
}

function blockElement(block: Block): CardElement {
  switch (block.kind) {
    case "heading":
      return { type: "TextBlock", text: block.text, size: "Large", weight: "Bolder", wrap: true, style: "heading" };
    case "text":
      return { type: "TextBlock", text: cardText(block.spans), wrap: true };
    case "facts":
      return { type: "FactSet", facts: block.facts.map((fact) => ({ title: fact.label, value: fact.value })) };
    case "context":
      return { type: "TextBlock", text: cardText(block.spans), wrap: true, isSubtle: true, size: "Small" };
    case "actions":
      return { type: "ActionSet", actions: block.buttons.map(buttonAction) };
  }
}

export function refreshOf(refresh: CardRefresh): NonNullable<AdaptiveCard["refresh"]> {
  const userIds = refresh.userIds.slice(0, MAX_REFRESH_USERS);
  return {
    action: { type: "Action.Execute", verb: VERBS.refresh, data: { pmp: VERBS.refresh, key: refresh.key, userIds } },
    userIds,
  };
}

export function renderCard(message: Message, options: { refresh?: CardRefresh } = {}): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    fallbackText: message.summary,
    body: message.blocks.map(blockElement),
    ...(options.refresh ? { refresh: refreshOf(options.refresh) } : {}),
  };
}

/** The activity that carries a card: the summary is the notification and screen-reader text. */
export function cardActivity(card: AdaptiveCard, summary: string) {
  return {
    type: "message" as const,
    summary,
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
  };
}
