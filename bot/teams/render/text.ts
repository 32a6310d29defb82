// Spans to the Markdown subset an Adaptive Card TextBlock shows (bold, italic, lists, links). Code has no
// style there, so commands are shown as plain text; a case reference is bold so it stands out like in Slack.
// Teams has no slash commands: the same commands are messages to the bot, so `/pmp report` reads `pmp report`.

import type { Span } from "../../core/messages/model.js";

/** Characters a TextBlock would read as Markdown in text that is meant literally. */
const escapeMarkdown = (text: string) => text.replace(/([*_~[\]\\])/g, "\\$1");

export function cardText(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      switch (span.kind) {
        case "plain":
          return escapeMarkdown(span.text);
        case "strong":
          return `**${escapeMarkdown(span.text)}**`;
        case "code":
          return escapeMarkdown(span.text.replace(/^\/pmp\b/, "pmp"));
        case "caseRef":
          return `**${escapeMarkdown(span.ref)}**`;
      }
    })
    .join("");
}
