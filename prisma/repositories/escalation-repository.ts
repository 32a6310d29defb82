import type { Prisma, PrismaClient } from "../client.js";
import type { ReferralStatus, Role, StepStatus } from "../generated/enums.js";

// MK 89 absence escalations (models Escalation, EscalationStep, Referral): one escalation per learner and
// semester, its steps (one row per step key), and the social-service referral it may lead to.

export interface TermRef {
  learnerId: string;
  term: { schoolYear: string; semester: number };
}

export const escalationRefSelect = { id: true, ruleVersion: true } satisfies Prisma.EscalationSelect;
export const referralRefSelect = { id: true, status: true } satisfies Prisma.ReferralSelect;

const byTerm = (ref: TermRef) => ({
  learnerId_schoolYear_semester: {
    learnerId: ref.learnerId,
    schoolYear: ref.term.schoolYear,
    semester: ref.term.semester,
  },
});
/** Steps are keyed by their step key; `occurrence` stays 1 because recurring steps carry the date in the key. */
const stepKey = (escalationId: string, step: string) => ({
  escalationId_step_occurrence: { escalationId, step, occurrence: 1 },
});

export function createEscalationRepository(prisma: PrismaClient) {
  return {
    async ofTerm(ref: TermRef) {
      return prisma.escalation.findUniqueOrThrow({ where: byTerm(ref), select: escalationRefSelect });
    },

    /** Creates the semester's escalation once; a repeat (retry, continue-as-new) keeps the first. */
    async openOnce(
      ref: TermRef & { caseId: string | null; ruleSetId: string; ruleVersion: number; workflowId: string },
    ) {
      return prisma.escalation.upsert({
        where: byTerm(ref),
        create: {
          learnerId: ref.learnerId,
          caseId: ref.caseId,
          ruleSetId: ref.ruleSetId,
          ruleVersion: ref.ruleVersion,
          schoolYear: ref.term.schoolYear,
          semester: ref.term.semester,
          workflowId: ref.workflowId,
        },
        update: {},
        select: escalationRefSelect,
      });
    },

    async markResolved(escalationId: string) {
      await prisma.escalation.update({ where: { id: escalationId }, data: { status: "RESOLVED" } });
    },

    /** Closes the semester's escalation (idempotent). */
    async close(ref: TermRef, at: Date) {
      await prisma.escalation.updateMany({
        where: {
          learnerId: ref.learnerId,
          schoolYear: ref.term.schoolYear,
          semester: ref.term.semester,
          status: { not: "CLOSED" },
        },
        data: { status: "CLOSED", closedAt: at },
      });
    },

    async openStepOnce(step: {
      escalationId: string;
      step: string;
      assigneeRole: Role;
      assigneeId: string | null;
      dueAt: Date;
    }) {
      await prisma.escalationStep.upsert({
        where: stepKey(step.escalationId, step.step),
        create: { ...step },
        update: {},
      });
    },

    async updateStep(
      escalationId: string,
      step: string,
      change: {
        status: StepStatus;
        outcome: Prisma.InputJsonObject;
        acknowledgedAt?: Date;
        acknowledgedById?: string | null;
        escalatedAt?: Date;
      },
    ) {
      await prisma.escalationStep.update({ where: stepKey(escalationId, step), data: change });
    },

    async referralOf(escalationId: string) {
      return prisma.referral.findFirst({ where: { escalationId }, select: referralRefSelect });
    },

    /** One referral per escalation: created on the first status, then updated. */
    async saveReferral(
      escalationId: string,
      agencyId: string,
      data: {
        status: ReferralStatus;
        sentAt?: Date;
        documentRef?: string | null;
        ackDueAt?: Date | null;
        acknowledgedAt?: Date;
      },
    ) {
      const existing = await prisma.referral.findFirst({ where: { escalationId }, select: referralRefSelect });
      if (existing) await prisma.referral.update({ where: { id: existing.id }, data });
      else await prisma.referral.create({ data: { agencyId, escalationId, ...data } });
    },
  };
}

export type EscalationRepository = ReturnType<typeof createEscalationRepository>;
