import type { PrismaClient, PrismaTransaction } from "../client.js";
import { publicRefFor } from "../public-ref.js";
import { caseWorkflowId } from "../../workflows/case-messages.js";
import type { PreventionLevel } from "../generated/enums.js";
import { highestLevel } from "../../workflows/domain/triage.js";

// Cases as the workflow and the bot need them. Learners appear by pseudonymous fields only (code, initials,
// class); their personal data stays behind the vault.

const caseSelect = {
  id: true,
  ref: true,
  status: true,
  level: true,
  intensity: true,
  caseManagerId: true,
  investigationDueAt: true,
  openedAt: true,
  decidedAt: true,
  rejectionReason: true,
  workflowId: true,
  schoolId: true,
  caseManager: { select: { displayName: true } },
  school: { select: { municipalityId: true, nameLv: true } },
  learner: { select: { id: true, learnerCode: true, initials: true, grade: true, classLabel: true, publicRef: true } },
} as const;

/**
 * The level a case's reports put it on before the manager decides: the most intensive of their triage levels
 * (the case workflow keeps the same as reports arrive). The one place the bot and the worker derive it.
 */
export function levelFromReports(reports: ReadonlyArray<{ triage: unknown }>): PreventionLevel {
  return highestLevel(reports.map((r) => (r.triage as { level?: PreventionLevel } | null)?.level ?? "UNIVERSAL"));
}

/**
 * The learner's open case, or a new one opened for them, inside the caller's transaction: a learner has at most one
 * open case (Case.openForLearnerId is unique), which every new risk report joins, whether a teacher typed it or an
 * absence crossing raised it.
 */
export async function openCaseFor(
  tx: PrismaTransaction,
  learner: { id: string; schoolId: string },
): Promise<{ kase: { id: string; ref: string; workflowId: string }; newCase: boolean }> {
  const select = { id: true, ref: true, workflowId: true } as const;
  const open = await tx.case.findUnique({ where: { openForLearnerId: learner.id }, select });
  if (open) return { kase: open, newCase: false };
  const caseId = crypto.randomUUID();
  const kase = await tx.case.create({
    data: {
      id: caseId,
      ref: publicRefFor("PMP", caseId),
      learnerId: learner.id,
      schoolId: learner.schoolId,
      openForLearnerId: learner.id,
      workflowId: caseWorkflowId(caseId),
    },
    select,
  });
  return { kase, newCase: true };
}

export function createCaseRepository(prisma: PrismaClient) {
  return {
    async byId({ caseId }: { caseId: string }) {
      return prisma.case.findUnique({ where: { id: caseId }, select: caseSelect });
    },

    async byRef({ ref }: { ref: string }) {
      return prisma.case.findUnique({ where: { ref: ref.trim().toUpperCase() }, select: caseSelect });
    },

    /** The reports of a case, oldest first, with their coded risks and triage. */
    async reports({ caseId }: { caseId: string }) {
      return prisma.riskReport.findMany({
        where: { caseId },
        orderBy: { reportedAt: "asc" },
        select: {
          id: true,
          reporterId: true,
          reportedAt: true,
          triage: true,
          risks: { select: { riskCode: true, frequency: true, present: true } },
        },
      });
    },

    async setManager({ caseId, staffId }: { caseId: string; staffId: string }): Promise<void> {
      await prisma.case.update({ where: { id: caseId }, data: { caseManagerId: staffId, status: "INVESTIGATING" } });
    },

    async setInvestigationDeadline({ caseId, dueAt }: { caseId: string; dueAt: Date }): Promise<void> {
      await prisma.case.update({ where: { id: caseId }, data: { investigationDueAt: dueAt } });
    },

    /** A coordinator who decides an untaken case becomes its manager. */
    async markConfirmed(input: {
      caseId: string;
      staffId: string;
      level: PreventionLevel;
      intensity: number;
      routedTo: string;
      at: Date;
    }): Promise<void> {
      const row = await prisma.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { caseManagerId: true } });
      await prisma.case.update({
        where: { id: input.caseId },
        data: {
          status: "CONFIRMED",
          level: input.level,
          intensity: input.intensity,
          routedTo: input.routedTo,
          decidedAt: input.at,
          caseManagerId: row.caseManagerId ?? input.staffId,
        },
      });
    },

    /** A rejected case is no longer the learner's open case: the next report opens a new one. */
    async markRejected(input: { caseId: string; reason: string; at: Date }): Promise<void> {
      await prisma.case.update({
        where: { id: input.caseId },
        data: {
          status: "REJECTED",
          rejectionReason: input.reason,
          decidedAt: input.at,
          closedAt: input.at,
          openForLearnerId: null,
        },
      });
    },
  };
}

export type CaseRepository = ReturnType<typeof createCaseRepository>;
