import { describe, expect, it } from "vitest";
import {
  NATIONAL_SCHOOL_YEARS,
  municipalityCalendarOverridesSchema,
  type Grade,
  type IsoDate,
} from "../../workflows/domain/calendar/index.js";
import {
  assignedTo,
  completed,
  dueActions,
  escalated,
  handedOverForNobody,
  markReminders,
  nextWake,
  openedTask,
  planTask,
  type TaskPlan,
  type TaskSpec,
} from "../../workflows/domain/human-task.js";

// October–November 2025 in Latvia: the autumn school holiday is Mon 20 – Fri 24 Oct (grades 1–12, national
// calendar 2025/26; pre-school stays open), summer time ends on Sun 26 Oct (Riga UTC+3 → UTC+2), and Tue 18 Nov
// is Proclamation Day. 17:00 in Riga is 14:00Z before the change and 15:00Z after it.

const ctxFor = (grade: Grade = 7) => ({
  calendars: NATIONAL_SCHOOL_YEARS,
  overrides: municipalityCalendarOverridesSchema.parse({}),
  grade,
  endOfSchoolDayHour: 17,
});
/** A Riga wall-clock time as an instant; the offset is written out so each row says which side of DST it is on. */
const at = (iso: string) => new Date(iso);

const spec = (over: Partial<TaskSpec>): TaskSpec => ({
  kind: "TEST",
  key: "TEST",
  assigneeRole: "CLASS_TEACHER",
  legalPoint: null,
  due: { unit: "SCHOOL_DAYS", days: 0 },
  reminders: [],
  escalation: [],
  ...over,
});

const CASE_INVESTIGATION = spec({
  kind: "CASE_INVESTIGATION",
  assigneeRole: "SUPPORT_TEAM",
  due: { unit: "SCHOOL_DAYS", days: 5 },
  reminders: [{ before: { unit: "SCHOOL_DAYS", days: 1 } }],
  escalation: [{ role: "SCHOOL_COORDINATOR", handOver: false }],
});
const PARENT_CONTACT = spec({
  kind: "PARENT_CONTACT",
  due: { unit: "SCHOOL_DAYS", days: 0 },
  reminders: [{ before: { unit: "HOURS", hours: 2 } }],
  escalation: [{ role: "SCHOOL_COORDINATOR", handOver: false }],
});
const REFERRAL_ACKNOWLEDGEMENT = spec({
  kind: "REFERRAL_ACKNOWLEDGEMENT",
  assigneeRole: "SOCIAL_SERVICE",
  due: { unit: "WORKING_DAYS", days: 5 },
  reminders: [{ before: { unit: "HOURS", hours: 24 } }],
  escalation: [{ role: "MUNICIPAL_COORDINATOR", handOver: true }],
});

interface Row {
  name: string;
  spec: TaskSpec;
  openedAt: string;
  grade?: Grade;
  dueAt: string;
  reminders: string[];
  escalations?: string[];
}

