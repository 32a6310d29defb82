// Spans from i18n templates: the text stays free of markup, and the composer says which placeholder is a case
// reference, a command or an emphasised word. Every surface then shows emphasis its own way.

import { PLACEHOLDER, placeholderValue, template, type Locale, type MessageKey } from "../i18n.js";
import type { Button, Message, Span } from "./model.js";

export const plain = (text: string): Span => ({ kind: "plain", text });
export const strong = (text: string): Span => ({ kind: "strong", text });
export const code = (text: string): Span => ({ kind: "code", text });
export const caseRef = (ref: string): Span => ({ kind: "caseRef", ref });

type SpanParam = string | number | Span;

/** A template's text as spans: plain text between placeholders, each placeholder its value (a span stays one). */
export function tSpans(locale: Locale, key: MessageKey, params: Record<string, SpanParam> = {}): Span[] {
  const out: Span[] = [];
  const pushPlain = (text: string) => {
    if (text === "") return;
    const last = out.at(-1);
    if (last?.kind === "plain") out[out.length - 1] = plain(last.text + text);
    else out.push(plain(text));
  };
  const source = template(locale, key);
  let at = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    pushPlain(source.slice(at, match.index));
    const value = params[match[1]!];
    if (typeof value === "object") out.push(value);
    else pushPlain(placeholderValue(locale, match, value) ?? match[0]);
    at = match.index + match[0].length;
  }
  pushPlain(source.slice(at));
  return out;
}

/** Spans joined into one line without markup (a message summary, a screen-reader text). */
export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => (s.kind === "caseRef" ? s.ref : s.text)).join("");
}

/** One paragraph of text: the shape of every notice and every short answer. */
export function textMessage(spans: Span[]): Message {
  return { summary: spansText(spans), blocks: [{ kind: "text", spans }] };
}

/** One paragraph and the buttons that act on it: the shape of every task sent to the person who does it. */
export function taskMessage(spans: Span[], buttons: Button[]): Message {
  return {
    summary: spansText(spans),
    blocks: [
      { kind: "text", spans },
      { kind: "actions", buttons },
    ],
  };
}
