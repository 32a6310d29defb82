import { t, type Locale } from "../../core/i18n.js";
import type { LearnerContactView } from "../../../prisma/repositories/personal-data-vault.js";
import type { SlackMessage } from "./case-messages.js";

/** The ephemeral contact list for the responsible person's call; never posted where others can see it. */
export function buildContactsMessage(contacts: LearnerContactView[], locale: Locale): SlackMessage {
  const lines = contacts.map(
    (c) =>
      `• ${t(locale, `relation.${c.relation}`)}: ${c.name}${c.phone ? `, ${c.phone}` : ""}${c.email ? `, ${c.email}` : ""}`,
  );
  const text = lines.length ? `${t(locale, "absence.contacts")}\n${lines.join("\n")}` : t(locale, "absence.noContacts");
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
