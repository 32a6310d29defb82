// Slack's mrkdwn: the only markup the rest of the product never writes. User-visible text is escaped (`&`, `<`,
// `>`, so nobody's text becomes a link or a mention); spans become Slack's emphasis.

import type { Span } from "../../core/messages/model.js";

export const escapeMrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Emphasis must hug its text in mrkdwn (`*x*`, not `* x *`); the spaces go outside. */
function wrap(text: string, mark: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
  const [, before = "", inner = "", after = ""] = match;
  return inner ? `${before}${mark}${inner}${mark}${after}` : text;
}

export function spanToMrkdwn(span: Span): string {
  switch (span.kind) {
    case "plain":
      return escapeMrkdwn(span.text);
    case "strong":
      return wrap(escapeMrkdwn(span.text.replace(/\*/g, "∗")), "*");
    case "code":
      return wrap(escapeMrkdwn(span.text.replace(/`/g, "'")), "`");
    case "caseRef":
      return wrap(escapeMrkdwn(span.ref), "*");
  }
}

export const spansToMrkdwn = (spans: readonly Span[]) => spans.map(spanToMrkdwn).join("");

/** Characters as Slack counts them (code points). */
export const charLength = (text: string) => [...text].length;

/** A text within a Slack limit, cut visibly with "…" rather than silently. */
export function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/** Lines packed into as few pieces of at most `max` characters as fit; a longer line breaks after a "; ". */
export function packLines(text: string, max: number): string[] {
  const pieces: string[] = [];
  for (const piece of text.split("\n").flatMap((line) => splitLine(line, max))) {
    const last = pieces.at(-1);
    if (last !== undefined && charLength(last) + 1 + charLength(piece) <= max)
      pieces[pieces.length - 1] = `${last}\n${piece}`;
    else pieces.push(piece);
  }
  return pieces.length ? pieces : [""];
}

function splitLine(line: string, max: number): string[] {
  if (charLength(line) <= max) return [line];
  const out: string[] = [];
  let current = "";
  for (const part of line.split("; ")) {
    const next = current ? `${current}; ${part}` : part;
    if (charLength(next) < max) current = next;
    else {
      if (current) out.push(`${current};`);
      current = fit(part, max - 1);
    }
  }
  if (current) out.push(current);
  return out;
}
