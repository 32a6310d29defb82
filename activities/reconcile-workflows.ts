import { WorkflowNotFoundError, type Client } from "@temporalio/client";
import type { PrismaClient } from "../prisma/client.js";
import { createRuleSetRepository } from "../prisma/repositories/rule-set-repository.js";
import { errorMessage, type Logger } from "../prisma/runtime/logger.js";
import { DEFAULT_CASE_CONFIG, riskReportedSignal, type CaseConfig } from "../workflows/case-messages.js";
import type { PreventionLevel } from "../prisma/generated/enums.js";
import { caseWorkflow } from "../workflows/case-workflow.js";
import type { createOperatorAlerts } from "./delivery/operator-alerts.js";

type Alerts = Pick<ReturnType<typeof createOperatorAlerts>, "raise">;

export interface ReconcileResult {
  checked: number;
  /** Open cases whose workflow Temporal did not know: started again, with their reports. */
  restarted: string[];
  /** Open cases whose workflow has ended: reported for a person to look at, not restarted. */
  ended: string[];
}

// A case still open in the database; REJECTED and CLOSED cases need no workflow.
const OPEN_STATUSES = ["REPORTED", "INVESTIGATING", "CONFIRMED"] as const;

/**
 * Database and Temporal agree on every open case (issue 16 item 3). The report is committed before the bot
 * calls signalWithStart, so a Temporal outage at that moment, or a run lost with the local engine, leaves a case
 * with no workflow, and with it no deadlines, reminders or escalation: a legal duty silently missed. This finds
 * them and starts the workflow again with the case's reports in order (the workflow ignores a report it has
 * seen, so a repeat is harmless), and raises an operator alert for each, since a person should know why.
 *
 * A workflow that has ended while its case is still open is not restarted (that may be a bug to look at, not
 * a loss to repair): it is an alert only. Cases younger than `minAgeMs` are left alone: the bot may be in the
 * middle of starting their workflow.
 */
export function createWorkflowReconciler(deps: {
  prisma: PrismaClient;
  temporal: () => Client;
  taskQueue: string;
  alerts: Alerts;
  logger: Logger;
  defaults?: CaseConfig;
  minAgeMs?: number;
}) {
  const rules = createRuleSetRepository(deps.prisma);
  return {
    async reconcileCases(now: Date = new Date()): Promise<ReconcileResult> {
      const before = new Date(now.getTime() - (deps.minAgeMs ?? 10 * 60_000));
      const cases = await deps.prisma.case.findMany({
        where: { status: { in: [...OPEN_STATUSES] }, openedAt: { lte: before } },
        select: {
          id: true,
          ref: true,
          workflowId: true,
          school: { select: { municipalityId: true } },
          reports: { orderBy: { reportedAt: "asc" }, select: { id: true, reportedAt: true, triage: true } },
        },
        orderBy: { openedAt: "asc" },
      });
      const result: ReconcileResult = { checked: cases.length, restarted: [], ended: [] };
      const client = deps.temporal();
      for (const kase of cases) {
        let state: "missing" | "running" | "ended";
        try {
          const description = await client.workflow.getHandle(kase.workflowId).describe();
          state = description.status.name === "RUNNING" ? "running" : "ended";
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          state = "missing";
        }
        if (state === "running") continue;
        if (state === "ended") {
          result.ended.push(kase.ref);
          await deps.alerts.raise({
            kind: "WORKFLOW_RECONCILED",
            dedupeKey: `reconcile:ended:${kase.workflowId}`,
            detail: "case open, workflow ended",
            reference: kase.ref,
            municipalityId: kase.school.municipalityId,
          });
          continue;
        }
        const [first, ...rest] = kase.reports.map((r) => ({
          reportId: r.id,
          level: (r.triage as unknown as { level: PreventionLevel }).level,
          reportedAt: r.reportedAt.toISOString(),
        }));
        if (!first) continue; // a case is opened with its first report, in one transaction
        const config = await rules.caseConfig(kase.school.municipalityId, now, deps.defaults ?? DEFAULT_CASE_CONFIG);
        const handle = await client.workflow.signalWithStart(caseWorkflow, {
          workflowId: kase.workflowId,
          taskQueue: deps.taskQueue,
          args: [{ caseId: kase.id, config }],
          signal: riskReportedSignal,
          signalArgs: [first],
        });
        for (const report of rest) await handle.signal(riskReportedSignal, report);
        result.restarted.push(kase.ref);
        deps.logger.warn("case workflow restarted", { caseRef: kase.ref, reports: kase.reports.length });
        await deps.alerts
          .raise({
            kind: "WORKFLOW_RECONCILED",
            dedupeKey: `reconcile:missing:${kase.workflowId}:${now.toISOString().slice(0, 10)}`,
            detail: "case workflow missing, restarted",
            reference: kase.ref,
            municipalityId: kase.school.municipalityId,
          })
          .catch((error: unknown) =>
            deps.logger.error("reconcile alert failed", { caseRef: kase.ref, error: errorMessage(error) }),
          );
      }
      return result;
    },
  };
}
