import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from "@temporalio/workflow";
import type { createAbsenceActivities } from "../activities/absence-activities.js";
import {
  AbsenceErrors,
  absenceStateQuery,
  absencesRecordedSignal,
  completeStepUpdate,
  type AbsenceNotice,
  type AbsenceState,
  type AbsenceStep,
  type AbsencesRecorded,
  type AbsenceWorkflowInput,
  type SemesterKey,
  type StepAction,
  type StepKind,
} from "./absence-messages.js";
import { NO_ABSENCES, thresholdCrossings, type AbsenceAction } from "./domain/absence-rules.js";
import {
  addCalendarDays,
  addSchoolDays,
  isWorkingDay,
  rigaDateOf,
  rigaEndOfSchoolDay,
  type Grade,
  type IsoDate,
} from "./domain/calendar/index.js";

type Activities = ReturnType<typeof createAbsenceActivities>;
const records = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});
// Chat delivery: 429/5xx back off for up to a day; a message Slack refuses outright is not retried.
const { notifyAbsence } = proxyActivities<Activities>({
  startToCloseTimeout: "1 minute",
  retry: {
    initialInterval: "2 seconds",
    backoffCoefficient: 2,
    maximumInterval: "10 minutes",
    maximumAttempts: 60,
    nonRetryableErrorTypes: ["UNDELIVERABLE"],
  },
});

const CONTINUE_AS_NEW_AFTER_EVENTS = 2_000;
const HOUR = 3_600_000;

const termKey = (t: SemesterKey) => `${t.schoolYear}#${t.semester}`;

