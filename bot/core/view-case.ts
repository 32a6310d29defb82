import { riskByCode } from "../../workflows/domain/risk-catalogue.js";
import type { TriageResult } from "../../workflows/domain/triage.js";
import { createCaseRepository } from "../../prisma/repositories/case-repository.js";
import type { KnownActor } from "./actor.js";
import { caseFor, type Denied } from "./case-actions.js";
import type { CoreDeps } from "./deps.js";
import { createAuditLogRepository } from "../../prisma/repositories/audit-log-repository.js";

export interface CaseDetails {
  ref: string;
  status: string;
  level: string | null;
  learner: { code: string; initials: string; classLabel: string };
  caseManager: string | null;
  deadline: Date | null;
  reports: number;
  firstReportAt: Date | null;
  risks: Array<{ code: string; nameLv: string; nameEn: string; frequency: number | null; present: boolean | null }>;
  triage: TriageResult | null;
}

/**
 * Case details for `/pmp case <ref>`, only for roles entitled to them. Every successful read is written to the
 * audit log; the details are pseudonymous (learner code, initials, class), never names.
 */
export async function viewCase(
  deps: CoreDeps,
  input: { actor: KnownActor; ref: string },
): Promise<{ kind: "OK"; details: CaseDetails } | Denied> {
  const found = await caseFor(deps, input.actor, "VIEW_CASE", { ref: input.ref });
  if (found.kind !== "OK") return found;
  const { row } = found;
  const reports = await createCaseRepository(deps.prisma).reports({ caseId: row.id });
  await createAuditLogRepository(deps.prisma).record({
    actorKind: "STAFF",
    actorId: input.actor.staffId,
    action: "CASE_DETAILS_READ",
    entityType: "Case",
    entityId: row.id,
    purpose: "chat-case-details",
  });
  const latest = new Map<string, { frequency: number | null; present: boolean | null }>();
  for (const report of reports)
    for (const risk of report.risks) latest.set(risk.riskCode, { frequency: risk.frequency, present: risk.present });
  return {
    kind: "OK",
    details: {
      ref: row.ref,
      status: row.status,
      level: row.level,
      learner: { code: row.learner.learnerCode, initials: row.learner.initials, classLabel: row.learner.classLabel },
      caseManager: row.caseManager?.displayName ?? null,
      deadline: row.investigationDueAt,
      reports: reports.length,
      firstReportAt: reports[0]?.reportedAt ?? null,
      risks: [...latest].map(([code, answer]) => ({
        code,
        nameLv: riskByCode(code)?.shortNameLv ?? code,
        nameEn: riskByCode(code)?.nameEn ?? code,
        ...answer,
      })),
      triage: (reports.at(-1)?.triage as unknown as TriageResult | undefined) ?? null,
    },
  };
}
