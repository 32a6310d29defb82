import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from "@temporalio/workflow";
import type { createAbsenceActivities } from "../activities/absence-activities.js";
import type { createTaskActivities } from "../activities/task-activities.js";
import {
  AbsenceErrors,
  absenceStateQuery,
  absencesRecordedSignal,
  completeStepUpdate,
  type AbsenceNotice,
  type AbsenceState,
  type AbsenceStateView,
  type AbsenceStep,
  type AbsencesRecorded,
  type AbsenceWorkflowInput,
  type SemesterKey,
  type StepAction,
  type StepKind,
} from "./absence-messages.js";
import {
  NO_ABSENCES,
  thresholdCrossings,
  type AbsenceAction,
  type AbsenceDue,
  type AbsenceRuleSet,
} from "./domain/absence-rules.js";
import { addSchoolDays, rigaDateOf, rigaEndOfSchoolDay, type Grade, type IsoDate } from "./domain/calendar/index.js";
import { planTask, type HumanTask, type TaskSpec, type TaskTime } from "./domain/human-task.js";
import { useHumanTasks } from "./human-tasks.js";

type Activities = ReturnType<typeof createAbsenceActivities> & ReturnType<typeof createTaskActivities>;
// Records and notifications alike are short database writes: a notification only enqueues a delivery, which a
// separate sender works off (with its own retries for Slack/Teams), so delivery stays off the workflow's path.
const records = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});
const { notifyAbsence } = records;

const CONTINUE_AS_NEW_AFTER_EVENTS = 2_000;

const termKey = (t: SemesterKey) => `${t.schoolYear}#${t.semester}`;

/**
 * Absence escalation under Cabinet Regulation No. 89 for one learner, one run per semester
 * (docs/domain.md §8). Imports signal the new counters; the workflow applies the rule set it started with: same-day
 * parent contact, the VIIS-entry task and the municipal specialist's notice past 20 lessons (3 pre-school days),
 * the social-service referral when nothing is resolved after N school days, its acknowledgement deadline in
 * working days with escalation on silence, and the 100/200-lesson agenda items. Deadlines count school days in
 * the municipality's calendar, so weekends and holidays never eat into them.
 */
