import { Client, Connection } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDelivery } from "../../activities/delivery/index.js";
import { createOperatorAlerts } from "../../activities/delivery/operator-alerts.js";
import { createWorkflowReconciler } from "../../activities/reconcile-workflows.js";
import { WORKFLOWS_PATH } from "../../activities/worker.js";
import { createActivities } from "../../activities/index.js";
import { resolveActor } from "../../bot/core/actor.js";
import type { CoreDeps } from "../../bot/core/deps.js";
import { submitRiskReport } from "../../bot/core/report-risk.js";
import { createDirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { DEFAULT_CASE_CONFIG, caseStateQuery } from "../../workflows/case-messages.js";
import { demoLearners } from "../../prisma/seed/demo-learners.js";
import { DEMO, demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";

// Issue 16 item 3, reconciliation: a report is committed before the bot calls signalWithStart, so Temporal
// failing at that moment leaves an open case with no workflow, no deadlines and no escalation (MK 89 p.7
// duties silently missed). The reconciliation job finds the case, starts its workflow with its report, and
// raises an operator alert; run again it finds nothing more to do.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await temporal().terminateStarted();
  await db?.drop();
});

describe("reconciliation of case workflows", () => {
  it("restarts the workflow of a report whose signalWithStart failed, and alerts an operator", async () => {
    const logger = createLogger("test", "error");
    // Temporal unreachable when the teacher submits: a connection to a port nobody listens on.
    const unreachable = new Client({ connection: Connection.lazy({ address: "127.0.0.1:1", connectTimeout: 500 }) });
    const core: CoreDeps = {
      prisma: db.prisma,
      vault: createPersonalDataVault({ prisma: db.prisma, key: db.key }),
      temporal: unreachable,
      taskQueue: temporal().taskQueue("reconcile"),
      caseConfig: DEFAULT_CASE_CONFIG,
      now: () => new Date(),
    };
    const actor = await resolveActor(db.prisma, {
      platform: "SLACK",
      workspaceId: DEMO.slackWorkspaceId,
      userId: demoSlackUserId("teacher"),
    });
    const learner = demoLearners().find((l) => l.schoolCode === "DEMO-VSK" && l.classLabel === "7.a")!;
    await expect(
      submitRiskReport(core, {
        actor: actor!,
        submission: { learnerId: learner.id, answers: [{ code: "A02", frequency: 2 }], parentsInformed: "YES" },
        idempotencyKey: "reconcile-test-1",
      }),
    ).rejects.toThrow();
    const kase = await db.prisma.case.findFirstOrThrow({ where: { learnerId: learner.id } });
    await expect(temporal().client.workflow.getHandle(kase.workflowId).describe()).rejects.toThrow();

    const delivery = createDelivery({ prisma: db.prisma, transports: [], logger });
    const alerts = createOperatorAlerts({
      prisma: db.prisma,
      outbox: delivery.outbox,
      directory: createDirectoryRepository(db.prisma),
      logger,
    });
    const reconciler = createWorkflowReconciler({
      prisma: db.prisma,
      temporal: () => temporal().client,
      taskQueue: core.taskQueue,
      alerts,
      logger,
      minAgeMs: 0,
    });
    const activities = createActivities({ prisma: db.prisma, logger, outbox: delivery.outbox });
    await temporal().withWorker({ taskQueue: core.taskQueue, activities }, async () => {
      const first = await reconciler.reconcileCases();
      expect(first.restarted).toEqual([kase.ref]);
      const description = await temporal().client.workflow.getHandle(kase.workflowId).describe();
      expect(description.status.name).toBe("RUNNING");
      // The restarted workflow has the report: nothing lost.
      const report = await db.prisma.riskReport.findFirstOrThrow({ where: { caseId: kase.id } });
      // The workflow records a report after its first activity (the case's schedule): wait for it, bounded.
      const handle = temporal().client.workflow.getHandle(kase.workflowId);
      let state = await handle.query(caseStateQuery);
      for (let i = 0; i < 100 && !state.reportIds.includes(report.id); i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        state = await handle.query(caseStateQuery);
      }
      expect(state.reportIds).toContain(report.id);

      const alert = await db.prisma.operatorAlert.findFirstOrThrow({ where: { kind: "WORKFLOW_RECONCILED" } });
      expect(alert.message).toContain(kase.ref);

      // Run again (the next fire, or a retried activity): the workflow is running, nothing is started twice.
      const second = await reconciler.reconcileCases();
      expect(second.restarted).toEqual([]);
      expect(await db.prisma.operatorAlert.count({ where: { kind: "WORKFLOW_RECONCILED" } })).toBe(1);
    });
  });
});