const rows: Row[] = [
  {
    name: "case investigation: 5 school days from Thu 16 Oct skip the weekend and the autumn holiday → Thu 30 Oct",
    spec: CASE_INVESTIGATION,
    openedAt: "2025-10-16T09:00:00+03:00",
    dueAt: "2025-10-30T15:00:00.000Z",
    reminders: ["2025-10-29T15:00:00.000Z"],
    escalations: ["2025-10-30T15:00:00.000Z"],
  },
  {
    name: "the same 5 school days for pre-school, which stays open in the autumn holiday → Thu 23 Oct (summer time)",
    spec: CASE_INVESTIGATION,
    openedAt: "2025-10-16T09:00:00+03:00",
    grade: 0,
    dueAt: "2025-10-23T14:00:00.000Z",
    reminders: ["2025-10-22T14:00:00.000Z"],
    escalations: ["2025-10-23T14:00:00.000Z"],
  },
  {
    name: "1 school day with a reminder 1 school day before: the reminder is the end of the opening day",
    spec: { ...CASE_INVESTIGATION, due: { unit: "SCHOOL_DAYS", days: 1 } },
    openedAt: "2025-10-16T09:00:00+03:00",
    dueAt: "2025-10-17T14:00:00.000Z",
    reminders: ["2025-10-16T14:00:00.000Z"],
    escalations: ["2025-10-17T14:00:00.000Z"],
  },
  {
    name: "parent contact for an earlier day, opened Thu 16 Oct 09:00: by the end of today, reminded 2 hours before",
    spec: { ...PARENT_CONTACT, countFrom: "2025-10-13" as IsoDate },
    openedAt: "2025-10-16T09:00:00+03:00",
    dueAt: "2025-10-16T14:00:00.000Z",
    reminders: ["2025-10-16T12:00:00.000Z"],
    escalations: ["2025-10-16T14:00:00.000Z"],
  },
  {
    name: "parent contact opened at 16:00: the 15:00 reminder is already past and dropped",
    spec: PARENT_CONTACT,
    openedAt: "2025-10-16T16:00:00+03:00",
    dueAt: "2025-10-16T14:00:00.000Z",
    reminders: [],
    escalations: ["2025-10-16T14:00:00.000Z"],
  },
  {
    name: "parent contact opened on Sat 25 Oct (summer time): due Mon 27 Oct 17:00 winter time, reminder 15:00",
    spec: PARENT_CONTACT,
    openedAt: "2025-10-25T10:00:00+03:00",
    dueAt: "2025-10-27T15:00:00.000Z",
    reminders: ["2025-10-27T13:00:00.000Z"],
    escalations: ["2025-10-27T15:00:00.000Z"],
  },
  {
    name: "referral acknowledgement: 5 working days from Thu 6 Nov → Thu 13 Nov, reminded 24 hours before",
    spec: REFERRAL_ACKNOWLEDGEMENT,
    openedAt: "2025-11-06T17:30:00+02:00",
    dueAt: "2025-11-13T15:00:00.000Z",
    reminders: ["2025-11-12T15:00:00.000Z"],
    escalations: ["2025-11-13T15:00:00.000Z"],
  },
  {
    name: "working days do not skip the school holiday: 5 from Thu 16 Oct → Thu 23 Oct",
    spec: { ...REFERRAL_ACKNOWLEDGEMENT, reminders: [{ before: { unit: "WORKING_DAYS", days: 1 } }] },
    openedAt: "2025-10-16T09:00:00+03:00",
    dueAt: "2025-10-23T14:00:00.000Z",
    reminders: ["2025-10-22T14:00:00.000Z"],
    escalations: ["2025-10-23T14:00:00.000Z"],
  },
  {
    name: "working days skip Proclamation Day: 2 from Mon 17 Nov → Thu 20 Nov; 1 working day before → Wed 19 Nov",
    spec: {
      ...REFERRAL_ACKNOWLEDGEMENT,
      due: { unit: "WORKING_DAYS", days: 2 },
      reminders: [{ before: { unit: "WORKING_DAYS", days: 1 } }],
    },
    openedAt: "2025-11-17T09:00:00+02:00",
    dueAt: "2025-11-20T15:00:00.000Z",
    reminders: ["2025-11-19T15:00:00.000Z"],
    escalations: ["2025-11-20T15:00:00.000Z"],
  },
  {
    name: "a reminder 1 working day before Mon 27 Oct falls on Fri 24 Oct (a working day in the school holiday)",
    spec: { ...PARENT_CONTACT, reminders: [{ before: { unit: "WORKING_DAYS", days: 1 } }] },
    openedAt: "2025-10-23T09:00:00+03:00",
    grade: 7,
    dueAt: "2025-10-27T15:00:00.000Z",
    reminders: ["2025-10-24T14:00:00.000Z"],
    escalations: ["2025-10-27T15:00:00.000Z"],
  },
  {
    name: "24 hours across the DST change are 24 real hours: Sat 22:00 summer time → Sun 21:00 winter time",
    spec: spec({ due: { unit: "HOURS", hours: 24 }, reminders: [{ before: { unit: "HOURS", hours: 2 } }] }),
    openedAt: "2025-10-25T22:00:00+03:00",
    dueAt: "2025-10-26T19:00:00.000Z",
    reminders: ["2025-10-26T17:00:00.000Z"],
  },
  {
    name: "VIIS entry: due at once, no chain, reminded at the end of the next school day",
    spec: spec({
      kind: "VIIS_ENTRY",
      assigneeRole: "DIRECTOR",
      due: { unit: "IMMEDIATE" },
      reminders: [{ at: { unit: "SCHOOL_DAYS", days: 1 } }],
    }),
    openedAt: "2025-10-16T09:00:00+03:00",
    dueAt: "2025-10-16T06:00:00.000Z",
    reminders: ["2025-10-17T14:00:00.000Z"],
  },
  {
    name: "a chain with its own deadlines: alert at due (Mon 27 Oct), hand-over 2 school days later (Wed 29 Oct)",
    spec: spec({
      kind: "SOCIAL_SERVICE_REFERRAL",
      assigneeRole: "DIRECTOR",
      due: { unit: "SCHOOL_DAYS", days: 1 },
      escalation: [
        { role: "MUNICIPAL_COORDINATOR", handOver: false },
        { role: "MUNICIPAL_EDUCATION_SPECIALIST", after: { unit: "SCHOOL_DAYS", days: 2 }, handOver: true },
        { role: "MANAGER", after: { unit: "HOURS", hours: 48 }, handOver: true },
      ],
    }),
    openedAt: "2025-10-17T12:00:00+03:00",
    dueAt: "2025-10-27T15:00:00.000Z",
    reminders: [],
    escalations: ["2025-10-27T15:00:00.000Z", "2025-10-29T15:00:00.000Z", "2025-10-29T15:00:00.000Z"],
  },
];

