import { defineQuery, defineSignal, defineUpdate } from "@temporalio/workflow";
import { z } from "zod";
import { RESPONDER_ROLES } from "./domain/absence-rules.js";
import type { EscalationSpec, HumanTask, ReminderSpec } from "./domain/human-task.js";
import { escalationChainSchema, reminderSpecSchema } from "./domain/human-task-schema.js";
import type { PreventionLevel } from "./domain/triage.js";

// Messages of the case workflow, shared by the workflow and the bot (pure definitions, no workflow code).

export const caseWorkflowId = (caseId: string): string => `pmp-case-${caseId}`;

export interface CaseConfig {
  /** School days the case manager has to investigate (confirm or reject), counted from the first report. */
  investigationSchoolDays: number;
  /** The reminder goes out at the end of this many school days before the deadline. */
  reminderSchoolDaysBefore: number;
  /** Local hour (Europe/Riga) at which a school day ends for deadlines. */
  endOfSchoolDayHour: number;
  /** Replaces the single reminder of `reminderSchoolDaysBefore` (e.g. 1 school day and 2 hours before). */
  investigationReminders?: ReminderSpec[];
  /** Who hears of an investigation past its deadline; default: the school coordinator is alerted at the deadline. */
  investigationEscalation?: EscalationSpec[];
}

export const DEFAULT_CASE_CONFIG: CaseConfig = {
  investigationSchoolDays: 5,
  reminderSchoolDaysBefore: 1,
  endOfSchoolDayHour: 17,
};

/**
 * A municipality's case-handling rules (RuleSet kind CASE_HANDLING, `definition`); fields it leaves out keep the
 * deployment's defaults. A case keeps the settings it started with.
 */
export const caseConfigOverridesSchema = z
  .object({
    investigationSchoolDays: z.number().int().min(1).max(30),
    reminderSchoolDaysBefore: z.number().int().min(0).max(10),
    endOfSchoolDayHour: z.number().int().min(8).max(23),
    investigationReminders: z.array(reminderSpecSchema).max(5),
    investigationEscalation: escalationChainSchema(RESPONDER_ROLES),
  })
  .partial();

export interface CaseWorkflowInput {
  caseId: string;
  config: CaseConfig;
  /** State carried over by continue-as-new. */
  carried?: CaseState;
}

export interface RiskReported {
  reportId: string;
  level: PreventionLevel;
  /** ISO instant of the report. */
  reportedAt: string;
}

export type CasePhase = "INVESTIGATING" | "CONFIRMED" | "REJECTED";

export interface CaseState {
  phase: CasePhase;
  caseManagerId: string | null;
  /** Highest triage level among the reports; the manager's decision may set another. */
  level: PreventionLevel;
  reportIds: string[];
  /** ISO instant of the investigation deadline; null until the first report has been processed. */
  deadline: string | null;
  /** The investigation as a human task (CASE_INVESTIGATION): its plan, reminders and escalation. */
  tasks: HumanTask[];
  decision: CaseDecision | null;
}

export type CaseDecision =
  | { kind: "CONFIRM"; staffId: string; intensity: 1 | 2 | 3; level: PreventionLevel }
  | { kind: "REJECT"; staffId: string; reason: string };

export type TakeCaseResult = { caseManagerId: string; alreadyYours: boolean };

export const riskReportedSignal = defineSignal<[RiskReported]>("riskReported");
/** The first support-team member to take the case becomes its manager; the validator rejects later takers. */
export const takeCaseUpdate = defineUpdate<TakeCaseResult, [{ staffId: string }]>("takeCase");
/** Confirm (with intensity and level) or reject (with reason); only once, only during the investigation. */
export const decideCaseUpdate = defineUpdate<CaseState, [CaseDecision]>("decideCase");
export const caseStateQuery = defineQuery<CaseState>("caseState");

/**
 * A support plan of the case reached an end of its own (closed, or made inactive). The plan workflow sends it
 * (`getExternalWorkflowHandle(caseWorkflowId(caseId))`); the case workflow closes the case once none of its plans
 * is still open, and sends the outcome to every professional involved (seed 003: known to all professionals).
 */
export interface PlanSettled {
  planId: string;
  status: "CLOSED" | "INACTIVE";
  /** ISO instant the plan ended. */
  settledAt: string;
}
export const planSettledSignal = defineSignal<[PlanSettled]>("planSettled");

/** Error types the validators use, so the bot can turn them into the right message. */
export const CaseErrors = {
  ALREADY_TAKEN: "ALREADY_TAKEN",
  ALREADY_DECIDED: "ALREADY_DECIDED",
} as const;

/** What the case workflow asks its notification activity to tell people. */
export type CaseEvent =
  | { kind: "REPORTED"; reportId: string; first: boolean }
  | { kind: "TAKEN"; staffId: string }
  | { kind: "REMINDER"; deadline: string; taskKey?: string }
  | { kind: "OVERDUE"; deadline: string; taskKey?: string; escalateTo?: string }
  | { kind: "DECIDED"; decision: CaseDecision }
  /** A task's role has nobody at the school: recorded unassigned and passed to `handedTo` (an operator alert). */
  | { kind: "NOBODY_TO_ASSIGN"; taskKey: string; taskKind: string; role: string; handedTo: string | null };
