import { t, type Locale } from "../../i18n.js";
import type { ContactRelation } from "../../../../prisma/generated/enums.js";
import type { ContactToReach } from "../../../../workflows/domain/contacts-to-reach.js";
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
 * Whom the contact task says to reach, as the core decided it with the workflow's own rule (contactsToReach):
 * only those contacts are passed here, so the view and the task never disagree.
 */
export interface ContactsView {
  contacts: readonly ContactLine[];
  /** An adult learner (18+) is reached in person; their parents only with recorded consent. */
  learnerInPerson?: boolean;
  /** Nobody on file to reach: the relations the rule set expects, named so the gap is plain. */
  missing?: readonly ContactToReach[];
}

function relationsText(relations: readonly ContactToReach[], locale: Locale): string {
  return relations.map((r) => t(locale, `relation.${r}`)).join(", ");
}

/**
 * The private contact list for the responsible person's call (parents; the foster family, guardian or institution
 * head for a child in out-of-family care, never the birth parents; an adult learner in person and only the
 * contacts they consented to). Only ever an answer to the person who asked, never posted where others can see it.
 */
export function composeContacts(view: ContactsView | readonly ContactLine[], locale: Locale): Message {
  const { contacts, learnerInPerson = false, missing } = "contacts" in view ? view : { contacts: view };
  if (contacts.length === 0 && !learnerInPerson) {
    const text = missing?.length
      ? t(locale, "absence.contacts.noneToReach", { expected: relationsText(missing, locale) })
      : t(locale, "absence.noContacts");
    return { summary: text, blocks: [{ kind: "text", spans: [plain(text)] }] };
  }
  const lines = contacts.map(
    (c) =>
      `• ${t(locale, `relation.${c.relation}`)}: ${c.name}${c.phone ? `, ${c.phone}` : ""}${c.email ? `, ${c.email}` : ""}`,
  );
  if (learnerInPerson) {
    lines.unshift(`• ${t(locale, "absence.contacts.adultLearner")}`);
    if (contacts.length === 0) lines.push(t(locale, "absence.contacts.noConsent"));
  }
  const heading = t(locale, "absence.contacts");
  return { summary: heading, blocks: [{ kind: "text", spans: [plain(`${heading}\n${lines.join("\n")}`)] }] };
}
