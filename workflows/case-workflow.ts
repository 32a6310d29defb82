import {
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
  allHandlersFinished,
} from "@temporalio/workflow";
import type { createCaseActivities } from "../activities/case-activities.js";
import {
  CaseErrors,
  caseStateQuery,
  decideCaseUpdate,
  riskReportedSignal,
  takeCaseUpdate,
  type CaseEvent,
  type CaseState,
  type CaseWorkflowInput,
  type RiskReported,
} from "./case-messages.js";
import { addSchoolDays, rigaDateOf, rigaEndOfSchoolDay, type Grade } from "./domain/calendar/index.js";
import { highestLevel, PREVENTION_LEVELS } from "./domain/triage.js";

const { loadCaseSchedule, recordCaseTaken, recordInvestigationDeadline, recordCaseDecision } = proxyActivities<
  ReturnType<typeof createCaseActivities>
>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});

// Notifications go through the outbox to Slack/Teams: 429s and 5xx are retried with backoff for a day.
const { notifyCase } = proxyActivities<ReturnType<typeof createCaseActivities>>({
  startToCloseTimeout: "1 minute",
  retry: {
    initialInterval: "2 seconds",
    backoffCoefficient: 2,
    maximumInterval: "10 minutes",
    maximumAttempts: 60,
    nonRetryableErrorTypes: ["UNDELIVERABLE"],
  },
});

/** Keep histories far below Temporal's limits; a long-lived confirmed case carries its state into a new run. */
const CONTINUE_AS_NEW_AFTER_EVENTS = 2_000;

