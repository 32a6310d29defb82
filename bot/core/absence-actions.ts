import type { LearnerContactView } from "../../prisma/repositories/personal-data-vault.js";
import {
  AbsenceErrors,
  absenceWorkflowId,
  completeStepUpdate,
  type StepAction,
} from "../../workflows/absence-messages.js";
import { authorize, type Command } from "./access-matrix.js";
import type { KnownActor } from "./actor.js";
import { updateFailureType } from "./update-failure.js";
import type { CoreDeps } from "./deps.js";

/** A step action as the chat layer submits it; the actor's staff id is added here. */
export type StepActionInput = StepAction extends infer A ? (A extends unknown ? Omit<A, "staffId"> : never) : never;

export type AbsenceOutcome =
  { kind: "RECORDED" } | { kind: "ALREADY_DONE" } | { kind: "FORBIDDEN" } | { kind: "TRAINING_REQUIRED" };

const COMMAND_FOR: Record<StepAction["kind"], Command> = {
  PARENTS_CONTACTED: "ABSENCE_CONTACT",
  VIIS_ENTERED: "ABSENCE_SCHOOL_STEP",
  REFERRAL_SENT: "ABSENCE_SCHOOL_STEP",
  RESOLVED: "ABSENCE_SCHOOL_STEP",
  REFERRAL_ACKNOWLEDGED: "ABSENCE_ACKNOWLEDGE",
};

async function check(
  deps: CoreDeps,
  actor: KnownActor,
  command: Command,
  learnerId: string,
): Promise<AbsenceOutcome | null> {
  const learner = await deps.prisma.learner.findUnique({
    where: { id: learnerId },
    select: { schoolId: true, classLabel: true, school: { select: { municipalityId: true } } },
  });
  if (!learner) return { kind: "FORBIDDEN" };
  const decision = authorize(
    actor,
    command,
    { schoolId: learner.schoolId, classLabel: learner.classLabel, municipalityId: learner.school.municipalityId },
    deps.now(),
  );
  if (decision.allowed) return null;
  return decision.reason === "TRAINING_REQUIRED" ? { kind: "TRAINING_REQUIRED" } : { kind: "FORBIDDEN" };
}

/**
 * A responsible person marks an escalation step done. The update id is per step and action, so a double click
 * or a retried request is one update; a step that is already done answers "already done".
 */
export async function completeAbsenceStep(
  deps: CoreDeps,
  input: { actor: KnownActor; learnerId: string; action: StepActionInput },
): Promise<AbsenceOutcome> {
  const denied = await check(deps, input.actor, COMMAND_FOR[input.action.kind], input.learnerId);
  if (denied) return denied;
  const action = { ...input.action, staffId: input.actor.staffId } as StepAction;
  const updateId = `${"stepKey" in action ? action.stepKey : "escalation"}:${action.kind}`;
  try {
    await deps.temporal.workflow
      .getHandle(absenceWorkflowId(input.learnerId))
      .executeUpdate(completeStepUpdate, { args: [action], updateId });
    return { kind: "RECORDED" };
  } catch (error) {
    const type = updateFailureType(error);
    if (type === AbsenceErrors.STEP_CLOSED || type === AbsenceErrors.UNKNOWN_STEP) return { kind: "ALREADY_DONE" };
    throw error;
  }
}

/**
 * The contacts for the same-day call (parents, or foster family / guardian / institution head under MK 89 p.2),
 * shown only to the responsible person and read through the audited vault.
 */
export async function absenceContacts(
  deps: CoreDeps,
  input: { actor: KnownActor; learnerId: string },
): Promise<{ kind: "OK"; contacts: LearnerContactView[] } | { kind: "FORBIDDEN" } | { kind: "TRAINING_REQUIRED" }> {
  const denied = await check(deps, input.actor, "ABSENCE_CONTACT", input.learnerId);
  if (denied) return denied.kind === "TRAINING_REQUIRED" ? denied : { kind: "FORBIDDEN" };
  const contacts = await deps.vault.readContacts({
    learnerId: input.learnerId,
    actor: { kind: "STAFF", staffId: input.actor.staffId },
    purpose: "absence-parent-contact",
  });
  return { kind: "OK", contacts: contacts.filter((c) => c.informOnAbsence) };
}
