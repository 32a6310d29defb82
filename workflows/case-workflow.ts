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
import type { createTaskActivities } from "../activities/task-activities.js";
import {
  CaseErrors,
  caseStateQuery,
  decideCaseUpdate,
  riskReportedSignal,
  takeCaseUpdate,
  type CaseConfig,
  type CaseEvent,
  type CaseState,
  type CaseWorkflowInput,
  type RiskReported,
} from "./case-messages.js";
import type { Grade } from "./domain/calendar/index.js";
import type { TaskSpec } from "./domain/human-task.js";
import { highestLevel, PREVENTION_LEVELS } from "./domain/triage.js";
import { useHumanTasks } from "./human-tasks.js";

type Activities = ReturnType<typeof createCaseActivities> & ReturnType<typeof createTaskActivities>;

// Records and notifications alike are short database writes: notifications only enqueue a delivery, which a
// separate sender works off (with its own retries for Slack/Teams), so delivery stays off the workflow's path.
const {
  loadCaseSchedule,
  recordCaseTaken,
  recordInvestigationDeadline,
  recordCaseDecision,
  openTask,
  updateTask,
  notifyCase,
} = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});

export const CASE_INVESTIGATION_TASK = "CASE_INVESTIGATION";

/**
 * The investigation as a human task: the support team holds it until someone takes the case, due at the end of
 * the N-th school day after the first report, reminded before, and the school coordinator alerted when it is
 * overdue (CASE_HANDLING rule set; the defaults are the deployment's).
 */
export function caseInvestigationSpec(config: CaseConfig): TaskSpec {
  const days = config.investigationSchoolDays;
  const before = config.reminderSchoolDaysBefore;
  return {
    kind: CASE_INVESTIGATION_TASK,
    key: CASE_INVESTIGATION_TASK,
    assigneeRole: "SUPPORT_TEAM",
    legalPoint: null,
    due: { unit: "SCHOOL_DAYS", days },
    reminders:
      config.investigationReminders ??
      (before > 0 && days - before >= 0 ? [{ before: { unit: "SCHOOL_DAYS", days: before } }] : []),
    escalation: config.investigationEscalation ?? [{ role: "SCHOOL_COORDINATOR", handOver: false }],
  };
}

/** Keep histories far below Temporal's limits; a long-lived confirmed case carries its state into a new run. */
const CONTINUE_AS_NEW_AFTER_EVENTS = 2_000;

/**
 * One workflow per case (docs/domain.md §3; IKVD concept Tab.1.3): reports arrive as signals, the first support-team member to take
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
    tasks: [],
    decision: null,
  };
  const pendingReports: RiskReported[] = [];
  const pendingEvents: CaseEvent[] = [];
  const notify = (event: CaseEvent) => notifyCase({ caseId: input.caseId, event });
  const tasks = useHumanTasks({
    tasks: state.tasks,
    workflowId: workflowInfo().workflowId,
    subject: { type: "Case", id: input.caseId },
    records: { openTask, updateTask },
    notices: {
      reminder: (task) => notify({ kind: "REMINDER", deadline: task.plan.dueAt, taskKey: task.key }),
      escalated: (task, step) =>
        notify({ kind: "OVERDUE", deadline: task.plan.dueAt, taskKey: task.key, escalateTo: step.role }),
      nobodyToAssign: (task, role, handedTo) =>
        notify({ kind: "NOBODY_TO_ASSIGN", taskKey: task.key, taskKind: task.kind, role, handedTo }),
    },
  });

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
      await tasks.assign(CASE_INVESTIGATION_TASK, staffId);
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
      // The completion pattern of human-tasks.ts: the validator below rejects a decided case, the task is
      // closed before the first await, and the bot's update id makes a double click return the same result.
      const recorded = tasks.complete(CASE_INVESTIGATION_TASK, decision.staffId);
      await recordCaseDecision({ caseId: input.caseId, decision });
      await recorded;
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
    endOfSchoolDayHour: input.config.endOfSchoolDayHour,
  };

  const flush = async () => {
    while (pendingReports.length || pendingEvents.length) {
      const report = pendingReports.shift();
      if (report) {
        const first = state.reportIds.length === 0;
        state.reportIds.push(report.reportId);
        if (state.phase === "INVESTIGATING") state.level = highestLevel([state.level, report.level]);
        if (first) {
          const task = await tasks.open(
            caseInvestigationSpec(input.config),
            new Date(report.reportedAt),
            calendarContext,
            async (opened) => {
              state.deadline = opened.plan.dueAt;
              await recordInvestigationDeadline({ caseId: input.caseId, dueAt: opened.plan.dueAt });
            },
          );
          if (task && state.caseManagerId) await tasks.assign(task.key, state.caseManagerId);
        }
        await notifyCase({ caseId: input.caseId, event: { kind: "REPORTED", reportId: report.reportId, first } });
        continue;
      }
      await notifyCase({ caseId: input.caseId, event: pendingEvents.shift()! });
    }
  };

  const ready = () => pendingReports.length > 0 || pendingEvents.length > 0 || state.phase === "REJECTED";
  while (state.phase !== "REJECTED") {
    await flush();
    await tasks.fireDue(Date.now());
    const ms = tasks.msUntilNextWake(Date.now());
    if (ms === null) await condition(ready);
    else await condition(ready, ms);
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