describe("planTask: due, reminder and escalation instants", () => {
  it.each(rows)("$name", (row) => {
    const plan = planTask(row.spec, at(row.openedAt), ctxFor(row.grade));
    expect(plan.dueAt).toBe(row.dueAt);
    expect(plan.reminders).toEqual(row.reminders);
    expect(plan.escalations.map((e) => e.at)).toEqual(row.escalations ?? []);
    expect(plan.escalations.map((e) => e.level)).toEqual((row.escalations ?? []).map((_, i) => i + 1));
  });

  it("refuses to guess beyond the calendars it is given", () => {
    expect(() =>
      planTask(
        { ...CASE_INVESTIGATION, due: { unit: "SCHOOL_DAYS", days: 400 } },
        at("2025-10-16T09:00:00+03:00"),
        ctxFor(),
      ),
    ).toThrow(RangeError);
  });
});

describe("dueActions and nextWake", () => {
  const opened = at("2025-10-16T09:00:00+03:00");
  const plan: TaskPlan = planTask(CASE_INVESTIGATION, opened, ctxFor());
  const task = openedTask(CASE_INVESTIGATION, plan);
  const ms = (iso: string) => Date.parse(iso);

  const table: Array<{ name: string; now: string; remind: number[]; skip: number[]; escalate: number[] }> = [
    { name: "before the reminder: nothing", now: "2025-10-29T14:59:59Z", remind: [], skip: [], escalate: [] },
    { name: "at the reminder: remind", now: "2025-10-29T15:00:00Z", remind: [0], skip: [], escalate: [] },
    {
      name: "woken only after the deadline: the stale reminder is skipped, the escalation fires",
      now: "2025-10-31T08:00:00Z",
      remind: [],
      skip: [0],
      escalate: [1],
    },
  ];
  it.each(table)("$name", (row) => {
    const actions = dueActions(task, ms(row.now));
    expect(actions.remind).toEqual(row.remind);
    expect(actions.skip).toEqual(row.skip);
    expect(actions.escalate.map((e) => e.level)).toEqual(row.escalate);
  });

  it("wakes at the reminder, then at the deadline, then never", () => {
    expect(nextWake([task], ms("2025-10-20T00:00:00Z"))).toBe(ms("2025-10-29T15:00:00Z"));
    const reminded = markReminders(task, [0]);
    expect(nextWake([reminded], ms("2025-10-29T15:00:00Z"))).toBe(ms("2025-10-30T15:00:00Z"));
    const overdue = escalated(reminded, plan.escalations[0]!);
    expect(overdue).toMatchObject({ state: "OVERDUE", escalationLevel: 0, assigneeRole: "SUPPORT_TEAM" });
    expect(nextWake([overdue], ms("2025-10-30T15:00:00Z"))).toBeNull();
    expect(dueActions(overdue, ms("2025-11-30T00:00:00Z"))).toEqual({ remind: [], skip: [], escalate: [] });
  });

  it("a hand-over passes the task up the chain; a done task has nothing due", () => {
    const ack = openedTask(REFERRAL_ACKNOWLEDGEMENT, planTask(REFERRAL_ACKNOWLEDGEMENT, opened, ctxFor()));
    const up = escalated(ack, ack.plan.escalations[0]!);
    expect(up).toMatchObject({ state: "ESCALATED", escalationLevel: 1, assigneeRole: "MUNICIPAL_COORDINATOR" });
    const done = completed(up);
    expect(done.state).toBe("DONE");
    expect(completed(done)).toBe(done);
    expect(nextWake([done], 0)).toBeNull();
    expect(dueActions(done, Infinity)).toEqual({ remind: [], skip: [], escalate: [] });
  });

  it("nobody to assign: the next rung takes it at once and the planned alert still fires", () => {
    const handed = handedOverForNobody(task)!;
    expect(handed).toMatchObject({ state: "ESCALATED", escalationLevel: 1, assigneeRole: "SCHOOL_COORDINATOR" });
    expect(handedOverForNobody(handed)).toBeNull();
    expect(dueActions(handed, ms("2025-10-29T15:00:00Z")).remind).toEqual([0]);
    expect(dueActions(handed, ms("2025-10-30T15:00:00Z")).escalate.map((e) => e.role)).toEqual(["SCHOOL_COORDINATOR"]);
  });

  it("taking the task names the person and keeps its deadline", () => {
    const taken = assignedTo(task, "staff-1");
    expect(taken).toMatchObject({ assigneeId: "staff-1", state: "OPEN", plan });
  });
});