/**
 * Absence escalation under Cabinet Regulation No. 89 for one learner, one run per semester (law-and-platform-
 * limits.md §1.3). Imports signal the new counters; the workflow applies the rule set it started with: same-day
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
    steps: [],
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

  setHandler(absencesRecordedSignal, (signal) => {
    if (!state.processedBatches.includes(signal.batchId) && !inbox.some((s) => s.batchId === signal.batchId))
      inbox.push(signal);
  });
  setHandler(absenceStateQuery, () => state);
  setHandler(
    completeStepUpdate,
    async (action) => {
      actions.push(action);
      await condition(() => !actions.includes(action));
      return state;
    },
    {
      validator: (action) => {
        if (action.kind === "RESOLVED") return;
        const step = state.steps.find((s) => s.key === action.stepKey);
        if (!step)
          throw ApplicationFailure.create({ type: AbsenceErrors.UNKNOWN_STEP, message: `No step ${action.stepKey}` });
        if (step.status === "DONE" || step.status === "CANCELLED")
          throw ApplicationFailure.create({ type: AbsenceErrors.STEP_CLOSED, message: "Step already done" });
      },
    },
  );

  await records.recordEscalation({ ...ref, ruleSetVersion: state.ruleSet.version });

  const openStep = async (
    kind: StepKind,
    key: string,
    legalPoint: string,
    dueAt: string,
    remindAt: string | null,
    detail?: { count?: number; date?: IsoDate; agency?: string },
  ) => {
    if (state.steps.some((s) => s.key === key)) return;
    const step: AbsenceStep = { key, kind, legalPoint, dueAt, remindAt, status: "OPEN", reminded: false };
    state.steps.push(step);
    await records.openAbsenceStep({ ...ref, step });
    await notifyAbsence({
      ...ref,
      notice: { kind: "STEP_OPENED", step, ...(detail ? { detail } : {}) } satisfies AbsenceNotice,
    });
  };
  const closeStep = async (
    step: AbsenceStep,
    status: AbsenceStep["status"],
    outcome: Record<string, string>,
    actorId?: string,
  ) => {
    step.status = status;
    await records.updateAbsenceStep({ ...ref, stepKey: step.key, status, outcome, ...(actorId ? { actorId } : {}) });
  };

  const applyCrossingAction = async (action: AbsenceAction, ruleId: string, count: number) => {
    if (action.kind === "TASK") {
      // "Nekavējoties": due at once; a reminder follows at the end of the next school day if still not done.
      const due =
        action.due.kind === "IMMEDIATE"
          ? new Date(Date.now()).toISOString()
          : endOfSchoolDay(today(), action.due.kind === "SCHOOL_DAYS" ? action.due.days : 0);
      await openStep("VIIS_ENTRY", `VIIS_ENTRY:${ruleId}`, action.legalPoint, due, endOfSchoolDay(today(), 1), {
        count,
      });
    } else if (action.kind === "NOTIFY") {
      await notifyAbsence({
        ...ref,
        notice: { kind: "INFORMED", recipient: action.recipient, legalPoint: action.legalPoint, count },
      });
    } else {
      await records.queueAgendaItem({ ...ref, ruleId, body: action.body });
      await notifyAbsence({ ...ref, notice: { kind: "AGENDA", ruleId, count } });
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
    for (const date of [...signal.newUnexcusedDates].sort()) {
      // Due by the end of that school day; an import that arrives later gives until the end of today's.
      const due = [endOfSchoolDay(date), endOfSchoolDay(today())].sort().at(-1)!;
      const remind = new Date(new Date(due).getTime() - 2 * HOUR);
      await openStep(
        "PARENT_CONTACT",
        `PARENT_CONTACT:${date}`,
        state.ruleSet.parentContact.legalPoint,
        due,
        remind.getTime() > Date.now() ? remind.toISOString() : null,
        { date },
      );
    }
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
    const step = state.steps.find((s) => s.key === action.stepKey)!;
    switch (action.kind) {
      case "PARENTS_CONTACTED":
        await closeStep(step, "DONE", { outcome: action.outcome }, action.staffId);
        return;
      case "VIIS_ENTERED":
        await closeStep(step, "DONE", { remedialAction: action.remedialAction }, action.staffId);
        return;
      case "REFERRAL_SENT": {
        await closeStep(step, "DONE", { documentRef: action.documentRef }, action.staffId);
        const sent = today();
        const ackDue = rigaEndOfSchoolDay(
          addWorkingDays(sent, state.ruleSet.socialServiceReferral.acknowledgement.withinWorkingDays),
        ).toISOString();
        await records.markReferral({ ...ref, status: "SENT", documentRef: action.documentRef, ackDueAt: ackDue });
        // Reminded the working day before the acknowledgement is due.
        await openStep(
          "REFERRAL_ACKNOWLEDGEMENT",
          "REFERRAL_ACKNOWLEDGEMENT",
          state.ruleSet.socialServiceReferral.legalPoint,
          ackDue,
          new Date(new Date(ackDue).getTime() - 24 * HOUR).toISOString(),
        );
        return;
      }
      case "REFERRAL_ACKNOWLEDGED":
        await closeStep(step, "DONE", { acknowledged: "true" }, action.staffId);
        await records.markReferral({ ...ref, status: "ACKNOWLEDGED" });
        return;
    }
  };

  const referralDue = (): number =>
    state.referralClockFrom && !state.resolved && !state.steps.some((s) => s.kind === "SOCIAL_SERVICE_REFERRAL")
      ? new Date(
          endOfSchoolDay(state.referralClockFrom, state.ruleSet.socialServiceReferral.unresolvedAfterSchoolDays),
        ).getTime()
      : Infinity;
  /** Who hears about a step still open at its deadline (null: the deadline only triggers the reminder). */
  const escalationOf = (step: AbsenceStep): string | null =>
    ({
      PARENT_CONTACT: "SCHOOL_COORDINATOR",
      VIIS_ENTRY: null,
      SOCIAL_SERVICE_REFERRAL: "MUNICIPAL_COORDINATOR",
      REFERRAL_ACKNOWLEDGEMENT: state.ruleSet.socialServiceReferral.acknowledgement.onSilenceEscalateTo,
    })[step.kind];
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
    for (const step of state.steps.filter((s) => s.status === "OPEN")) {
      if (!step.reminded && step.remindAt && now >= Date.parse(step.remindAt)) {
        step.reminded = true;
        await notifyAbsence({ ...ref, notice: { kind: "STEP_REMINDER", step } });
      }
      const escalateTo = escalationOf(step);
      if (escalateTo && now >= Date.parse(step.dueAt)) {
        await closeStep(step, step.kind === "REFERRAL_ACKNOWLEDGEMENT" ? "ESCALATED" : "OVERDUE", {});
        await notifyAbsence({ ...ref, notice: { kind: "STEP_OVERDUE", step, escalateTo } });
      }
    }
    if (now >= referralDue()) {
      const due = endOfSchoolDay(today(), 1);
      await records.markReferral({ ...ref, status: "PREPARED" });
      await openStep(
        "SOCIAL_SERVICE_REFERRAL",
        "SOCIAL_SERVICE_REFERRAL",
        state.ruleSet.socialServiceReferral.legalPoint,
        due,
        null,
        { agency: state.ruleSet.socialServiceReferral.recipient },
      );
    }
    if (
      now >= semesterEnd &&
      context.nextTerm &&
      !state.steps.some((s) => s.status === "OPEN" && s.kind.startsWith("REFERRAL"))
    ) {
      return moveOn(context.nextTerm);
    }
    if (workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS || workflowInfo().continueAsNewSuggested) {
      await drainActions();
      return continueAsNew<typeof absenceEscalation>({ ...input, carried: state, pending: inbox });
    }
    const wakeAt = Math.min(
      ...state.steps
        .filter((s) => s.status === "OPEN")
        .flatMap((s) => [
          escalationOf(s) ? Date.parse(s.dueAt) : Infinity,
          !s.reminded && s.remindAt ? Date.parse(s.remindAt) : Infinity,
        ])
        .filter((t) => t > Date.now()),
      referralDue(),
      context.nextTerm ? semesterEnd : Infinity,
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

  /** `n` working days (Mon–Fri, not a public holiday) after `from`. */
  function addWorkingDays(from: IsoDate, n: number): IsoDate {
    let day = from;
    for (let left = n; left > 0;) {
      day = addCalendarDays(day, 1);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  }
}
