import { defineQuery, defineSignal, defineUpdate } from "@temporalio/workflow";
import type { AbsenceMeasures, AbsenceRuleSet } from "./domain/absence-rules.js";
import type { IsoDate } from "./domain/calendar/index.js";
import type { ContactToReach } from "./domain/contacts-to-reach.js";
import type { HumanTask } from "./domain/human-task.js";

// Messages of the absence-escalation workflow (MK 89), shared by the workflow, its activities and the bot.

/**
 * One workflow per learner (a person, across schools). A run keeps every semester with work still open: a
 * semester closes only after its end, a grace period for late data and its last step (docs/domain.md).
 */
export const absenceWorkflowId = (learnerId: string): string => `pmp-absence-${learnerId}`;

export interface SemesterKey {
  schoolYear: string;
  semester: 1 | 2;
}

export interface AbsenceWorkflowInput {
  learnerId: string;
  /** The semester of the signal that started the workflow. */
  term: SemesterKey;
  /** Carried by continue-as-new (each semester keeps the rule version it started with). */
  carried?: AbsenceState;
  /** Signals received but not yet handled when the run continued as new. */
  pending?: AbsencesRecorded[];
}

/** Sent after every import that stored new absences for the learner in a semester. */
export interface AbsencesRecorded {
  batchId: string;
  term: SemesterKey;
  /** Counters after the import (semester and school year), recomputed from the records. */
  measures: AbsenceMeasures;
  /** School days with a newly recorded unexcused (unjustified or unknown-reason) absence. */
  newUnexcusedDates: IsoDate[];
  /**
   * Of those, the days with an absence whose reason is unknown: only these get the same-day parent contact (a
   * reason the school already judged unjustified needs no call to learn it). Left out (older signals): every
   * unexcused day.
   */
  unknownReasonDates?: IsoDate[];
  /**
   * Days a correction in this import made justified or withdrew (no unexcused absence left on the day): their
   * open contact steps are cancelled. The measures above are already the corrected ones.
   */
  clearedDates?: IsoDate[];
}

export type StepKind =
  "PARENT_CONTACT" | "CATCH_UP_CONTACT" | "VIIS_ENTRY" | "SOCIAL_SERVICE_REFERRAL" | "REFERRAL_ACKNOWLEDGEMENT";
export type StepStatus = "OPEN" | "DONE" | "OVERDUE" | "ESCALATED" | "CANCELLED";

export interface AbsenceStep {
  /** Unique within the escalation: e.g. "PARENT_CONTACT:2025-10-16", "VIIS_ENTRY:viis-entry-school". */
  key: string;
  kind: StepKind;
  /** Who holds the step now (the workflow's task: the rule set's role, or the next one after a hand-over). */
  assigneeRole: string;
  legalPoint: string;
  dueAt: string;
  /** When to remind the assignee, if at all. */
  remindAt: string | null;
  status: StepStatus;
  reminded: boolean;
  /** The semester the step belongs to (step keys recur each semester). */
  term?: SemesterKey;
}

/** One semester's escalation while it has work open. */
export interface TermState {
  term: SemesterKey;
  /** The rule set in force when the semester's escalation started; kept to its end. */
  ruleSet: AbsenceRuleSet;
  measures: AbsenceMeasures;
  crossedRules: string[];
  /** The steps as human tasks (PARENT_CONTACT, CATCH_UP_CONTACT, VIIS_ENTRY, the referral and its acknowledgement). */
  tasks: HumanTask[];
  /** School day the referral clock started (a p.7 threshold exceeded), null when stopped; and the resolution. */
  referralClockFrom: IsoDate | null;
  resolved: boolean;
  /** The days each catch-up contact task covers. */
  catchUpDates: Record<string, IsoDate[]>;
  /** One-off notices already given this semester (the orphan's court, no contact on file, a missing calendar). */
  noticed: string[];
}

/** What is kept of a closed semester, so late data continues where it stopped. */
export interface ClosedTerm {
  term: SemesterKey;
  ruleSet: AbsenceRuleSet;
  measures: AbsenceMeasures;
  crossedRules: string[];
  resolved: boolean;
  stepKeys: string[];
}

