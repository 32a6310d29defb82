import { t, type Locale } from "../../core/i18n.js";
import type { SlackMessage } from "./case-messages.js";

export function buildHelp(locale: Locale): SlackMessage {
  const lines = [t(locale, "help.report"), t(locale, "help.case"), t(locale, "help.help")];
  return {
    text: t(locale, "help.title"),
    blocks: [
      { type: "header", text: { type: "plain_text", text: t(locale, "help.title") } },
      { type: "section", text: { type: "mrkdwn", text: lines.map((l) => `• ${l}`).join("\n") } },
      { type: "context", elements: [{ type: "mrkdwn", text: t(locale, "help.privacy") }] },
    ],
  };
}
