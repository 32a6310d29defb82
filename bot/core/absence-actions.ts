import { createRuleSetRepository } from "../../prisma/repositories/rule-set-repository.js";
import { rigaDateOf, type IsoDate } from "../../workflows/domain/calendar/index.js";
import { contactsToReach } from "../../workflows/domain/contacts-to-reach.js";
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
import type { ContactsView } from "./messages/composers/absence-contacts.js";

/** A step action as the chat layer submits it; the actor's staff id is added here. */
export type StepActionInput = StepAction extends infer A ? (A extends unknown ? Omit<A, "staffId"> : never) : never;

export type AbsenceOutcome =
  | { kind: "RECORDED" }
  | { kind: "ALREADY_DONE" }
  /** No semester of the escalation ever had this step: an error, never "already done" (MK 89 duties). */
  | { kind: "UNKNOWN_STEP" }
  | { kind: "FORBIDDEN" }
  | { kind: "TRAINING_REQUIRED" };

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
    select: {
      schoolId: true,
      classLabel: true,
      declaredMunicipalityCode: true,
      school: { select: { municipalityId: true } },
    },
  });
  if (!learner) return { kind: "FORBIDDEN" };
  // The referral for a learner declared in another municipality went to that municipality's social service, which
  // acknowledges it there (MK 89 p.7.2 routing); everything else is the school's municipality's.
  const declared =
    command === "ABSENCE_ACKNOWLEDGE" && learner.declaredMunicipalityCode
      ? await deps.prisma.municipality.findUnique({
          where: { code: learner.declaredMunicipalityCode },
          select: { id: true },
        })
      : null;
  const decision = authorize(
    actor,
    command,
    {
      schoolId: learner.schoolId,
      classLabel: learner.classLabel,
      municipalityId: declared?.id ?? learner.school.municipalityId,
    },
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
    if (type === AbsenceErrors.STEP_CLOSED) return { kind: "ALREADY_DONE" };
    if (type === AbsenceErrors.UNKNOWN_STEP) return { kind: "UNKNOWN_STEP" };
    throw error;
  }
}

/**
 * "Show contacts": the contacts the contact task names, decided by the workflow's own rule (contactsToReach) with
 * the municipality's rule set in force today: the family's contacts marked "inform on absence"; for a child in
 * out-of-family care only the relations the rule set lists for the care setting (MK 89 p.2), never the birth
 * parents; for an adult learner the learner in person and only the contacts they consented to. Shown only to the
 * responsible person; the details are read through the audited vault, and not at all when there is nobody to show.
 * With nobody on file the view names whom the rule set expects (the contact task alerts the school coordinator).
 */
export async function absenceContacts(
  deps: CoreDeps,
  input: { actor: KnownActor; learnerId: string },
): Promise<{ kind: "OK"; contacts: ContactsView } | { kind: "FORBIDDEN" } | { kind: "TRAINING_REQUIRED" }> {
  const denied = await check(deps, input.actor, "ABSENCE_CONTACT", input.learnerId);
  if (denied) return denied.kind === "TRAINING_REQUIRED" ? denied : { kind: "FORBIDDEN" };
  const learner = await deps.prisma.learner.findUniqueOrThrow({
    where: { id: input.learnerId },
    select: {
      careSetting: true,
      adultFrom: true,
      school: { select: { municipalityId: true } },
      // Relations and flags only: who may be reached is decided before any personal data is read.
      contacts: {
        select: { id: true, relation: true, informOnAbsence: true, consentRecordedAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const today = rigaDateOf(deps.now());
  const rules = await createRuleSetRepository(deps.prisma).absenceRulesInForce(learner.school.municipalityId, today);
  const plan = contactsToReach({
    careSetting: learner.careSetting,
    adultFrom: learner.adultFrom ? (learner.adultFrom.toISOString().slice(0, 10) as IsoDate) : null,
    day: today,
    contacts: learner.contacts.map((c) => ({ ...c, consentRecorded: c.consentRecordedAt !== null })),
    rules,
  });
  const view = { learnerInPerson: plan.adult, ...(plan.noneOnFile ? { missing: plan.expected } : {}) };
  if (plan.contacts.length === 0) return { kind: "OK", contacts: { contacts: [], ...view } };
  const shown = new Set(plan.contacts.map((c) => c.id));
  const details = await deps.vault.readContacts({
    learnerId: input.learnerId,
    actor: { kind: "STAFF", staffId: input.actor.staffId },
    purpose: "absence-parent-contact",
  });
  return { kind: "OK", contacts: { contacts: details.filter((c) => shown.has(c.id)), ...view } };
}
