// The MK 89 steps as the workflow plans them, rule-set field by rule-set field: each test changes one field and
// shows the plan changes with it (the workflow itself is exercised end to end in the *.e2e tests).
import { describe, expect, it } from "vitest";
import {
  acknowledgementSpec,
  catchUpContactSpec,
  parentContactSpec,
  referralSpec,
  viisEntrySpec,
} from "../../workflows/absence-escalation.js";
import {
  DEFAULT_ABSENCE_RULES,
  NO_ABSENCES,
  absenceRuleSetSchema,
  thresholdCrossings,
  type AbsenceAction,
  type AbsenceMeasures,
  type AbsenceRuleSet,
} from "../../workflows/domain/absence-rules.js";
import { NATIONAL_SCHOOL_YEARS, rigaDateOf, type SchoolDayContext } from "../../workflows/domain/calendar/index.js";
import { planTask } from "../../workflows/domain/human-task.js";

const ctx: SchoolDayContext = { calendars: NATIONAL_SCHOOL_YEARS, grade: 7, beyondCoverage: "WORKING_DAYS" };
const rules = (patch: (r: AbsenceRuleSet) => unknown): AbsenceRuleSet =>
  absenceRuleSetSchema.parse(patch(structuredClone(DEFAULT_ABSENCE_RULES)));
const viisAction = (r: AbsenceRuleSet) =>
  r.thresholds[0]!.actions.find((a): a is Extract<AbsenceAction, { kind: "TASK" }> => a.kind === "TASK")!;
// Thursday 16 Oct 2025, 09:00 in Riga: the week before the autumn holiday (20–24 Oct).
const THURSDAY = new Date("2025-10-16T06:00:00Z");
const m = (partial: Partial<AbsenceMeasures>): AbsenceMeasures => ({ ...NO_ABSENCES, ...partial });

