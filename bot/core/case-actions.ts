import { CaseErrors, decideCaseUpdate, takeCaseUpdate, type CaseDecision } from "../../workflows/case-messages.js";
import { createCaseRepository, levelFromReports } from "../../prisma/repositories/case-repository.js";
import type { PreventionLevel } from "../../workflows/domain/triage.js";
import { authorize, type Command } from "./access-matrix.js";
import { updateFailureType as failureType } from "./update-failure.js";
import type { KnownActor } from "./actor.js";
import type { CoreDeps } from "./deps.js";

type CaseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createCaseRepository>["byId"]>>>;

export type Denied = { kind: "NOT_FOUND" } | { kind: "FORBIDDEN" } | { kind: "TRAINING_REQUIRED" };

/** Loads a case (by id or reference) and checks the actor may run the command on it. */
export async function caseFor(
  deps: CoreDeps,
  actor: KnownActor,
  command: Command,
  where: { caseId: string } | { ref: string },
): Promise<{ kind: "OK"; row: CaseRow } | Denied> {
  const cases = createCaseRepository(deps.prisma);
  const row = "caseId" in where ? await cases.byId(where) : await cases.byRef(where);
  if (!row) return { kind: "NOT_FOUND" };
  const decision = authorize(
    actor,
    command,
    {
      schoolId: row.schoolId,
      municipalityId: row.school.municipalityId,
      classLabel: row.learner.classLabel,
      caseManagerId: row.caseManagerId,
      level: row.level,
    },
    deps.now(),
  );
  if (decision.allowed) return { kind: "OK", row };
  return decision.reason === "TRAINING_REQUIRED" ? { kind: "TRAINING_REQUIRED" } : { kind: "FORBIDDEN" };
}

/** Case statuses after the manager's decision (the workflow's phases CONFIRMED and REJECTED, and closing). */
const DECIDED_STATUSES: readonly string[] = ["CONFIRMED", "REJECTED", "CLOSED"];

export type TakeOutcome =
  | { kind: "TAKEN"; ref: string; alreadyYours: boolean }
  | { kind: "ALREADY_TAKEN"; ref: string; by: string }
  | { kind: "ALREADY_DECIDED"; ref: string }
  | Denied;

/**
 * The first support-team member to click "Take the case" becomes its manager. The update id is per person, so
 * a double click is one update; a colleague's later click is rejected by the workflow's validator.
 */
export async function takeCase(deps: CoreDeps, input: { actor: KnownActor; caseId: string }): Promise<TakeOutcome> {
  const found = await caseFor(deps, input.actor, "TAKE_CASE", { caseId: input.caseId });
  if (found.kind !== "OK") return found;
  // Somebody else's name is already on record (the workflow writes it after accepting the take, and nobody is
  // ever taken off a case): answer as the workflow's validator would, without a round trip through it.
  if (found.row.caseManagerId && found.row.caseManagerId !== input.actor.staffId) {
    return DECIDED_STATUSES.includes(found.row.status)
      ? { kind: "ALREADY_DECIDED", ref: found.row.ref }
      : { kind: "ALREADY_TAKEN", ref: found.row.ref, by: found.row.caseManager?.displayName ?? "—" };
  }
  const handle = deps.temporal.workflow.getHandle(found.row.workflowId);
  try {
    const result = await handle.executeUpdate(takeCaseUpdate, {
      args: [{ staffId: input.actor.staffId }],
      updateId: `take:${input.actor.staffId}`,
    });
    return { kind: "TAKEN", ref: found.row.ref, alreadyYours: result.alreadyYours };
  } catch (error) {
    const type = failureType(error);
    if (type === CaseErrors.ALREADY_TAKEN) {
      const manager = (await createCaseRepository(deps.prisma).byId({ caseId: input.caseId }))?.caseManager
        ?.displayName;
      return { kind: "ALREADY_TAKEN", ref: found.row.ref, by: manager ?? "—" };
    }
    if (type === CaseErrors.ALREADY_DECIDED) return { kind: "ALREADY_DECIDED", ref: found.row.ref };
    throw error;
  }
}

export type DecideOutcome = { kind: "DECIDED"; ref: string } | { kind: "ALREADY_DECIDED"; ref: string } | Denied;

/** Confirm or reject, once per case: every decision attempt on a case shares one update id. */
export async function decideCase(
  deps: CoreDeps,
  input: { actor: KnownActor; caseId: string; decision: Omit<CaseDecision, "staffId"> },
): Promise<DecideOutcome> {
  const found = await caseFor(deps, input.actor, "DECIDE_CASE", { caseId: input.caseId });
  if (found.kind !== "OK") return found;
  const decision = { ...input.decision, staffId: input.actor.staffId } as CaseDecision;
  const handle = deps.temporal.workflow.getHandle(found.row.workflowId);
  try {
    const state = await handle.executeUpdate(decideCaseUpdate, {
      args: [decision],
      updateId: `decide:${input.caseId}`,
    });
    return state.decision?.staffId === input.actor.staffId && state.decision.kind === decision.kind
      ? { kind: "DECIDED", ref: found.row.ref }
      : { kind: "ALREADY_DECIDED", ref: found.row.ref };
  } catch (error) {
    if (failureType(error) === CaseErrors.ALREADY_DECIDED) return { kind: "ALREADY_DECIDED", ref: found.row.ref };
    throw error;
  }
}

export type OpenDecisionOutcome =
  { kind: "OK"; caseId: string; ref: string; decision: "CONFIRM" | "REJECT"; suggestedLevel: PreventionLevel } | Denied;

/** "Confirm" / "Reject" on the manager's message: the decision form, its level preset from the reports' triage. */
export async function openDecision(
  deps: CoreDeps,
  input: { actor: KnownActor; caseId: string; decision: "CONFIRM" | "REJECT" },
): Promise<OpenDecisionOutcome> {
  const found = await caseFor(deps, input.actor, "DECIDE_CASE", { caseId: input.caseId });
  if (found.kind !== "OK") return found;
  const reports = await createCaseRepository(deps.prisma).reports({ caseId: found.row.id });
  return {
    kind: "OK",
    caseId: found.row.id,
    ref: found.row.ref,
    decision: input.decision,
    suggestedLevel: levelFromReports(reports),
  };
}
