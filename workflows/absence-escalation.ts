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
  type ClosedTerm,
  type SemesterKey,
  type StepAction,
  type StepDetail,
  type StepKind,
  type TermState,
} from "./absence-messages.js";
import {
  DEFAULT_ABSENCE_RULES,
  NO_ABSENCES,
  isYearMeasure,
  measureFor,
  measureValue,
  thresholdCrossings,
  thresholdsExceeded,
  type AbsenceAction,
  type AbsenceDue,
  type AbsenceMeasures,
  type AbsenceProgramme,
  type AbsenceRuleSet,
  type CareSetting,
} from "./domain/absence-rules.js";
import {
  addSchoolDays,
  beyondKnownCalendar,
  rigaDateOf,
  rigaEndOfSchoolDay,
  schoolDaysBetween,
  type Grade,
  type IsoDate,
  type MunicipalityCalendarOverrides,
  type SchoolDayContext,
  type SchoolYearCalendar,
} from "./domain/calendar/index.js";
import { contactsToReach, type ContactOnFile } from "./domain/contacts-to-reach.js";
import { isClosed, planTask, type HumanTask, type TaskSpec, type TaskTime } from "./domain/human-task.js";
import { useHumanTasks, type HumanTasks } from "./human-tasks.js";

type Activities = ReturnType<typeof createAbsenceActivities> & ReturnType<typeof createTaskActivities>;
// Records and notifications alike are short database writes: a notification only enqueues a delivery, which a
// separate sender works off (with its own retries for Slack/Teams), so delivery stays off the workflow's path.
const records = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});

const CONTINUE_AS_NEW_AFTER_EVENTS = 1_500;
/** Default school days after a semester's end that late data still counts in it (rule set: lateDataGraceSchoolDays). */
export const DEFAULT_LATE_DATA_GRACE_SCHOOL_DAYS = 10;
/** Default age in school days past which absence days roll into one catch-up contact (parentContact.catchUpAfterSchoolDays). */
export const DEFAULT_CATCH_UP_AFTER_SCHOOL_DAYS = 3;
const CLOSED_TERMS_KEPT = 3;
const PROCESSED_BATCHES_KEPT = 400;

const termKey = (t: SemesterKey) => `${t.schoolYear}#${t.semester}`;
const sameTerm = (a: SemesterKey, b: SemesterKey) => termKey(a) === termKey(b);

/** What the workflow decides a semester with (loaded by `loadAbsenceContext`, never carried in the state). */
interface TermContext {
  calendar: SchoolDayContext;
  programme: AbsenceProgramme;
  ruleSet: AbsenceRuleSet;
  semesterEnd: IsoDate | null;
  provisional: boolean;
  excluded: boolean;
  declaredElsewhere: { code: string; known: boolean } | null;
}

/**
 * Absence escalation under Cabinet Regulation No. 89 for one learner (docs/domain.md, absence section). Imports
 * signal the counters per semester; each semester applies the rule set in force when it started: the VIIS entry
 * and the municipal specialist's notice past 20 lessons (3 pre-school days), the same-day contact for days of
 * unknown reason (late days in one catch-up task), the social-service referral when nothing is resolved after N
 * school days, its acknowledgement in working days, and the 100/200-lesson marks once per school year. A semester
 * stays open after its end for late data (a grace period) and while any step is open, so nothing is dropped at
 * the semester change, and the outcome is the same whether or not a run already existed.
 */
