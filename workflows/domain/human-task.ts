/**
 * A human task: something a person has to do by a deadline, with reminders before it and an escalation chain
 * after it. One model for every workflow that waits on people (a case investigation, the MK 89 absence steps;
 * plans and meetings later), so deadlines, reminders and escalations are counted the same way everywhere.
 *
 * Time is counted from the opening with the school calendar:
 *   - SCHOOL_DAYS n: the end of the n-th school day after the day the task counts from (n = 0: the end of that
 *     day if it is a school day, else of the next one: "ne vēlāk kā mācību dienas laikā");
 *   - WORKING_DAYS n: the end of the n-th working day (Mon–Fri, no public holiday) after it (n = 0: that day or
 *     the next working day);
 *   - HOURS n: n hours after the opening instant; IMMEDIATE: the opening instant itself.
 * "The end of a day" is `endOfSchoolDayHour` Riga time, so a deadline stays at 17:00 local across DST changes.
 *
 * Reminders fire while nothing above them has fired: a reminder whose moment has passed by the time an
 * escalation is also due is skipped (a late "due soon" after "overdue" only confuses). An escalation step
 * either alerts a role while the assignee keeps the task (OVERDUE) or hands the task over to it (ESCALATED).
 *
 * Pure: no I/O, no clock reads (`now` and the calendar are arguments), no Node built-ins; safe in workflows.
 * Instants are ISO strings so a task lives in workflow state and histories as plain JSON.
 */
import {
  addCalendarDays,
  addSchoolDays,
  isWorkingDay,
  rigaDateOf,
  rigaEndOfSchoolDay,
  schoolDaysBetween,
  DEFAULT_END_OF_SCHOOL_DAY_HOUR,
  type IsoDate,
  type SchoolDayContext,
} from "./calendar/index.js";

export const TASK_STATES = ["OPEN", "DONE", "CANCELLED", "OVERDUE", "ESCALATED"] as const;
/** Same values as the Prisma enum `TaskState` (the workflow fence keeps prisma/ out of workflows/). */
export type TaskState = (typeof TASK_STATES)[number];
/** States in which the task still waits for someone (My Work lists these). */
export const ACTIVE_TASK_STATES = ["OPEN", "OVERDUE", "ESCALATED"] as const satisfies readonly TaskState[];

/** A point in time counted from the opening (see the module header). */
export type TaskTime =
  | { unit: "IMMEDIATE" }
  | { unit: "SCHOOL_DAYS"; days: number }
  | { unit: "WORKING_DAYS"; days: number }
  | { unit: "HOURS"; hours: number };

/** A distance before or after an instant: whole school or working days (to the end of that day), or hours. */
export type TaskOffset =
  { unit: "SCHOOL_DAYS"; days: number } | { unit: "WORKING_DAYS"; days: number } | { unit: "HOURS"; hours: number };

/**
 * A reminder to whoever holds the task: `before` the deadline (e.g. 1 school day, 2 hours), or at a time
 * counted from the opening like the deadline (`at`; it may fall after a deadline that has no escalation).
 */
export type ReminderSpec = { before: TaskOffset } | { at: TaskTime };

/** One rung of the escalation chain; `after` counts from the deadline (absent: at the deadline). */
export interface EscalationSpec {
  role: string;
  after?: TaskOffset;
  /** True: the task passes to `role` (ESCALATED). False: `role` is alerted, the assignee keeps it (OVERDUE). */
  handOver: boolean;
}

export interface TaskSpec {
  /** e.g. CASE_INVESTIGATION, PARENT_CONTACT, VIIS_ENTRY, SOCIAL_SERVICE_REFERRAL, REFERRAL_ACKNOWLEDGEMENT. */
  kind: string;
  /** Unique within the workflow, e.g. "PARENT_CONTACT:2025-10-16"; the Task row's dedupeKey ends with it. */
  key: string;
  /** Who does it first: a Prisma `Role`, or a group such as SUPPORT_TEAM until someone takes it. */
  assigneeRole: string;
  legalPoint: string | null;
  due: TaskTime;
  /** The day the deadline counts from when it is not the opening day (e.g. the day of the absence). */
  countFrom?: IsoDate;
  reminders: readonly ReminderSpec[];
  escalation: readonly EscalationSpec[];
}

/** The learner's school calendar plus the hour a school day ends for deadlines. */
export type TaskCalendarContext = SchoolDayContext & { endOfSchoolDayHour?: number };

export interface PlannedEscalation {
  /** 1 for the first rung of the chain. */
  level: number;
  role: string;
  at: string;
  handOver: boolean;
}