export async function absenceEscalation(input: AbsenceWorkflowInput): Promise<void> {
  const context = await records.loadAbsenceContext({ learnerId: input.learnerId, term: input.term });
  const state: AbsenceState = input.carried ?? {
    ruleSet: context.ruleSet,
    measures: NO_ABSENCES,
    crossedRules: [],
    tasks: [],
    processedBatches: [],
    referralClockFrom: null,
    resolved: false,
  };
  const inbox: AbsencesRecorded[] = [...(input.pending ?? [])];
  const actions: StepAction[] = [];
  const ctx = {
    calendars: context.calendars,
    overrides: context.overrides,
    grade: context.grade as Grade,
    schoolId: context.schoolId,
  };
  const today = (): IsoDate => rigaDateOf(new Date(Date.now()));
  const endOfSchoolDay = (day: IsoDate, after = 0): string =>
    rigaEndOfSchoolDay(addSchoolDays(day, after, ctx)).toISOString();
  const ref = { learnerId: input.learnerId, term: input.term };
  const notify = (notice: AbsenceNotice) => notifyAbsence({ ...ref, notice });
  const tasks = useHumanTasks({
    tasks: state.tasks,
    workflowId: workflowInfo().workflowId,
    // One workflow id for all of a learner's semesters, and the step keys recur each semester.
    keyScope: `${input.term.schoolYear}-${input.term.semester}`,
    subject: { type: "Learner", id: input.learnerId },
    records: { openTask: records.openTask, updateTask: records.updateTask },
    errors: { unknown: AbsenceErrors.UNKNOWN_STEP, closed: AbsenceErrors.STEP_CLOSED },
    notices: {
      reminder: (task) => notify({ kind: "STEP_REMINDER", step: stepOf(task) }),
      escalated: async (task, step) => {
        await records.updateAbsenceStep({ ...ref, stepKey: task.key, status: task.state, outcome: {} });
        await notify({ kind: "STEP_OVERDUE", step: stepOf(task), escalateTo: step.role });
      },
      nobodyToAssign: (task, role, handedTo) =>
        notify({ kind: "NOBODY_TO_ASSIGN", stepKey: task.key, stepKind: task.kind as StepKind, role, handedTo }),
    },
  });

  setHandler(absencesRecordedSignal, (signal) => {
    if (!state.processedBatches.includes(signal.batchId) && !inbox.some((s) => s.batchId === signal.batchId))
      inbox.push(signal);
  });
  const view = (): AbsenceStateView => ({ ...state, steps: state.tasks.map(stepOf) });
  setHandler(absenceStateQuery, view);
  setHandler(
    completeStepUpdate,
    // The completion pattern of human-tasks.ts; the main loop then carries out the step's own effects.
    async (action) => {
      const recorded = action.kind === "RESOLVED" ? Promise.resolve() : tasks.complete(action.stepKey, action.staffId);
      actions.push(action);
      await condition(() => !actions.includes(action));
      await recorded;
      return view();
    },
    {
      validator: (action) => {
        if (action.kind !== "RESOLVED") tasks.validateCompletion(action.stepKey);
      },
    },
  );

  await records.recordEscalation({ ...ref, ruleSetVersion: state.ruleSet.version });

  const openStep = async (spec: TaskSpec, detail?: { count?: number; date?: IsoDate; agency?: string }) => {
    await tasks.open(spec, new Date(Date.now()), ctx, async (task) => {
      const step = stepOf(task);
      await records.openAbsenceStep({ ...ref, step });
      await notify({ kind: "STEP_OPENED", step, ...(detail ? { detail } : {}) });
    });
  };
  /** Records a step done (the task itself was closed by the update handler). */
  const closeStep = async (stepKey: string, outcome: Record<string, string>, actorId?: string) => {
    await records.updateAbsenceStep({ ...ref, stepKey, status: "DONE", outcome, ...(actorId ? { actorId } : {}) });
  };

  const applyCrossingAction = async (action: AbsenceAction, ruleId: string, count: number) => {
    if (action.kind === "TASK") {
      await openStep(viisEntrySpec(action, ruleId), { count });
    } else if (action.kind === "NOTIFY") {
      await notify({ kind: "INFORMED", recipient: action.recipient, legalPoint: action.legalPoint, count });
    } else {
      await records.queueAgendaItem({ ...ref, ruleId, body: action.body });
      await notify({ kind: "AGENDA", ruleId, count });
    }
  };

  const handleSignal = async (signal: AbsencesRecorded): Promise<"LATER_TERM" | "DONE"> => {
    if (termKey(signal.term) > termKey(input.term)) return "LATER_TERM";
    state.processedBatches.push(signal.batchId);
    if (termKey(signal.term) < termKey(input.term)) return "DONE"; // late data for a closed semester
    const crossings = thresholdCrossings(state.measures, signal.measures, state.ruleSet, context.programme).filter(
      (c) => !state.crossedRules.includes(c.ruleId),
    );
    state.measures = signal.measures;
    for (const date of [...signal.newUnexcusedDates].sort())
      await openStep(parentContactSpec(state.ruleSet, date), { date });
    for (const crossing of crossings) {
      state.crossedRules.push(crossing.ruleId);
      for (const action of crossing.actions) await applyCrossingAction(action, crossing.ruleId, crossing.after);
      if (state.ruleSet.socialServiceReferral.startsWith.includes(crossing.ruleId) && !state.referralClockFrom)
        state.referralClockFrom = today();
    }
    return "DONE";
  };

  const handleAction = async (action: StepAction) => {
    if (action.kind === "RESOLVED") {
      state.resolved = true;
      await records.updateAbsenceStep({
        ...ref,
        stepKey: null,
        status: "DONE",
        outcome: { resolved: "true" },
        actorId: action.staffId,
      });
      return;
    }
    switch (action.kind) {
      case "PARENTS_CONTACTED":
        await closeStep(action.stepKey, { outcome: action.outcome }, action.staffId);
        return;
      case "VIIS_ENTERED":
        await closeStep(action.stepKey, { remedialAction: action.remedialAction }, action.staffId);
        return;
      case "REFERRAL_SENT": {
        await closeStep(action.stepKey, { documentRef: action.documentRef }, action.staffId);
        const spec = acknowledgementSpec(state.ruleSet);
        const ackDue = planTask(spec, new Date(Date.now()), ctx).dueAt;
        await records.markReferral({ ...ref, status: "SENT", documentRef: action.documentRef, ackDueAt: ackDue });
        await openStep(spec);
        return;
      }
      case "REFERRAL_ACKNOWLEDGED":
        await closeStep(action.stepKey, { acknowledged: "true" }, action.staffId);
        await records.markReferral({ ...ref, status: "ACKNOWLEDGED" });
        return;
    }
  };

  const referralDue = (): number =>
    state.referralClockFrom && !state.resolved && !state.tasks.some((t) => t.kind === "SOCIAL_SERVICE_REFERRAL")
      ? new Date(
          endOfSchoolDay(state.referralClockFrom, state.ruleSet.socialServiceReferral.unresolvedAfterSchoolDays),
        ).getTime()
      : Infinity;
  const semesterEnd = context.semesterEnd ? new Date(rigaEndOfSchoolDay(context.semesterEnd, 23)).getTime() : Infinity;

  for (;;) {
    while (inbox.length || actions.length) {
      const action = actions[0];
      if (action) {
        await handleAction(action);
        actions.shift();
        continue;
      }
      const signal = inbox[0]!;
      if ((await handleSignal(signal)) === "LATER_TERM") return moveOn(signal.term);
      inbox.shift();
    }
    const now = Date.now();
    await tasks.fireDue(now);
    if (now >= referralDue()) {
      await records.markReferral({ ...ref, status: "PREPARED" });
      await openStep(referralSpec(state.ruleSet), { agency: state.ruleSet.socialServiceReferral.recipient });
    }
    if (
      now >= semesterEnd &&
      context.nextTerm &&
      !state.tasks.some((t) => t.state === "OPEN" && t.kind.startsWith("REFERRAL"))
    ) {
      return moveOn(context.nextTerm);
    }
    if (workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS || workflowInfo().continueAsNewSuggested) {
      await drainActions();
      return continueAsNew<typeof absenceEscalation>({ ...input, carried: state, pending: inbox });
    }
    const taskWake = tasks.msUntilNextWake(Date.now());
    const wakeAt = Math.min(
      taskWake === null ? Infinity : Date.now() + taskWake,
      ...[referralDue(), context.nextTerm ? semesterEnd : Infinity].filter((t) => t > Date.now()),
    );
    const ready = () => inbox.length > 0 || actions.length > 0;
    if (wakeAt === Infinity) await condition(ready);
    else await condition(ready, Math.max(1_000, wakeAt - Date.now()));
  }

  /** The semester is over (or a later semester's absences arrived): the next run starts a new escalation. */
  async function moveOn(term: SemesterKey): Promise<void> {
    await drainActions();
    await records.closeEscalation({ ...ref });
    return continueAsNew<typeof absenceEscalation>({
      learnerId: input.learnerId,
      term,
      pending: inbox.filter((s) => !state.processedBatches.includes(s.batchId)),
    });
  }

  /**
   * Button clicks wait in their update handler until the main loop has carried them out; before this run ends,
   * do the ones still waiting, so no handler is left hanging and no click is lost.
   */
  async function drainActions(): Promise<void> {
    do {
      while (actions.length) {
        await handleAction(actions[0]!);
        actions.shift();
      }
      await condition(() => actions.length > 0 || allHandlersFinished());
    } while (actions.length);
  }
}