describe("rule-set fields that decide the steps (MK 89)", () => {
  it("MK89_P7 VIIS assignee: the task goes to the role the rule set names", () => {
    expect(viisEntrySpec(viisAction(DEFAULT_ABSENCE_RULES), "viis-entry-school").assigneeRole).toBe("DIRECTOR");
    const changed = rules((r) => {
      (r as AbsenceRuleSet).thresholds[0]!.actions = [
        { ...viisAction(r as AbsenceRuleSet), assignee: "SCHOOL_COORDINATOR" },
      ];
      return r;
    });
    expect(viisEntrySpec(viisAction(changed), "viis-entry-school").assigneeRole).toBe("SCHOOL_COORDINATOR");
  });

  it("MK89_P7 overdue VIIS entry: the school coordinator is alerted, then the municipal education specialist", () => {
    const plan = planTask(viisEntrySpec(viisAction(DEFAULT_ABSENCE_RULES), "viis-entry-school"), THURSDAY, ctx);
    expect(plan.escalations.map((e) => [e.role, rigaDateOf(new Date(e.at))])).toEqual([
      // 2 and 5 school days after Thursday 16 Oct, skipping the weekend and the autumn holiday.
      ["SCHOOL_COORDINATOR", "2025-10-27"],
      ["MUNICIPAL_EDUCATION_SPECIALIST", "2025-10-30"],
    ]);
  });

  it("MK89_P6 due kinds: END_OF_SCHOOL_DAY is the day itself; WORKING_DAYS runs through the school holiday", () => {
    const sameDay = planTask(parentContactSpec(DEFAULT_ABSENCE_RULES, "2025-10-16"), THURSDAY, ctx);
    expect(rigaDateOf(new Date(sameDay.dueAt))).toBe("2025-10-16");
    const inWorkingDays = rules((r) => ({
      ...(r as AbsenceRuleSet),
      parentContact: { ...(r as AbsenceRuleSet).parentContact, due: { kind: "WORKING_DAYS", days: 3 } },
    }));
    const working = planTask(parentContactSpec(inWorkingDays, "2025-10-16"), THURSDAY, ctx);
    expect(rigaDateOf(new Date(working.dueAt))).toBe("2025-10-21"); // Fri, Mon, Tue: the holiday is not a school day
    const inSchoolDays = rules((r) => ({
      ...(r as AbsenceRuleSet),
      parentContact: { ...(r as AbsenceRuleSet).parentContact, due: { kind: "SCHOOL_DAYS", days: 3 } },
    }));
    const school = planTask(parentContactSpec(inSchoolDays, "2025-10-16"), THURSDAY, ctx);
    expect(rigaDateOf(new Date(school.dueAt))).toBe("2025-10-28");
  });

  it("PRACTICE_VBTAI referral recipient: the acknowledgement goes to the agency the rule set names", () => {
    expect(acknowledgementSpec(DEFAULT_ABSENCE_RULES).assigneeRole).toBe("SOCIAL_SERVICE");
    const toCourt = rules((r) => ({
      ...(r as AbsenceRuleSet),
      socialServiceReferral: { ...(r as AbsenceRuleSet).socialServiceReferral, recipient: "ORPHANS_COURT" },
    }));
    expect(acknowledgementSpec(toCourt).assigneeRole).toBe("ORPHANS_COURT");
    expect(referralSpec(toCourt).assigneeRole).toBe("DIRECTOR");
  });

  it("PRACTICE_VBTAI acknowledgement reminder: on the previous working day, not 24 hours before", () => {
    // Sent on Friday 7 Nov 2025: 5 working days → due Friday 14 Nov; reminded at the end of Thursday 13 Nov.
    const sent = new Date("2025-11-07T10:00:00Z");
    const plan = planTask(acknowledgementSpec(DEFAULT_ABSENCE_RULES), sent, ctx);
    expect(rigaDateOf(new Date(plan.dueAt))).toBe("2025-11-14");
    expect(plan.reminders.map((at) => rigaDateOf(new Date(at)))).toEqual(["2025-11-13"]);
    // Due on a Monday: the reminder is on the Friday before, not on Sunday.
    const thursday = new Date("2025-11-13T10:00:00Z"); // → Thu+5 working days = Thu 20 Nov; pick a Monday due:
    const monday = planTask(
      { ...acknowledgementSpec(DEFAULT_ABSENCE_RULES), due: { unit: "WORKING_DAYS", days: 2 } },
      thursday,
      ctx,
    );
    expect(rigaDateOf(new Date(monday.dueAt))).toBe("2025-11-17");
    expect(monday.reminders.map((at) => rigaDateOf(new Date(at)))).toEqual(["2025-11-14"]);
  });

  it("MK89_P6 catch-up: one task for late days, due the next school day, to the same-day contact's holder", () => {
    const spec = catchUpContactSpec(DEFAULT_ABSENCE_RULES, "2025-10-01");
    expect(spec).toMatchObject({ kind: "CATCH_UP_CONTACT", key: "CATCH_UP_CONTACT:2025-10-01" });
    expect(spec.assigneeRole).toBe(DEFAULT_ABSENCE_RULES.parentContact.responsibleRole);
    expect(rigaDateOf(new Date(planTask(spec, THURSDAY, ctx).dueAt))).toBe("2025-10-17");
  });

  it("PRACTICE_MUNICIPAL_100/200: the marks cite municipal practice, not MK 89 p.7.2", () => {
    for (const id of ["year-over-100", "year-over-200"]) {
      const rule = DEFAULT_ABSENCE_RULES.thresholds.find((r) => r.id === id)!;
      for (const action of rule.actions) expect(action.legalPoint).toMatch(/^PRACTICE_MUNICIPAL_/);
    }
  });

  it("MK89_P7 pre-school reading: per semester (default), per school year, or consecutive days", () => {
    const crossed = (reading: AbsenceRuleSet["preschoolReading"], after: Partial<AbsenceMeasures>) =>
      thresholdCrossings(
        NO_ABSENCES,
        m(after),
        rules((r) => ({ ...(r as AbsenceRuleSet), ...(reading ? { preschoolReading: reading } : {}) })),
        "PRESCHOOL",
      ).map((c) => c.ruleId);
    // 4 days this semester, but never 4 in a row; 4 in the school year across both semesters.
    const scattered = { SEMESTER_UNEXCUSED_DAYS: 4, YEAR_UNEXCUSED_DAYS: 4, CONSECUTIVE_UNEXCUSED_DAYS: 2 };
    expect(crossed(undefined, scattered)).toEqual(["viis-entry-preschool"]);
    expect(crossed("CONSECUTIVE", scattered)).toEqual([]);
    expect(crossed("CONSECUTIVE", { ...scattered, CONSECUTIVE_UNEXCUSED_DAYS: 4 })).toEqual(["viis-entry-preschool"]);
    expect(crossed("SCHOOL_YEAR", { SEMESTER_UNEXCUSED_DAYS: 2, YEAR_UNEXCUSED_DAYS: 4 })).toEqual([
      "viis-entry-preschool",
    ]);
    expect(crossed(undefined, { SEMESTER_UNEXCUSED_DAYS: 2, YEAR_UNEXCUSED_DAYS: 4 })).toEqual([]);
  });
});