export interface TaskPlan {
  openedAt: string;
  dueAt: string;
  /** Strictly after the opening, sorted. */
  reminders: string[];
  escalations: PlannedEscalation[];
}

/** A task as a workflow keeps it in its state. */
export interface HumanTask {
  kind: string;
  key: string;
  legalPoint: string | null;
  /** Who holds it now (changes on hand-over, or when the first assignee role has nobody). */
  assigneeRole: string;
  /** A named person once known (e.g. the case manager who took the case). */
  assigneeId: string | null;
  state: TaskState;
  /** Rung of the chain the holder is on (0: the first assignee). */
  escalationLevel: number;
  plan: TaskPlan;
  /** Reminders handled (sent or skipped), in plan order. */
  remindersHandled: number;
  /** Planned escalations handled, in plan order. */
  escalationsHandled: number;
}

const HOUR_MS = 3_600_000;

function endOfDay(day: IsoDate, ctx: TaskCalendarContext): Date {
  return rigaEndOfSchoolDay(day, ctx.endOfSchoolDayHour ?? DEFAULT_END_OF_SCHOOL_DAY_HOUR);
}

/** `n` working days after `from` (n = 0: `from` itself when it is a working day, else the next one). */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let day = from;
  if (n === 0) {
    while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }
  for (let left = n; left > 0;) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** `n` working days before `from` (n ≥ 1). */
