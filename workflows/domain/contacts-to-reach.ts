/**
 * Whom the school reaches about a learner's absence: the one answer for the workflow (which contact task to open,
 * whom it names) and for the "Show contacts" view (which contacts it displays), so the two never disagree.
 *
 * - Family (MK 89 p.4.4 as schools read it): the contacts on file marked "inform on absence".
 * - Out-of-family care (MK 89 p.2): only the relations the rule set lists for the care setting stand in for the
 *   parents: by default foster family → FOSTER_FAMILY, guardianship → GUARDIAN, care institution →
 *   CARE_INSTITUTION_HEAD. Birth parents on file are not contacted.
 * - An adult learner (from `Learner.adultFrom`, inclusive) is contacted in person ("LEARNER"); the contacts
 *   above only when the learner's consent is recorded for them.
 * - Children in guardianship or a care institution are in the orphan's court's care, so the court is informed
 *   too (the rule set may list other settings).
 *
 * Pure: no I/O, no clock; `day` is the school day the contact is about (Europe/Riga).
 */
import type { IsoDate } from "./calendar/index.js";
import type { OUT_OF_FAMILY_CONTACTS, AbsenceRuleSet, CareSetting, ContactRelation } from "./absence-rules.js";

type OutOfFamilySetting = Exclude<CareSetting, "FAMILY">;
type OutOfFamilyContact = (typeof OUT_OF_FAMILY_CONTACTS)[number];

/** Who stands in for the parents in each out-of-family setting when the rule set does not say. */
export const DEFAULT_CONTACTS_BY_SETTING: Readonly<Record<OutOfFamilySetting, readonly OutOfFamilyContact[]>> = {
  FOSTER_FAMILY: ["FOSTER_FAMILY"],
  GUARDIANSHIP: ["GUARDIAN"],
  CARE_INSTITUTION: ["CARE_INSTITUTION_HEAD"],
};
/** Children in these settings are in the orphan's court's care when the rule set does not say. */
export const DEFAULT_ORPHANS_COURT_SETTINGS: readonly OutOfFamilySetting[] = ["GUARDIANSHIP", "CARE_INSTITUTION"];

/** A contact on file, as much of it as the rule needs (never the name or the phone). */
export interface ContactOnFile {
  relation: ContactRelation;
  informOnAbsence: boolean;
  /** An adult learner agreed that this contact may be informed (`LearnerContact.consentRecordedAt` is set). */
  consentRecorded: boolean;
}

export interface ContactsToReachInput<C extends ContactOnFile> {
  careSetting: CareSetting;
  /** `Learner.adultFrom` as a date, or null when not known to be an adult. */
  adultFrom: IsoDate | null;
  /** The day the contact is about. */
  day: IsoDate;
  contacts: readonly C[];
  rules: AbsenceRuleSet;
}

export type ContactToReach = ContactRelation | "LEARNER";

export interface ContactsToReach<C extends ContactOnFile> {
  /** The relations the responsible person is told to reach, each once, in the order of the contacts on file. */
  reach: ContactToReach[];
  /** The contacts on file to show or to name (the learner is not a contact on file). */
  contacts: C[];
  /** The relations the rule set expects for this setting (what is missing when `noneOnFile`). */
  expected: ContactToReach[];
  /** Nobody to reach: the task says so and the school coordinator is alerted. */
  noneOnFile: boolean;
  adult: boolean;
  /** The orphan's court (Role ORPHANS_COURT) is informed as well. */
  informOrphansCourt: boolean;
  /** The legal point the contact rests on: the out-of-family point (p.2) or the parent-contact one. */
  legalPoint: string;
}

/** The relations the rule set lets stand in for the parents in `setting` (FAMILY: null, meaning "the family"). */
export function relationsForSetting(setting: CareSetting, rules: AbsenceRuleSet): readonly ContactRelation[] | null {
  if (setting === "FAMILY") return null;
  const care = rules.parentContact.outOfFamilyCare;
  const listed = care.bySetting?.[setting] ?? DEFAULT_CONTACTS_BY_SETTING[setting];
  return listed.filter((relation) => care.contacts.includes(relation));
}

export function orphansCourtInforms(setting: CareSetting, rules: AbsenceRuleSet): boolean {
  if (setting === "FAMILY") return false;
  const settings = rules.parentContact.outOfFamilyCare.informOrphansCourtFor ?? DEFAULT_ORPHANS_COURT_SETTINGS;
  return settings.includes(setting);
}

export function contactsToReach<C extends ContactOnFile>(input: ContactsToReachInput<C>): ContactsToReach<C> {
  const { careSetting, rules } = input;
  const adult = input.adultFrom !== null && input.adultFrom <= input.day;
  const allowed = relationsForSetting(careSetting, rules);
  const contacts = input.contacts.filter(
    (c) => c.informOnAbsence && (allowed === null || allowed.includes(c.relation)) && (!adult || c.consentRecorded),
  );
  const relations = [...new Set(contacts.map((c) => c.relation))];
  const reach: ContactToReach[] = adult ? ["LEARNER", ...relations] : relations;
  const expected: ContactToReach[] = adult ? ["LEARNER"] : allowed ? [...allowed] : ["MOTHER", "FATHER", "PARENT"];
  return {
    reach,
    contacts,
    expected,
    noneOnFile: reach.length === 0,
    adult,
    informOrphansCourt: orphansCourtInforms(careSetting, rules),
    legalPoint:
      careSetting === "FAMILY" ? rules.parentContact.legalPoint : rules.parentContact.outOfFamilyCare.legalPoint,
  };
}
