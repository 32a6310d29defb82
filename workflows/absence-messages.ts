import { defineQuery, defineSignal, defineUpdate } from "@temporalio/workflow";
import type { AbsenceMeasures, AbsenceRuleSet } from "./domain/absence-rules.js";
import type { IsoDate } from "./domain/calendar/index.js";
import type { HumanTask } from "./domain/human-task.js";

// Messages of the absence-escalation workflow (MK 89), shared by the workflow, its activities and the bot.

/** One workflow per learner; each run covers one semester and continues as new into the next. */
export const absenceWorkflowId = (learnerId: string): string => `pmp-absence-${learnerId}`;

export interface SemesterKey {
  schoolYear: string;
  semester: 1 | 2;
}

export interface AbsenceWorkflowInput {
  learnerId: string;
  term: SemesterKey;
  /** Carried by continue-as-new within the same semester (the rule version stays pinned). */
  carried?: AbsenceState;
  /** Signals that arrived for a later semester than the run that received them. */
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

export type StepKind = "PARENT_CONTACT" | "VIIS_ENTRY" | "SOCIAL_SERVICE_REFERRAL" | "REFERRAL_ACKNOWLEDGEMENT";
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
}

export interface AbsenceState {
  ruleSet: AbsenceRuleSet;
  measures: AbsenceMeasures;
  crossedRules: string[];
  /** The steps as human tasks (PARENT_CONTACT, VIIS_ENTRY, SOCIAL_SERVICE_REFERRAL, REFERRAL_ACKNOWLEDGEMENT). */
  tasks: HumanTask[];
  processedBatches: string[];
  /** School day the referral clock started (the first VIIS-entry crossing), and whether the case was resolved. */
  referralClockFrom: IsoDate | null;
  resolved: boolean;
}

/** The state as the query and the step update answer it: with the tasks also as steps, as the notices carry them. */
export type AbsenceStateView = AbsenceState & { steps: AbsenceStep[] };

export type ParentContactOutcome = "JUSTIFIED" | "UNJUSTIFIED" | "UNREACHABLE";

export type StepAction =
  | { kind: "PARENTS_CONTACTED"; stepKey: string; staffId: string; outcome: ParentContactOutcome }
  | { kind: "VIIS_ENTERED"; stepKey: string; staffId: string; remedialAction: string }
  | { kind: "REFERRAL_SENT"; stepKey: string; staffId: string; documentRef: string }
  | { kind: "REFERRAL_ACKNOWLEDGED"; stepKey: string; staffId: string }
  | { kind: "RESOLVED"; staffId: string };

export const absencesRecordedSignal = defineSignal<[AbsencesRecorded]>("absencesRecorded");
/** A responsible person reports a step done (buttons in chat). Rejected when the step is unknown or closed. */
export const completeStepUpdate = defineUpdate<AbsenceStateView, [StepAction]>("completeStep");
export const absenceStateQuery = defineQuery<AbsenceStateView>("absenceState");

export const AbsenceErrors = { UNKNOWN_STEP: "UNKNOWN_STEP", STEP_CLOSED: "STEP_CLOSED" } as const;

/** What the workflow asks its notification activity to tell people. */
export type AbsenceNotice =
  | { kind: "STEP_OPENED"; step: AbsenceStep; detail?: { count?: number; date?: IsoDate; agency?: string } }
  | { kind: "STEP_REMINDER"; step: AbsenceStep }
  | { kind: "STEP_OVERDUE"; step: AbsenceStep; escalateTo: string }
  | { kind: "INFORMED"; recipient: string; legalPoint: string; count: number }
  /** The step's role has nobody: recorded unassigned and passed to `handedTo` (an operator alert). */
  | { kind: "NOBODY_TO_ASSIGN"; stepKey: string; stepKind: StepKind; role: string; handedTo: string | null }
  | { kind: "AGENDA"; ruleId: string; count: number };