export function subtractWorkingDays(from: IsoDate, n: number): IsoDate {
  let day = from;
  for (let left = n; left > 0;) {
    day = addCalendarDays(day, -1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The instant of `time` counted from `openedAt` (days count from `countFrom`, else the opening's Riga date). */
export function instantOf(time: TaskTime, openedAt: Date, countFrom: IsoDate, ctx: TaskCalendarContext): Date {
  switch (time.unit) {
    case "IMMEDIATE":
      return openedAt;
    case "HOURS":
      return new Date(openedAt.getTime() + time.hours * HOUR_MS);
    case "SCHOOL_DAYS":
      return endOfDay(addSchoolDays(countFrom, time.days, ctx), ctx);
    case "WORKING_DAYS":
      return endOfDay(addWorkingDays(countFrom, time.days), ctx);
  }
}

/** The instant `offset` after `from` (days: the end of the n-th school/working day after `from`'s Riga day). */
function after(from: Date, offset: TaskOffset, ctx: TaskCalendarContext): Date {
  if (offset.unit === "HOURS") return new Date(from.getTime() + offset.hours * HOUR_MS);
  return instantOf(offset, from, rigaDateOf(from), ctx);
}

/**
 * The instant `offset` before the deadline: hours back from it, or the end of the school (working) day that many
 * school (working) days before the deadline's day. School days are counted back within the task's own days
 * (from `countFrom`), so "1 school day before a 5-school-day deadline" is the end of the 4th school day; null
 * when that would be before the day the task counts from.
 */
function before(due: Date, offset: TaskOffset, countFrom: IsoDate, ctx: TaskCalendarContext): Date | null {
  switch (offset.unit) {
    case "HOURS":
      return new Date(due.getTime() - offset.hours * HOUR_MS);
    case "SCHOOL_DAYS": {
      const daysToDue = schoolDaysBetween(countFrom, rigaDateOf(due), ctx);
      const left = daysToDue - offset.days;
      return left < 0 ? null : endOfDay(addSchoolDays(countFrom, left, ctx), ctx);
    }
    case "WORKING_DAYS":
      return offset.days <= 0 ? due : endOfDay(subtractWorkingDays(rigaDateOf(due), offset.days), ctx);
  }
}

/**
 * Deadline, reminders and escalation instants of a task opened at `openedAt`. Reminders not strictly after the
 * opening (already past) and not strictly before the first escalation are dropped: a reminder is for acting
 * before anyone above is told.
 */
export function planTask(spec: TaskSpec, openedAt: Date, ctx: TaskCalendarContext): TaskPlan {
  const countFrom = spec.countFrom && spec.countFrom > rigaDateOf(openedAt) ? spec.countFrom : rigaDateOf(openedAt);
  const due = instantOf(spec.due, openedAt, countFrom, ctx);
  const escalations = spec.escalation.map((step, i): PlannedEscalation => ({
    level: i + 1,
    role: step.role,
    at: (step.after ? after(due, step.after, ctx) : due).toISOString(),
    handOver: step.handOver,
  }));
  const firstEscalation = escalations.length ? Date.parse(escalations[0]!.at) : Infinity;
  const reminders = spec.reminders
    .map((r) => ("before" in r ? before(due, r.before, countFrom, ctx) : instantOf(r.at, openedAt, countFrom, ctx)))
    .filter((at): at is Date => at !== null && at.getTime() > openedAt.getTime() && at.getTime() < firstEscalation)
    .map((at) => at.getTime());
  return {
    openedAt: openedAt.toISOString(),
    dueAt: due.toISOString(),
    reminders: [...new Set(reminders)].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString()),
    escalations,
  };
}

/** A new task in state OPEN with its plan. */
export function openedTask(spec: TaskSpec, plan: TaskPlan): HumanTask {
  return {
    kind: spec.kind,
    key: spec.key,
    legalPoint: spec.legalPoint,
    assigneeRole: spec.assigneeRole,
    assigneeId: null,
    state: "OPEN",
    escalationLevel: 0,
    plan,
    remindersHandled: 0,
    escalationsHandled: 0,
  };
}

export const isClosed = (task: Pick<HumanTask, "state">): boolean =>
  task.state === "DONE" || task.state === "CANCELLED";

export interface DueActions {
  /** Reminders to send now (plan indexes). */
  remind: number[];
  /** Reminders whose moment passed while an escalation is also due: marked handled, not sent. */
  skip: number[];
  escalate: PlannedEscalation[];
}

/** What is due for `task` at `now`: reminders to send or skip and escalations to fire, in plan order. */
export function dueActions(task: HumanTask, now: number): DueActions {
  if (isClosed(task)) return { remind: [], skip: [], escalate: [] };
  const escalate = task.plan.escalations.slice(task.escalationsHandled).filter((e) => Date.parse(e.at) <= now);
  const firedOrFiring = task.plan.escalations.slice(0, task.escalationsHandled + escalate.length);
  const remind: number[] = [];
  const skip: number[] = [];
  task.plan.reminders.forEach((at, index) => {
    if (index < task.remindersHandled || Date.parse(at) > now) return;
    const superseded = firedOrFiring.some((e) => Date.parse(e.at) >= Date.parse(at));
    (superseded ? skip : remind).push(index);
  });
  return { remind, skip, escalate };
}

/** The earliest instant (ms) at which something is due for any of `tasks`, or null when nothing ever is. */
export function nextWake(tasks: readonly HumanTask[], now: number): number | null {
  let wake = Infinity;
  for (const task of tasks) {
    if (isClosed(task)) continue;
    const pending = [
      ...task.plan.reminders.slice(task.remindersHandled),
      ...task.plan.escalations.slice(task.escalationsHandled).map((e) => e.at),
    ].map((at) => Date.parse(at));
    for (const at of pending) wake = Math.min(wake, at);
  }
  if (wake === Infinity) return null;
  return Math.max(wake, now);
}

// Transitions: each returns a new task; the workflow helper stores it and records it through an activity.

export function markReminders(task: HumanTask, handled: readonly number[]): HumanTask {
  if (!handled.length) return task;
  return { ...task, remindersHandled: Math.max(task.remindersHandled, Math.max(...handled) + 1) };
}

/** A planned escalation fired: alert (OVERDUE) or hand-over (ESCALATED); a hand-over is never undone. */
export function escalated(task: HumanTask, step: PlannedEscalation): HumanTask {
  if (isClosed(task)) return task;
  return {
    ...task,
    escalationsHandled: Math.max(task.escalationsHandled, step.level),
    escalationLevel: step.handOver ? Math.max(task.escalationLevel, step.level) : task.escalationLevel,
    assigneeRole: step.handOver ? step.role : task.assigneeRole,
    assigneeId: step.handOver ? null : task.assigneeId,
    state: step.handOver || task.state === "ESCALATED" ? "ESCALATED" : "OVERDUE",
  };
}

/**
 * The holder's role has nobody: the task passes to the next rung of the chain at once (its planned alerts still
 * fire at their instants). Null when the chain has no rung left.
 */
export function handedOverForNobody(task: HumanTask): HumanTask | null {
  const next = task.plan.escalations[task.escalationLevel];
  if (!next || isClosed(task)) return null;
  return { ...task, escalationLevel: next.level, assigneeRole: next.role, assigneeId: null, state: "ESCALATED" };
}

/** A named person takes the task (e.g. the support-team member who becomes case manager). */
export function assignedTo(task: HumanTask, staffId: string, role?: string): HumanTask {
  if (isClosed(task)) return task;
  return { ...task, assigneeId: staffId, ...(role ? { assigneeRole: role } : {}) };
}

export function completed(task: HumanTask): HumanTask {
  return isClosed(task) ? task : { ...task, state: "DONE" };
}

export function cancelled(task: HumanTask): HumanTask {
  return isClosed(task) ? task : { ...task, state: "CANCELLED" };
}
