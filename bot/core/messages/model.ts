// The neutral message model: what the product says, independent of any chat platform. Composers build these
// from domain events; a renderer per surface (Slack Block Kit in bot/slack/, Adaptive Cards in bot/teams/, the
// web console, plain text for tests) turns them into that surface's markup. Pure data, JSON-serialisable, so a
// message can wait in the delivery queue (OutboxMessage.payload) and be rendered at send time.

import type { Intent } from "./intents.js";

/** Inline text. A case reference is its own span so every surface can link or highlight it the same way. */
export type Span =
  | { kind: "plain"; text: string }
  | { kind: "strong"; text: string }
  | { kind: "code"; text: string }
  | { kind: "caseRef"; ref: string };

export interface Fact {
  label: string;
  value: string;
}

export type ButtonStyle = "primary" | "danger" | "default";

/** Asked before the click is carried out ("Are you sure?"); every surface shows it as its own dialog. */
export interface Confirmation {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

export interface Button {
  label: string;
  style: ButtonStyle;
  /** What the click means; encoded by the intent codec, never free-form. */
  intent: Intent;
  confirm?: Confirmation;
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; spans: Span[] }
  | { kind: "facts"; facts: Fact[] }
  | { kind: "context"; spans: Span[] }
  | { kind: "actions"; buttons: Button[] };

export interface Message {
  /** One line without markup: the notification text, the screen-reader text and the fallback everywhere. */
  summary: string;
  blocks: Block[];
}
