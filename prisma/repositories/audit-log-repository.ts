import type { Prisma, PrismaClient } from "../client.js";
import type { ActorKind } from "../generated/enums.js";

// The audit log: who did what to which record. Ids, references and counts only, never personal data (the
// personal-data vault writes its own read entries inside its transaction).

export interface AuditEntry {
  actorKind: ActorKind;
  actorId?: string | null;
  /** Upper-case verb, e.g. CASE_CONFIRM, ABSENCE_RESOLVED, TASK_DONE. */
  action: string;
  entityType: string;
  entityId: string;
  purpose?: string;
  details?: Prisma.InputJsonObject;
}

export const auditEntrySelect = {
  id: true,
  at: true,
  actorKind: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
} satisfies Prisma.AuditLogSelect;

export function createAuditLogRepository(prisma: PrismaClient) {
  return {
    async record(entry: AuditEntry) {
      return prisma.auditLog.create({
        data: {
          actorKind: entry.actorKind,
          actorId: entry.actorId ?? null,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          ...(entry.purpose ? { purpose: entry.purpose } : {}),
          ...(entry.details ? { details: entry.details } : {}),
        },
        select: auditEntrySelect,
      });
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