/** An absence step as the notices and the state query carry it. */
function stepOf(task: HumanTask): AbsenceStep {
  return {
    key: task.key,
    kind: task.kind as StepKind,
    assigneeRole: task.assigneeRole,
    legalPoint: task.legalPoint ?? "",
    dueAt: task.plan.dueAt,
    remindAt: task.plan.reminders[0] ?? null,
    status: task.state,
    reminded: task.remindersHandled > 0,
  };
}

function taskTimeOf(due: AbsenceDue): TaskTime {
  switch (due.kind) {
    case "IMMEDIATE":
      return { unit: "IMMEDIATE" };
    case "END_OF_SCHOOL_DAY":
      return { unit: "SCHOOL_DAYS", days: 0 };
    case "SCHOOL_DAYS":
      return { unit: "SCHOOL_DAYS", days: due.days };
    case "WORKING_DAYS":
      return { unit: "WORKING_DAYS", days: due.days };
  }
}

// The steps as tasks. The defaults (for rule sets that leave the task settings out) are today's MK 89 practice.

/**
 * MK89_P6: by the end of the school day of the absence (an import that arrives later gives until the end of
 * today's), reminded 2 hours before; the school coordinator is alerted when it passes.
 */
export function parentContactSpec(rules: AbsenceRuleSet, date: IsoDate): TaskSpec {
  const step = rules.parentContact;
  return {
    kind: "PARENT_CONTACT",
    key: `PARENT_CONTACT:${date}`,
    assigneeRole: step.responsibleRole,
    legalPoint: step.legalPoint,
    due: taskTimeOf(step.due),
    countFrom: date,
    reminders: step.reminders ?? [{ before: { unit: "HOURS", hours: 2 } }],
    escalation: step.escalation ?? [{ role: "SCHOOL_COORDINATOR", handOver: false }],
  };
}

