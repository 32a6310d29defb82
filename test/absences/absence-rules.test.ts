import { describe, expect, it } from "vitest";
import { AgencyKind, ContactRelation, MeetingBody, Role } from "../../prisma/generated/enums.js";
import {
  AGENCY_KINDS,
  DEFAULT_ABSENCE_RULES,
  MEETING_BODIES,
  OUT_OF_FAMILY_CONTACTS,
  RESPONDER_ROLES,
  NO_ABSENCES,
  absenceRuleSetSchema,
  ruleSetInForce,
  thresholdCrossings,
  type AbsenceMeasures,
  type AbsenceProgramme,
} from "../../workflows/domain/absence-rules.js";

const m = (partial: Partial<AbsenceMeasures>): AbsenceMeasures => ({ ...NO_ABSENCES, ...partial });
const crossed = (before: Partial<AbsenceMeasures>, after: Partial<AbsenceMeasures>, programme: AbsenceProgramme) =>
  thresholdCrossings(m(before), m(after), DEFAULT_ABSENCE_RULES, programme).map((c) => c.ruleId);

describe("DEFAULT_ABSENCE_RULES (MK 89)", () => {
  it("is version 1, in force from 2011-02-01, and names a legal point on every rule and action", () => {
    expect(DEFAULT_ABSENCE_RULES.version).toBe(1);
    expect(DEFAULT_ABSENCE_RULES.effectiveFrom).toBe("2011-02-01");
    for (const rule of DEFAULT_ABSENCE_RULES.thresholds) {
      expect(rule.legalPoint).toMatch(/^[A-Z][A-Z0-9_]*$/);
      for (const action of rule.actions) expect(action.legalPoint).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it("raises the director's immediate VIIS task and notifies the municipal specialist (p.7, p.7²)", () => {
    const school = DEFAULT_ABSENCE_RULES.thresholds.find((r) => r.id === "viis-entry-school");
    expect(school).toMatchObject({ legalPoint: "MK89_P7", measure: "SEMESTER_UNEXCUSED_LESSONS", moreThan: 20 });
    expect(school?.actions).toEqual([
      { kind: "TASK", task: "VIIS_ENTRY", assignee: "DIRECTOR", due: { kind: "IMMEDIATE" }, legalPoint: "MK89_P7" },
      { kind: "NOTIFY", recipient: "MUNICIPAL_EDUCATION_SPECIALIST", legalPoint: "MK89_P7_2" },
    ]);
  });

  it("routes out-of-family care contacts to foster family, guardian or institution head (p.2)", () => {
    expect(DEFAULT_ABSENCE_RULES.parentContact).toMatchObject({
      due: { kind: "END_OF_SCHOOL_DAY" },
      outOfFamilyCare: { legalPoint: "MK89_P2", contacts: ["FOSTER_FAMILY", "GUARDIAN", "CARE_INSTITUTION_HEAD"] },
    });
  });

  it("refers unresolved cases to the social service after 10 school days, acknowledgement in 5 working days", () => {
    expect(DEFAULT_ABSENCE_RULES.socialServiceReferral).toMatchObject({
      unresolvedAfterSchoolDays: 10,
      recipient: "SOCIAL_SERVICE",
      document: { signature: "E_SIGNATURE", channel: "OFFICIAL_EMAIL" },
      acknowledgement: { withinWorkingDays: 5, onSilenceEscalateTo: "MUNICIPAL_COORDINATOR" },
    });
  });

  it("survives a JSON round trip through the schema (how RuleSet.definition stores it)", () => {
    expect(absenceRuleSetSchema.parse(JSON.parse(JSON.stringify(DEFAULT_ABSENCE_RULES)))).toEqual(
      DEFAULT_ABSENCE_RULES,
    );
  });

  it("rejects a referral that starts from an unknown rule and duplicate rule ids", () => {
    const broken = {
      ...DEFAULT_ABSENCE_RULES,
      thresholds: [...DEFAULT_ABSENCE_RULES.thresholds, DEFAULT_ABSENCE_RULES.thresholds[0]],
      socialServiceReferral: { ...DEFAULT_ABSENCE_RULES.socialServiceReferral, startsWith: ["nope"] },
    };
    const result = absenceRuleSetSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual([
      "duplicate rule id viis-entry-school",
      "no threshold rule nope",
    ]);
  });
});

describe("enum lists mirrored from the Prisma schema", () => {
  it("match the generated enums", () => {
    expect([...RESPONDER_ROLES].sort()).toEqual(Object.values(Role).sort());
    expect([...MEETING_BODIES].sort()).toEqual(Object.values(MeetingBody).sort());
    expect([...AGENCY_KINDS].sort()).toEqual(Object.values(AgencyKind).sort());
    for (const relation of OUT_OF_FAMILY_CONTACTS) expect(Object.values(ContactRelation)).toContain(relation);
  });
});

describe("thresholdCrossings", () => {
  const cases: Array<{
    name: string;
    programme: AbsenceProgramme;
    before: Partial<AbsenceMeasures>;
    after: Partial<AbsenceMeasures>;
    expected: string[];
  }> = [
    {
      name: "20 unexcused lessons do not trigger",
      programme: "GENERAL",
      before: {},
      after: { SEMESTER_UNEXCUSED_LESSONS: 20, YEAR_UNEXCUSED_LESSONS: 20 },
      expected: [],
    },
    {
      name: "the 21st lesson triggers",
      programme: "GENERAL",
      before: { SEMESTER_UNEXCUSED_LESSONS: 20 },
      after: { SEMESTER_UNEXCUSED_LESSONS: 21 },
      expected: ["viis-entry-school"],
    },
    {
      name: "vocational counts like general",
      programme: "VOCATIONAL",
      before: {},
      after: { SEMESTER_UNEXCUSED_LESSONS: 21 },
      expected: ["viis-entry-school"],
    },
    {
      name: "already over 20: not crossed again",
      programme: "GENERAL",
      before: { SEMESTER_UNEXCUSED_LESSONS: 21 },
      after: { SEMESTER_UNEXCUSED_LESSONS: 30 },
      expected: [],
    },
    {
      name: "a lowered count never un-crosses or re-crosses",
      programme: "GENERAL",
      before: { SEMESTER_UNEXCUSED_LESSONS: 25 },
      after: { SEMESTER_UNEXCUSED_LESSONS: 19 },
      expected: [],
    },
    {
      name: "pre-school: 3 days do not trigger",
      programme: "PRESCHOOL",
      before: {},
      after: { SEMESTER_UNEXCUSED_DAYS: 3 },
      expected: [],
    },
    {
      name: "pre-school: the 4th day triggers",
      programme: "PRESCHOOL",
      before: { SEMESTER_UNEXCUSED_DAYS: 3 },
      after: { SEMESTER_UNEXCUSED_DAYS: 4 },
      expected: ["viis-entry-preschool"],
    },
    {
      name: "pre-school ignores lesson counts",
      programme: "PRESCHOOL",
      before: {},
      after: { SEMESTER_UNEXCUSED_LESSONS: 50, YEAR_UNEXCUSED_LESSONS: 250 },
      expected: [],
    },
    {
      name: "school ignores day counts",
      programme: "GENERAL",
      before: {},
      after: { SEMESTER_UNEXCUSED_DAYS: 10 },
      expected: [],
    },
    {
      name: "100 in the year is not above 100",
      programme: "GENERAL",
      before: { YEAR_UNEXCUSED_LESSONS: 90 },
      after: { YEAR_UNEXCUSED_LESSONS: 100 },
      expected: [],
    },
    {
      name: "101 in the year crosses the 100 mark",
      programme: "GENERAL",
      before: { YEAR_UNEXCUSED_LESSONS: 100 },
      after: { YEAR_UNEXCUSED_LESSONS: 101 },
      expected: ["year-over-100"],
    },
    {
      name: "201 crosses only the 200 mark when 100 was already passed",
      programme: "GENERAL",
      before: { YEAR_UNEXCUSED_LESSONS: 150 },
      after: { YEAR_UNEXCUSED_LESSONS: 201 },
      expected: ["year-over-200"],
    },
    {
      name: "one big import crosses every mark at once",
      programme: "GENERAL",
      before: {},
      after: { SEMESTER_UNEXCUSED_LESSONS: 120, YEAR_UNEXCUSED_LESSONS: 205 },
      expected: ["viis-entry-school", "year-over-100", "year-over-200"],
    },
  ];
  it.each(cases)("$name", ({ programme, before, after, expected }) => {
    expect(crossed(before, after, programme)).toEqual(expected);
  });

  it("reports the values around the crossing and the rule's actions", () => {
    const [crossing] = thresholdCrossings(
      m({ SEMESTER_UNEXCUSED_LESSONS: 18 }),
      m({ SEMESTER_UNEXCUSED_LESSONS: 23 }),
      DEFAULT_ABSENCE_RULES,
      "GENERAL",
    );
    expect(crossing).toMatchObject({
      ruleId: "viis-entry-school",
      legalPoint: "MK89_P7",
      moreThan: 20,
      before: 18,
      after: 23,
    });
    expect(crossing?.actions.map((a) => a.kind)).toEqual(["TASK", "NOTIFY"]);
  });
});

describe("ruleSetInForce", () => {
  const v2 = { ...DEFAULT_ABSENCE_RULES, version: 2, effectiveFrom: "2027-01-01" as const };
  it("picks the newest version whose period contains the date", () => {
    expect(ruleSetInForce([DEFAULT_ABSENCE_RULES, v2], "2026-11-24")?.version).toBe(1);
    expect(ruleSetInForce([DEFAULT_ABSENCE_RULES, v2], "2027-01-01")?.version).toBe(2);
    expect(ruleSetInForce([v2], "2026-11-24")).toBeNull();
  });
});
