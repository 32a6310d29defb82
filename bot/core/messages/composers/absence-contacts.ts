import { t, type Locale } from "../../i18n.js";
import type { ContactRelation } from "../../../../prisma/generated/enums.js";
import type { Message } from "../model.js";
import { plain } from "../spans.js";

/** A contact as the vault returns it for the call; only what the caller needs. */
export interface ContactLine {
  relation: ContactRelation;
  name: string;
  phone?: string | null;
  email?: string | null;
}

/**
 * The private contact list for the responsible person's same-day call (parents, or foster family, guardian or
 * institution head). Only ever an answer to the person who asked, never posted where others can see it.
 */
export function composeContacts(contacts: readonly ContactLine[], locale: Locale): Message {
  if (contacts.length === 0) {
    const text = t(locale, "absence.noContacts");
    return { summary: text, blocks: [{ kind: "text", spans: [plain(text)] }] };
  }
  const lines = contacts.map(
    (c) =>
      `• ${t(locale, `relation.${c.relation}`)}: ${c.name}${c.phone ? `, ${c.phone}` : ""}${c.email ? `, ${c.email}` : ""}`,
  );
  const heading = t(locale, "absence.contacts");
  return { summary: heading, blocks: [{ kind: "text", spans: [plain(`${heading}\n${lines.join("\n")}`)] }] };
}