/** MK89_P7 "nekavējoties": due at once; reminded at the end of the next school day while not done; no chain. */
export function viisEntrySpec(action: Extract<AbsenceAction, { kind: "TASK" }>, ruleId: string): TaskSpec {
  return {
    kind: "VIIS_ENTRY",
    key: `VIIS_ENTRY:${ruleId}`,
    assigneeRole: action.assignee,
    legalPoint: action.legalPoint,
    due: taskTimeOf(action.due),
    reminders: action.reminders ?? [{ at: { unit: "SCHOOL_DAYS", days: 1 } }],
    escalation: action.escalation ?? [],
  };
}

/** The director sends the referral by the end of the next school day; the municipal coordinator hears if not. */
export function referralSpec(rules: AbsenceRuleSet): TaskSpec {
  const step = rules.socialServiceReferral;
  return {
    kind: "SOCIAL_SERVICE_REFERRAL",
    key: "SOCIAL_SERVICE_REFERRAL",
    assigneeRole: "DIRECTOR",
    legalPoint: step.legalPoint,
    due: step.due ?? { unit: "SCHOOL_DAYS", days: 1 },
    reminders: step.reminders ?? [],
    escalation: step.escalation ?? [{ role: "MUNICIPAL_COORDINATOR", handOver: false }],
  };
}

/** The social service acknowledges within N working days, reminded 24 hours before; on silence it passes up. */
export function acknowledgementSpec(rules: AbsenceRuleSet): TaskSpec {
  const step = rules.socialServiceReferral;
  return {
    kind: "REFERRAL_ACKNOWLEDGEMENT",
    key: "REFERRAL_ACKNOWLEDGEMENT",
    assigneeRole: "SOCIAL_SERVICE",
    legalPoint: step.legalPoint,
    due: { unit: "WORKING_DAYS", days: step.acknowledgement.withinWorkingDays },
    reminders: step.acknowledgement.reminders ?? [{ before: { unit: "HOURS", hours: 24 } }],
    escalation: step.acknowledgement.escalation ?? [{ role: step.acknowledgement.onSilenceEscalateTo, handOver: true }],
  };
}