export interface AbsenceState {
  /** Semesters with work open, oldest first. */
  terms: TermState[];
  /** The last closed semesters (a few), newest last. */
  closed: ClosedTerm[];
  processedBatches: string[];
  /** School-year marks notified (`<schoolYear>:<ruleId>`): the 100/200 marks once per school year. */
  yearMarks: string[];
}

/**
 * The state as the query and the step update answer it: the newest semester's measures and rules on top (what a
 * reader of "the escalation" expects), with every open semester's tasks also as steps, as the notices carry them.
 */
export type AbsenceStateView = AbsenceState & {
  term: SemesterKey;
  ruleSet: AbsenceRuleSet;
  measures: AbsenceMeasures;
  crossedRules: string[];
  referralClockFrom: IsoDate | null;
  resolved: boolean;
  tasks: HumanTask[];
  steps: AbsenceStep[];
};

export type ParentContactOutcome = "JUSTIFIED" | "UNJUSTIFIED" | "UNREACHABLE";

/** `term` names the semester of the step; left out, the newest semester with that step open (else with it at all). */
export type StepAction =
  | { kind: "PARENTS_CONTACTED"; stepKey: string; staffId: string; outcome: ParentContactOutcome; term?: SemesterKey }
  | { kind: "VIIS_ENTERED"; stepKey: string; staffId: string; remedialAction: string; term?: SemesterKey }
  | { kind: "REFERRAL_SENT"; stepKey: string; staffId: string; documentRef: string; term?: SemesterKey }
  | { kind: "REFERRAL_ACKNOWLEDGED"; stepKey: string; staffId: string; term?: SemesterKey }
  | { kind: "RESOLVED"; staffId: string; term?: SemesterKey };

export const absencesRecordedSignal = defineSignal<[AbsencesRecorded]>("absencesRecorded");
/** A responsible person reports a step done (buttons in chat). Rejected when the step is unknown or closed. */
export const completeStepUpdate = defineUpdate<AbsenceStateView, [StepAction]>("completeStep");
export const absenceStateQuery = defineQuery<AbsenceStateView>("absenceState");

export const AbsenceErrors = { UNKNOWN_STEP: "UNKNOWN_STEP", STEP_CLOSED: "STEP_CLOSED" } as const;

/** What a step's opening notice says beyond the step itself. */
export interface StepDetail {
  count?: number;
  date?: IsoDate;
  /** A catch-up contact: the days it covers. */
  dates?: IsoDate[];
  agency?: string;
  /** Contact tasks: whom to reach (ContactRelation values or LEARNER); `noneOnFile` when nobody is on file. */
  contacts?: ContactToReach[];
  noneOnFile?: boolean;
  /** The deadline was counted on a provisional calendar, or past the loaded calendars in working days. */
  provisional?: boolean;
  beyondCalendar?: boolean;
  /** The municipality (by code) whose social service / specialist the step is routed to, when not the school's. */
  municipalityCode?: string;
}

/** Problems a person must act on; each goes to a role (and to operators when nobody holds it). */
export type AbsenceAlertKind = "NO_CONTACT_ON_FILE" | "CALENDAR_MISSING" | "UNKNOWN_MUNICIPALITY";

/** What the workflow asks its notification activity to tell people. */
export type AbsenceNotice =
  | { kind: "STEP_OPENED"; step: AbsenceStep; detail?: StepDetail }
  | { kind: "STEP_REMINDER"; step: AbsenceStep }
  | { kind: "STEP_OVERDUE"; step: AbsenceStep; escalateTo: string }
  | { kind: "INFORMED"; recipient: string; legalPoint: string; count: number; municipalityCode?: string }
  /** The step's role has nobody: recorded unassigned and passed to `handedTo` (an operator alert). */
  | { kind: "NOBODY_TO_ASSIGN"; stepKey: string; stepKind: StepKind; role: string; handedTo: string | null }
  | { kind: "AGENDA"; ruleId: string; count: number; legalPoint?: string }
  /** A correction lowered the count behind an open or done VIIS entry: the entry's holder sees the new count. */
  | { kind: "COUNT_CORRECTED"; step: AbsenceStep; count: number }
  | { kind: "ALERT"; alert: AbsenceAlertKind; to: string; legalPoint: string; stepKey?: string; detail?: string };
