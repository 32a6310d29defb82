import { describe, expect, it } from "vitest";
import {
  CareSetting as PrismaCareSetting,
  ContactRelation as PrismaContactRelation,
} from "../../prisma/generated/enums.js";
import {
  CARE_SETTINGS,
  CONTACT_RELATIONS,
  DEFAULT_ABSENCE_RULES,
  absenceRuleSetSchema,
  type AbsenceRuleSet,
  type CareSetting,
  type ContactRelation,
} from "../../workflows/domain/absence-rules.js";
import type { IsoDate } from "../../workflows/domain/calendar/index.js";
import { contactsToReach, type ContactOnFile } from "../../workflows/domain/contacts-to-reach.js";

const on = (relation: ContactRelation, extra: Partial<ContactOnFile> = {}): ContactOnFile => ({
  relation,
  informOnAbsence: true,
  consentRecorded: false,
  ...extra,
});
const EVERYONE = [on("MOTHER"), on("FATHER"), on("FOSTER_FAMILY"), on("GUARDIAN"), on("CARE_INSTITUTION_HEAD")];
const DAY: IsoDate = "2025-12-15";

const withCare = (care: Partial<AbsenceRuleSet["parentContact"]["outOfFamilyCare"]>): AbsenceRuleSet =>
  absenceRuleSetSchema.parse({
    ...DEFAULT_ABSENCE_RULES,
    parentContact: {
      ...DEFAULT_ABSENCE_RULES.parentContact,
      outOfFamilyCare: { ...DEFAULT_ABSENCE_RULES.parentContact.outOfFamilyCare, ...care },
    },
  });

const reach = (
  careSetting: CareSetting,
  contacts: ContactOnFile[],
  opts: { adultFrom?: IsoDate | null; rules?: AbsenceRuleSet } = {},
) =>
  contactsToReach({
    careSetting,
    adultFrom: opts.adultFrom ?? null,
    day: DAY,
    contacts,
    rules: opts.rules ?? DEFAULT_ABSENCE_RULES,
  });

describe("contactsToReach (MK 89 p.2, p.4.4; adults)", () => {
  it("lists the same enum values as Prisma", () => {
    expect([...CARE_SETTINGS].sort()).toEqual(Object.values(PrismaCareSetting).sort());
    expect([...CONTACT_RELATIONS].sort()).toEqual(Object.values(PrismaContactRelation).sort());
  });

  it.each<[string, CareSetting, ContactOnFile[], string[], boolean, boolean]>([
    // name, setting, contacts on file, expected reach, none on file, orphan's court
    [
      "family: the contacts marked to inform",
      "FAMILY",
      [on("MOTHER"), on("FATHER", { informOnAbsence: false })],
      ["MOTHER"],
      false,
      false,
    ],
    ["family: an 'other' contact marked to inform", "FAMILY", [on("OTHER")], ["OTHER"], false, false],
    ["family: nobody on file", "FAMILY", [], [], true, false],
    ["MK89_P2 foster family: only the foster family", "FOSTER_FAMILY", EVERYONE, ["FOSTER_FAMILY"], false, false],
    ["MK89_P2 guardianship: only the guardian", "GUARDIANSHIP", EVERYONE, ["GUARDIAN"], false, true],
    ["MK89_P2 care institution: only the head", "CARE_INSTITUTION", EVERYONE, ["CARE_INSTITUTION_HEAD"], false, true],
    [
      "MK89_P2 care institution, only birth parents on file",
      "CARE_INSTITUTION",
      [on("MOTHER"), on("FATHER")],
      [],
      true,
      true,
    ],
    [
      "MK89_P2 one relation once, even with two contacts",
      "GUARDIANSHIP",
      [on("GUARDIAN"), on("GUARDIAN")],
      ["GUARDIAN"],
      false,
      true,
    ],
  ])("%s", (_name, setting, contacts, expected, noneOnFile, court) => {
    const result = reach(setting, contacts);
    expect(result.reach).toEqual(expected);
    expect(result.noneOnFile).toBe(noneOnFile);
    expect(result.informOrphansCourt).toBe(court);
  });

  it("MK89_P2: names the contacts to show, and the p.2 legal point out of the family", () => {
    const result = reach("CARE_INSTITUTION", EVERYONE);
    expect(result.contacts).toEqual([on("CARE_INSTITUTION_HEAD")]);
    expect(result.legalPoint).toBe("MK89_P2");
    expect(result.expected).toEqual(["CARE_INSTITUTION_HEAD"]);
    expect(reach("FAMILY", EVERYONE).legalPoint).toBe("MK89_P6");
  });

  it("ADULT: an adult learner is contacted in person, parents only with recorded consent", () => {
    const contacts = [on("MOTHER", { consentRecorded: true }), on("FATHER")];
    expect(reach("FAMILY", contacts, { adultFrom: DAY })).toMatchObject({
      reach: ["LEARNER", "MOTHER"],
      adult: true,
      noneOnFile: false,
    });
    expect(reach("FAMILY", [on("FATHER")], { adultFrom: "2025-01-01" }).reach).toEqual(["LEARNER"]);
    // The day before turning 18: still a minor.
    expect(reach("FAMILY", contacts, { adultFrom: "2025-12-16" })).toMatchObject({
      reach: ["MOTHER", "FATHER"],
      adult: false,
    });
  });

  it("MK89_P2 rule set: the list per care setting decides whom to reach", () => {
    const rules = withCare({ bySetting: { CARE_INSTITUTION: ["CARE_INSTITUTION_HEAD", "GUARDIAN"] } });
    expect(reach("CARE_INSTITUTION", EVERYONE, { rules }).reach).toEqual(["GUARDIAN", "CARE_INSTITUTION_HEAD"]);
    expect(reach("GUARDIANSHIP", EVERYONE, { rules }).reach).toEqual(["GUARDIAN"]);
  });

  it("MK89_P2 rule set: a relation left out of the contact list is never reached", () => {
    const rules = withCare({ contacts: ["FOSTER_FAMILY", "CARE_INSTITUTION_HEAD"] });
    expect(reach("GUARDIANSHIP", EVERYONE, { rules })).toMatchObject({ reach: [], noneOnFile: true, expected: [] });
  });

  it("MK89_P2 rule set: the settings whose children the orphan's court is told about", () => {
    const rules = withCare({ informOrphansCourtFor: ["FOSTER_FAMILY"] });
    expect(reach("FOSTER_FAMILY", EVERYONE, { rules }).informOrphansCourt).toBe(true);
    expect(reach("CARE_INSTITUTION", EVERYONE, { rules }).informOrphansCourt).toBe(false);
  });
});