export async function absenceEscalation(input: AbsenceWorkflowInput): Promise<void> {
  const state: AbsenceState = input.carried ?? { terms: [], closed: [], processedBatches: [], yearMarks: [] };
  const inbox: AbsencesRecorded[] = [...(input.pending ?? [])];
  const actions: StepAction[] = [];
  const contexts = new Map<string, TermContext>();
  const helpers = new Map<string, HumanTasks>();
  const learnerId = input.learnerId;
  const today = (): IsoDate => rigaDateOf(new Date(Date.now()));

  // ─── per-semester plumbing ─────────────────────────────────────────────────────────────────────────────────

  async function contextOf(term: SemesterKey): Promise<TermContext> {
    const hit = contexts.get(termKey(term));
    if (hit) return hit;
    const loaded = await records.loadAbsenceContext({ learnerId, term });
    const context: TermContext = {
      // Past the loaded calendars deadlines count working days (and the municipal specialist hears of it).
      calendar: {
        calendars: loaded.calendars as SchoolYearCalendar[],
        overrides: loaded.overrides as MunicipalityCalendarOverrides,
        grade: loaded.grade as Grade,
        schoolId: loaded.schoolId,
        beyondCoverage: "WORKING_DAYS",
      },
      programme: loaded.programme,
      ruleSet: loaded.ruleSet,
      semesterEnd: loaded.semesterEnd,
      provisional: loaded.provisional ?? false,
      excluded: loaded.excluded ?? false,
      declaredElsewhere: loaded.declaredElsewhere ?? null,
    };
    contexts.set(termKey(term), context);
    return context;
  }

  const refOf = (t: TermState) => ({ learnerId, term: t.term });
  const notify = (t: TermState, notice: AbsenceNotice) => records.notifyAbsence({ ...refOf(t), notice });

  function tasksOf(t: TermState): HumanTasks {
    const key = termKey(t.term);
    const hit = helpers.get(key);
    if (hit) return hit;
    const helper = useHumanTasks({
      tasks: t.tasks,
      workflowId: workflowInfo().workflowId,
      // One workflow id for all of a learner's semesters, and the step keys recur each semester.
      keyScope: `${t.term.schoolYear}-${t.term.semester}`,
      subject: { type: "Learner", id: learnerId },
      records: { openTask: records.openTask, updateTask: records.updateTask },
      errors: { unknown: AbsenceErrors.UNKNOWN_STEP, closed: AbsenceErrors.STEP_CLOSED },
      notices: {
        reminder: (task) => notify(t, { kind: "STEP_REMINDER", step: stepOf(task, t.term) }),
        escalated: async (task, step) => {
          await records.updateAbsenceStep({ ...refOf(t), stepKey: task.key, status: task.state, outcome: {} });
          await notify(t, { kind: "STEP_OVERDUE", step: stepOf(task, t.term), escalateTo: step.role });
        },
        nobodyToAssign: (task, role, handedTo) =>
          notify(t, { kind: "NOBODY_TO_ASSIGN", stepKey: task.key, stepKind: task.kind as StepKind, role, handedTo }),
      },
    });
    helpers.set(key, helper);
    return helper;
  }

  /** The semester's state: open, reopened from its closed summary (late data), or new. */
  async function termFor(term: SemesterKey): Promise<TermState> {
    const open = state.terms.find((t) => sameTerm(t.term, term));
    if (open) return open;
    const context = await contextOf(term);
    const closed = state.closed.find((c) => sameTerm(c.term, term));
    state.closed = state.closed.filter((c) => c !== closed);
    const created: TermState = {
      term,
      ruleSet: closed?.ruleSet ?? context.ruleSet,
      measures: closed?.measures ?? NO_ABSENCES,
      crossedRules: closed?.crossedRules ?? [],
      tasks: [],
      referralClockFrom: null,
      resolved: closed?.resolved ?? false,
      catchUpDates: {},
      noticed: [],
    };
    state.terms.push(created);
    state.terms.sort((a, b) => (termKey(a.term) < termKey(b.term) ? -1 : 1));
    await records.recordEscalation({ ...refOf(created), ruleSetVersion: created.ruleSet.version });
    return created;
  }

  /** Once per semester: a notice that must not repeat (the orphan's court, a missing calendar, no contact). */
  async function once(t: TermState, key: string, notice: AbsenceNotice): Promise<void> {
    if (t.noticed.includes(key)) return;
    t.noticed.push(key);
    await notify(t, notice);
  }

  async function openStep(t: TermState, spec: TaskSpec, detail: StepDetail = {}): Promise<HumanTask | null> {
    const context = await contextOf(t.term);
    const plan = planTask(spec, new Date(Date.now()), context.calendar);
    const beyond = [plan.dueAt, ...plan.reminders, ...plan.escalations.map((e) => e.at)].some((at) =>
      beyondKnownCalendar(rigaDateOf(new Date(at)), context.calendar),
    );
    const full: StepDetail = {
      ...detail,
      ...(context.provisional ? { provisional: true } : {}),
      ...(beyond ? { beyondCalendar: true } : {}),
    };
    const opened = await tasksOf(t).open(spec, new Date(Date.now()), context.calendar, async (task) => {
      const step = stepOf(task, t.term);
      await records.openAbsenceStep({ ...refOf(t), step });
      await notify(t, { kind: "STEP_OPENED", step, ...(Object.keys(full).length ? { detail: full } : {}) });
    });
    if (opened && beyond) {
      await once(t, "calendar-missing", {
        kind: "ALERT",
        alert: "CALENDAR_MISSING",
        to: "MUNICIPAL_EDUCATION_SPECIALIST",
        legalPoint: spec.legalPoint ?? "MK89_P7",
        stepKey: spec.key,
      });
    }
    return opened;
  }

  const closeStep = (t: TermState, stepKey: string, outcome: Record<string, string>, actorId?: string) =>
    records.updateAbsenceStep({ ...refOf(t), stepKey, status: "DONE", outcome, ...(actorId ? { actorId } : {}) });

  const cancelStep = async (t: TermState, key: string) => {
    const task = tasksOf(t).get(key);
    if (!task || isClosed(task)) return;
    await tasksOf(t).cancel(key);
    await records.updateAbsenceStep({ ...refOf(t), stepKey: key, status: "CANCELLED", outcome: {} });
  };

  // ─── signals: what an import brings ────────────────────────────────────────────────────────────────────────

  async function applyCrossingAction(
    t: TermState,
    action: AbsenceAction,
    ruleId: string,
    count: number,
    context: TermContext,
  ) {
    if (action.kind === "TASK") {
      await openStep(t, viisEntrySpec(action, ruleId), { count });
    } else if (action.kind === "NOTIFY") {
      const routed = routedMunicipality(action.recipient, context);
      await notify(t, {
        kind: "INFORMED",
        recipient: action.recipient,
        legalPoint: action.legalPoint,
        count,
        ...(routed ? { municipalityCode: routed } : {}),
      });
    } else {
      await records.queueAgendaItem({ ...refOf(t), ruleId, body: action.body });
      await notify(t, { kind: "AGENDA", ruleId, count, legalPoint: action.legalPoint });
    }
  }

  /**
   * MK 89 p.7.2 and the referral go to the municipality where the learner's residence is declared (by code),
   * when it is not the school's. An unknown code is an alert to the municipal coordinator; the school's own
   * municipality is told meanwhile, so the duty is never silently dropped.
   */
  function routedMunicipality(role: string, context: TermContext): string | null {
    const routed = role === "MUNICIPAL_EDUCATION_SPECIALIST" || role === "SOCIAL_SERVICE";
    return routed && context.declaredElsewhere?.known ? context.declaredElsewhere.code : null;
  }

  async function handleSignal(signal: AbsencesRecorded): Promise<void> {
    if (state.processedBatches.includes(signal.batchId)) return;
    const t = await termFor(signal.term);
    const context = await contextOf(t.term);
    remember(signal.batchId);
    const before = t.measures;
    t.measures = signal.measures;
    // MK 89 p.3: programmes the regulation does not cover are counted but never escalated.
    if (context.excluded) return;
    const rules = t.ruleSet;

    // Immediate steps first (the VIIS entry), before any date derived from the calendar.
    const crossings = thresholdCrossings(before, signal.measures, rules, context.programme).filter(
      (c) => !t.crossedRules.includes(c.ruleId),
    );
    for (const crossing of crossings) {
      t.crossedRules.push(crossing.ruleId);
      if (isYearMeasure(crossing.measure)) {
        // The 100/200 marks count the school year: notified once in it, not again in semester 2.
        const mark = `${t.term.schoolYear}:${crossing.ruleId}`;
        if (state.yearMarks.includes(mark)) continue;
        state.yearMarks.push(mark);
        const { first } = await records.recordAbsenceMilestone({
          learnerId,
          schoolYear: t.term.schoolYear,
          mark: crossing.moreThan,
        });
        if (!first) continue;
      }
      for (const action of crossing.actions) {
        await applyCrossingAction(t, action, crossing.ruleId, crossing.after, context);
      }
      if (crossing.legalPoint === "MK89_P7") {
        // MK 89 p.7 absences are risk A02 in the learner's case, so the support team sees them beside the rest.
        await records.reportAbsenceRisk({ ...refOf(t), count: crossing.after });
      }
      if (context.declaredElsewhere && !context.declaredElsewhere.known) {
        await once(t, "unknown-municipality", {
          kind: "ALERT",
          alert: "UNKNOWN_MUNICIPALITY",
          to: "MUNICIPAL_COORDINATOR",
          legalPoint: "MK89_P7_2",
          detail: context.declaredElsewhere.code,
        });
      }
    }

    await applyCorrection(t, before, signal, context);
    await openContactSteps(t, signal, context);
    await runReferralClock(t, context);
  }

  /** MK 89 p.7 after a correction: cleared days' contact steps are cancelled; the VIIS entry sees the new count. */
  async function applyCorrection(
    t: TermState,
    before: AbsenceMeasures,
    signal: AbsencesRecorded,
    context: TermContext,
  ) {
    const cleared = new Set(signal.clearedDates ?? []);
    for (const date of cleared) await cancelStep(t, `PARENT_CONTACT:${date}`);
    for (const [key, dates] of Object.entries(t.catchUpDates)) {
      if (dates.length && dates.every((d) => cleared.has(d))) await cancelStep(t, key);
    }
    for (const rule of t.ruleSet.thresholds) {
      const task = tasksOf(t).get(`VIIS_ENTRY:${rule.id}`);
      if (!task) continue;
      const measure = measureFor(rule, t.ruleSet, context.programme);
      const now = measureValue(signal.measures, measure);
      // The duty to enter stands; its holder sees the corrected count.
      if (now < measureValue(before, measure)) {
        await notify(t, { kind: "COUNT_CORRECTED", step: stepOf(task, t.term), count: now });
      }
    }
  }

  /**
   * Same-day contact only for days whose reason is unknown (an unjustified day needs no call to learn the
   * reason); days older than N school days roll into one catch-up contact. Whom to reach: contactsToReach.
   */
  async function openContactSteps(t: TermState, signal: AbsencesRecorded, context: TermContext) {
    const cleared = new Set(signal.clearedDates ?? []);
    const dates = [...(signal.unknownReasonDates ?? signal.newUnexcusedDates)]
      .filter((d) => !cleared.has(d) && !tasksOf(t).get(`PARENT_CONTACT:${d}`))
      .sort();
    if (!dates.length) return;
    const rules = t.ruleSet;
    const onFile = await records.absenceContactsOnFile({ learnerId });
    const plan = contactsToReach({
      careSetting: onFile.careSetting as CareSetting,
      adultFrom: onFile.adultFrom as IsoDate | null,
      day: today(),
      contacts: onFile.contacts as ContactOnFile[],
      rules,
    });
    const detail: StepDetail = { contacts: plan.reach, ...(plan.noneOnFile ? { noneOnFile: true } : {}) };
    const limit = rules.parentContact.catchUpAfterSchoolDays ?? DEFAULT_CATCH_UP_AFTER_SCHOOL_DAYS;
    const late = dates.filter((d) => schoolDaysBetween(d, today(), context.calendar) > limit);
    for (const date of dates.filter((d) => !late.includes(d))) {
      await openStep(t, parentContactSpec(rules, date, plan.legalPoint), { ...detail, date });
    }
    if (late.length) {
      const open = Object.keys(t.catchUpDates).find((key) => {
        const task = tasksOf(t).get(key);
        return task && !isClosed(task);
      });
      if (open) t.catchUpDates[open] = [...new Set([...(t.catchUpDates[open] ?? []), ...late])].sort();
      else {
        const spec = catchUpContactSpec(rules, late[0]!, plan.legalPoint);
        t.catchUpDates[spec.key] = late;
        await openStep(t, spec, { ...detail, dates: late, date: late[0]! });
      }
    }
    if (plan.noneOnFile) {
      await once(t, "no-contact", {
        kind: "ALERT",
        alert: "NO_CONTACT_ON_FILE",
        to: "SCHOOL_COORDINATOR",
        legalPoint: plan.legalPoint,
        detail: plan.expected.join(","),
      });
    }
    if (plan.informOrphansCourt) {
      await once(t, "orphans-court", {
        kind: "INFORMED",
        recipient: "ORPHANS_COURT",
        legalPoint: rules.parentContact.outOfFamilyCare.legalPoint,
        count: measureValue(t.measures, "SEMESTER_UNEXCUSED_LESSONS"),
      });
    }
  }

  /**
   * The referral clock runs while a threshold that starts it is exceeded: a correction that brings the count
   * back to or below it stops the clock (and withdraws a referral not yet sent); exceeding it again restarts it.
   */
  async function runReferralClock(t: TermState, context: TermContext) {
    const starts = t.ruleSet.socialServiceReferral.startsWith;
    const exceeded = thresholdsExceeded(t.measures, t.ruleSet, context.programme).some((r) => starts.includes(r.id));
    const referral = tasksOf(t).get("SOCIAL_SERVICE_REFERRAL");
    if (exceeded && !t.referralClockFrom && !t.resolved && !referral) t.referralClockFrom = today();
    if (!exceeded && t.referralClockFrom) {
      t.referralClockFrom = null;
      if (referral && !isClosed(referral)) await cancelStep(t, referral.key);
    }
  }

  // ─── button clicks ─────────────────────────────────────────────────────────────────────────────────────────

  /** The semester a click is for: the one named, else the newest with the step open, else the newest with it. */
  function termOfAction(action: StepAction): TermState | ClosedTerm | null {
    const named = action.term;
    const candidates = [...state.terms].reverse().filter((t) => !named || sameTerm(t.term, named));
    if (action.kind === "RESOLVED") return candidates.find((t) => t.crossedRules.length) ?? candidates[0] ?? null;
    const key = action.stepKey;
    const open = candidates.find((t) => t.tasks.some((k) => k.key === key && !isClosed(k)));
    return (
      open ??
      candidates.find((t) => t.tasks.some((k) => k.key === key)) ??
      [...state.closed].reverse().find((c) => (!named || sameTerm(c.term, named)) && c.stepKeys.includes(key)) ??
      null
    );
  }

  async function handleAction(action: StepAction) {
    const target = termOfAction(action);
    if (!target || !("tasks" in target)) return; // the validator refused it; nothing to do
    const t = target;
    if (action.kind === "RESOLVED") {
      t.resolved = true;
      t.referralClockFrom = null;
      await records.updateAbsenceStep({
        ...refOf(t),
        stepKey: null,
        status: "DONE",
        outcome: { resolved: "true" },
        actorId: action.staffId,
      });
      return;
    }
    switch (action.kind) {
      case "PARENTS_CONTACTED":
        await closeStep(t, action.stepKey, { outcome: action.outcome }, action.staffId);
        return;
      case "VIIS_ENTERED":
        await closeStep(t, action.stepKey, { remedialAction: action.remedialAction }, action.staffId);
        return;
      case "REFERRAL_SENT": {
        await closeStep(t, action.stepKey, { documentRef: action.documentRef }, action.staffId);
        const context = await contextOf(t.term);
        const spec = acknowledgementSpec(t.ruleSet);
        const ackDue = planTask(spec, new Date(Date.now()), context.calendar).dueAt;
        await records.markReferral({
          ...refOf(t),
          status: "SENT",
          documentRef: action.documentRef,
          ackDueAt: ackDue,
          recipient: t.ruleSet.socialServiceReferral.recipient,
        });
        const routed = routedMunicipality("SOCIAL_SERVICE", context);
        await openStep(t, spec, routed ? { municipalityCode: routed } : {});
        return;
      }
      case "REFERRAL_ACKNOWLEDGED":
        await closeStep(t, action.stepKey, { acknowledged: "true" }, action.staffId);
        await records.markReferral({
          ...refOf(t),
          status: "ACKNOWLEDGED",
          recipient: t.ruleSet.socialServiceReferral.recipient,
        });
        return;
    }
  }

  // ─── handlers ──────────────────────────────────────────────────────────────────────────────────────────────

  setHandler(absencesRecordedSignal, (signal) => {
    if (!state.processedBatches.includes(signal.batchId) && !inbox.some((s) => s.batchId === signal.batchId))
      inbox.push(signal);
  });
  setHandler(absenceStateQuery, () => view(state, input.term));
  setHandler(
    completeStepUpdate,
    // The completion pattern of human-tasks.ts; the main loop then carries out the step's own effects.
    async (action) => {
      const target = termOfAction(action);
      const recorded =
        action.kind === "RESOLVED" || !target || !("tasks" in target)
          ? Promise.resolve()
          : tasksOf(target).complete(action.stepKey, action.staffId);
      actions.push(action);
      await condition(() => !actions.includes(action));
      await recorded;
      return view(state, input.term);
    },
    {
      validator: (action) => {
        if (action.kind === "RESOLVED") return;
        const target = termOfAction(action);
        // A step of a closed semester was closed with it: "already done", which it is.
        if (target && !("tasks" in target)) return tasksOfClosed(action.stepKey);
        if (!target) return tasksOfClosed(action.stepKey, true);
        tasksOf(target).validateCompletion(action.stepKey);
      },
    },
  );

  // ─── the loop ──────────────────────────────────────────────────────────────────────────────────────────────

  if (!input.carried) await termFor(input.term);
  for (const t of state.terms) await contextOf(t.term);

  const referralDue = (t: TermState): number =>
    t.referralClockFrom && !t.resolved && !tasksOf(t).get("SOCIAL_SERVICE_REFERRAL")
      ? rigaEndOfSchoolDay(
          addSchoolDays(
            t.referralClockFrom,
            t.ruleSet.socialServiceReferral.unresolvedAfterSchoolDays,
            contexts.get(termKey(t.term))!.calendar,
          ),
        ).getTime()
      : Infinity;
  /** The end of a semester's grace period for late data (Infinity while its end is unknown). */
  const closesAt = (t: TermState): number => {
    const context = contexts.get(termKey(t.term))!;
    if (!context.semesterEnd) return Infinity;
    const grace = t.ruleSet.lateDataGraceSchoolDays ?? DEFAULT_LATE_DATA_GRACE_SCHOOL_DAYS;
    return rigaEndOfSchoolDay(addSchoolDays(context.semesterEnd, grace, context.calendar), 23).getTime();
  };
  const hasOpenWork = (t: TermState): boolean => t.tasks.some((task) => !isClosed(task)) || referralDue(t) !== Infinity;

  for (;;) {
    while (inbox.length || actions.length) {
      const action = actions[0];
      if (action) {
        await handleAction(action);
        actions.shift();
        continue;
      }
      await handleSignal(inbox[0]!);
      inbox.shift();
      // A burst of imports must not carry one run past its history budget: continue as new with the rest.
      if (workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS) break;
    }
    const now = Date.now();
    for (const t of [...state.terms]) {
      await tasksOf(t).fireDue(now);
      if (now >= referralDue(t)) {
        await records.markReferral({
          ...refOf(t),
          status: "PREPARED",
          recipient: t.ruleSet.socialServiceReferral.recipient,
        });
        const routed = routedMunicipality("SOCIAL_SERVICE", contexts.get(termKey(t.term))!);
        await openStep(t, referralSpec(t.ruleSet), {
          agency: t.ruleSet.socialServiceReferral.recipient,
          ...(routed ? { municipalityCode: routed } : {}),
        });
      }
      // A semester closes once its grace period has passed and nothing of it is open (MK 89 duties carry over).
      if (now >= closesAt(t) && !hasOpenWork(t)) await closeTerm(t);
    }
    if (workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS || workflowInfo().continueAsNewSuggested) {
      await drainActions();
      return continueAsNew<typeof absenceEscalation>({ learnerId, term: input.term, carried: state, pending: inbox });
    }
    const wakes = state.terms.flatMap((t) => {
      const taskWake = tasksOf(t).msUntilNextWake(Date.now());
      return [taskWake === null ? Infinity : Date.now() + taskWake, referralDue(t), closesAt(t)];
    });
    const wakeAt = Math.min(Infinity, ...wakes.filter((w) => w > Date.now()));
    const ready = () => inbox.length > 0 || actions.length > 0;
    if (wakeAt === Infinity) await condition(ready);
    else await condition(ready, Math.max(1_000, wakeAt - Date.now()));
  }

  async function closeTerm(t: TermState): Promise<void> {
    await records.closeEscalation(refOf(t));
    state.terms = state.terms.filter((x) => x !== t);
    helpers.delete(termKey(t.term));
    state.closed = [
      ...state.closed,
      {
        term: t.term,
        ruleSet: t.ruleSet,
        measures: t.measures,
        crossedRules: t.crossedRules,
        resolved: t.resolved,
        stepKeys: t.tasks.map((k) => k.key),
      },
    ].slice(-CLOSED_TERMS_KEPT);
  }

  function remember(batchId: string): void {
    state.processedBatches.push(batchId);
    if (state.processedBatches.length > PROCESSED_BATCHES_KEPT) state.processedBatches.shift();
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

/** A step of a closed semester answers "closed"; a step no semester ever had is unknown (an error). */
function tasksOfClosed(stepKey: string, unknown = false): never {
  throw ApplicationFailureOf(
    unknown ? AbsenceErrors.UNKNOWN_STEP : AbsenceErrors.STEP_CLOSED,
    unknown ? `No step ${stepKey}` : `Step ${stepKey} is closed`,
  );
}

const ApplicationFailureOf = (type: string, message: string) => ApplicationFailure.create({ type, message });

/** The query's answer: the newest open semester on top (or the workflow's first), every open step listed. */
function view(state: AbsenceState, fallback: SemesterKey): AbsenceStateView {
  const top = state.terms.at(-1);
  const closed = state.closed.at(-1);
  return {
    ...state,
    term: top?.term ?? closed?.term ?? fallback,
    // Before the first semester's context has loaded, the defaults stand in (nothing has been decided yet).
    ruleSet: top?.ruleSet ?? closed?.ruleSet ?? DEFAULT_ABSENCE_RULES,
    measures: top?.measures ?? closed?.measures ?? NO_ABSENCES,
    crossedRules: top?.crossedRules ?? closed?.crossedRules ?? [],
    referralClockFrom: top?.referralClockFrom ?? null,
    resolved: top?.resolved ?? closed?.resolved ?? false,
    tasks: state.terms.flatMap((t) => t.tasks),
    steps: state.terms.flatMap((t) => t.tasks.map((task) => stepOf(task, t.term))),
  };
}

/** An absence step as the notices and the state query carry it. */
function stepOf(task: HumanTask, term: SemesterKey): AbsenceStep {
  return {
    key: task.key,
    kind: task.kind as StepKind,
    assigneeRole: task.assigneeRole,
    legalPoint: task.legalPoint ?? "",
    dueAt: task.plan.dueAt,
    remindAt: task.plan.reminders[0] ?? null,
    status: task.state,
    reminded: task.remindersHandled > 0,
    term,
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
 * today's), reminded 2 hours before; the school coordinator is alerted when it passes. Out of the family the
 * step cites MK 89 p.2 (whom it names: contactsToReach).
 */
export function parentContactSpec(rules: AbsenceRuleSet, date: IsoDate, legalPoint?: string): TaskSpec {
  const step = rules.parentContact;
  return {
    kind: "PARENT_CONTACT",
    key: `PARENT_CONTACT:${date}`,
    assigneeRole: step.responsibleRole,
    legalPoint: legalPoint ?? step.legalPoint,
    due: taskTimeOf(step.due),
    countFrom: date,
    reminders: step.reminders ?? [{ before: { unit: "HOURS", hours: 2 } }],
    escalation: step.escalation ?? [{ role: "SCHOOL_COORDINATOR", handOver: false }],
  };
}

/**
 * Days that arrive older than the rule set's catch-up age: one contact for all of them, by the end of the next
 * school day, to the same person and with the same chain as the same-day contact.
 */
export function catchUpContactSpec(rules: AbsenceRuleSet, firstDate: IsoDate, legalPoint?: string): TaskSpec {
  const step = rules.parentContact;
  return {
    kind: "CATCH_UP_CONTACT",
    key: `CATCH_UP_CONTACT:${firstDate}`,
    assigneeRole: step.responsibleRole,
    legalPoint: legalPoint ?? step.legalPoint,
    due: { unit: "SCHOOL_DAYS", days: 1 },
    reminders: step.reminders ?? [{ before: { unit: "HOURS", hours: 2 } }],
    escalation: step.escalation ?? [{ role: "SCHOOL_COORDINATOR", handOver: false }],
  };
}

/**
 * MK89_P7 "nekavējoties": due at once; reminded at the end of the next school day while not done; overdue, the
 * school coordinator is alerted after 2 school days, then the municipal education specialist after 5.
 */
export function viisEntrySpec(action: Extract<AbsenceAction, { kind: "TASK" }>, ruleId: string): TaskSpec {
  return {
    kind: "VIIS_ENTRY",
    key: `VIIS_ENTRY:${ruleId}`,
    assigneeRole: action.assignee,
    legalPoint: action.legalPoint,
    due: taskTimeOf(action.due),
    reminders: action.reminders ?? [{ at: { unit: "SCHOOL_DAYS", days: 1 } }],
    escalation: action.escalation ?? [
      { role: "SCHOOL_COORDINATOR", after: { unit: "SCHOOL_DAYS", days: 2 }, handOver: false },
      { role: "MUNICIPAL_EDUCATION_SPECIALIST", after: { unit: "SCHOOL_DAYS", days: 5 }, handOver: false },
    ],
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

/** Who acknowledges a referral: the people of the agency the rule set sends it to. */
export const ACKNOWLEDGING_ROLE: Readonly<Record<AbsenceRuleSet["socialServiceReferral"]["recipient"], string>> = {
  SOCIAL_SERVICE: "SOCIAL_SERVICE",
  ORPHANS_COURT: "ORPHANS_COURT",
  EDUCATION_BOARD: "MUNICIPAL_EDUCATION_SPECIALIST",
  MUNICIPAL_POLICE: "MUNICIPAL_POLICE",
  STATE_POLICE: "STATE_POLICE",
  YOUTH_CENTRE: "YOUTH_WORKER",
  PROBATION: "SOCIAL_SERVICE",
  NGO: "SOCIAL_SERVICE",
};

/**
 * The recipient acknowledges within N working days, reminded on the previous working day; on silence it passes
 * up.
 */
export function acknowledgementSpec(rules: AbsenceRuleSet): TaskSpec {
  const step = rules.socialServiceReferral;
  return {
    kind: "REFERRAL_ACKNOWLEDGEMENT",
    key: "REFERRAL_ACKNOWLEDGEMENT",
    assigneeRole: ACKNOWLEDGING_ROLE[step.recipient],
    legalPoint: step.legalPoint,
    due: { unit: "WORKING_DAYS", days: step.acknowledgement.withinWorkingDays },
    reminders: step.acknowledgement.reminders ?? [{ before: { unit: "WORKING_DAYS", days: 1 } }],
    escalation: step.acknowledgement.escalation ?? [{ role: step.acknowledgement.onSilenceEscalateTo, handOver: true }],
  };
}