/**
 * One workflow per case (pmp-domain.md §3.2): reports arrive as signals, the first support-team member to take
 * the case becomes its manager, the investigation runs against a deadline in school days with a reminder and an
 * escalation to the school coordinator, and the manager confirms (routing by level) or rejects.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const state: CaseState = input.carried ?? {
    phase: "INVESTIGATING",
    caseManagerId: null,
    level: "UNIVERSAL",
    reportIds: [],
    deadline: null,
    reminderAt: null,
    reminderSent: false,
    escalated: false,
    decision: null,
  };
  const pendingReports: RiskReported[] = [];
  const pendingEvents: CaseEvent[] = [];

  setHandler(riskReportedSignal, (report) => {
    // Signals may be delivered again by a retried bot request: the report id makes them idempotent.
    if (state.reportIds.includes(report.reportId) || pendingReports.some((r) => r.reportId === report.reportId)) return;
    pendingReports.push(report);
  });
  setHandler(caseStateQuery, () => state);
  setHandler(
    takeCaseUpdate,
    async ({ staffId }) => {
      if (state.caseManagerId === staffId) return { caseManagerId: staffId, alreadyYours: true };
      state.caseManagerId = staffId;
      await recordCaseTaken({ caseId: input.caseId, staffId });
      pendingEvents.push({ kind: "TAKEN", staffId });
      return { caseManagerId: staffId, alreadyYours: false };
    },
    {
      validator: ({ staffId }) => {
        if (state.phase !== "INVESTIGATING")
          throw ApplicationFailure.create({ type: CaseErrors.ALREADY_DECIDED, message: "The case has been decided" });
        if (state.caseManagerId && state.caseManagerId !== staffId) {
          throw ApplicationFailure.create({
            type: CaseErrors.ALREADY_TAKEN,
            message: "Already taken",
            details: [state.caseManagerId],
          });
        }
      },
    },
  );
  setHandler(
    decideCaseUpdate,
    async (decision) => {
      state.decision = decision;
      state.phase = decision.kind === "CONFIRM" ? "CONFIRMED" : "REJECTED";
      if (decision.kind === "CONFIRM") state.level = decision.level;
      state.caseManagerId ??= decision.staffId;
      await recordCaseDecision({ caseId: input.caseId, decision });
      pendingEvents.push({ kind: "DECIDED", decision });
      return state;
    },
    {
      validator: (decision) => {
        if (state.phase !== "INVESTIGATING")
          throw ApplicationFailure.create({
            type: CaseErrors.ALREADY_DECIDED,
            message: "The case has already been decided",
          });
        if (decision.kind === "CONFIRM" && !PREVENTION_LEVELS.includes(decision.level))
          throw ApplicationFailure.create({ message: `Unknown level ${decision.level}` });
        if (decision.kind === "REJECT" && !decision.reason.trim())
          throw ApplicationFailure.create({ message: "A rejection needs a reason" });
      },
    },
  );

  const schedule = await loadCaseSchedule({ caseId: input.caseId });
  const calendarContext = {
    calendars: schedule.calendars,
    overrides: schedule.overrides,
    grade: schedule.grade as Grade,
    schoolId: schedule.schoolId,
  };
  const endOfSchoolDaysAfter = (isoInstant: string, schoolDays: number): string =>
    rigaEndOfSchoolDay(
      addSchoolDays(rigaDateOf(new Date(isoInstant)), schoolDays, calendarContext),
      input.config.endOfSchoolDayHour,
    ).toISOString();

  const flush = async () => {
    while (pendingReports.length || pendingEvents.length) {
      const report = pendingReports.shift();
      if (report) {
        const first = state.reportIds.length === 0;
        state.reportIds.push(report.reportId);
        if (state.phase === "INVESTIGATING") state.level = highestLevel([state.level, report.level]);
        if (first) {
          const { investigationSchoolDays: days, reminderSchoolDaysBefore: before } = input.config;
          state.deadline = endOfSchoolDaysAfter(report.reportedAt, days);
          state.reminderAt =
            before > 0 && days - before >= 0 ? endOfSchoolDaysAfter(report.reportedAt, days - before) : null;
          await recordInvestigationDeadline({ caseId: input.caseId, dueAt: state.deadline });
        }
        await notifyCase({ caseId: input.caseId, event: { kind: "REPORTED", reportId: report.reportId, first } });
        continue;
      }
      await notifyCase({ caseId: input.caseId, event: pendingEvents.shift()! });
    }
  };

  while (state.phase !== "REJECTED") {
    await flush();
    if (state.phase === "INVESTIGATING" && state.deadline) {
      const deadline = new Date(state.deadline).getTime();
      const remindAt = state.reminderSent || !state.reminderAt ? Infinity : new Date(state.reminderAt).getTime();
      const wakeAt = state.escalated ? Infinity : Math.min(remindAt, deadline);
      const woke = await waitForWork(
        wakeAt,
        () => pendingReports.length > 0 || pendingEvents.length > 0 || state.phase !== "INVESTIGATING",
      );
      if (!woke && state.phase === "INVESTIGATING") {
        if (!state.reminderSent && Date.now() >= remindAt && Date.now() < deadline) {
          state.reminderSent = true;
          await notifyCase({ caseId: input.caseId, event: { kind: "REMINDER", deadline: state.deadline } });
        } else if (Date.now() >= deadline && !state.escalated) {
          state.reminderSent = true;
          state.escalated = true;
          await notifyCase({ caseId: input.caseId, event: { kind: "OVERDUE", deadline: state.deadline } });
        }
      }
    } else {
      await waitForWork(
        Infinity,
        () => pendingReports.length > 0 || pendingEvents.length > 0 || state.phase === "REJECTED",
      );
    }
    if (workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS || workflowInfo().continueAsNewSuggested) {
      await flush();
      await condition(allHandlersFinished);
      return continueAsNew<typeof caseWorkflow>({ ...input, carried: state });
    }
  }
  await flush();
  await condition(allHandlersFinished);
  return state;
}

/** Waits until `ready()` or the instant `wakeAt` (ms); true when woken by work, false by the clock. */
async function waitForWork(wakeAt: number, ready: () => boolean): Promise<boolean> {
  if (wakeAt === Infinity) {
    await condition(ready);
    return true;
  }
  const ms = Math.max(1, wakeAt - Date.now());
  return condition(ready, ms);
}
