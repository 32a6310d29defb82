// Virtual time starts on Thursday 16 October 2025, 09:00 in Riga (a school day).
process.env.TEMPORAL_TEST_SERVER_START_TIME = "2025-10-16T06:00:00Z";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../bot/core/actor.js";
import { submitRiskReport } from "../../bot/core/report-risk.js";
import { takeCase } from "../../bot/core/case-actions.js";
import { demoLearners, type DemoLearner } from "../../prisma/seed/demo-learners.js";
import { DEMO, demoIds, demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { absenceStateQuery, absenceWorkflowId } from "../../workflows/absence-messages.js";
import { caseStateQuery } from "../../workflows/case-messages.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../support/slack/slack-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import { importAbsences, type AbsenceDay } from "../escalation/import-absences.js";

// A chat problem never fails a legal duty: a message Slack refuses for good (an archived channel, a deactivated
// user) is marked FAILED and raises one operator alert, and the workflow it came from goes on.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: harness().db.url, max: 3 });
});
afterAll(async () => {
  await pool?.end();
});

const SUPPORT_CHANNEL = "C0DEMOSUP1";
const OPERATIONS_CHANNEL = "C0DEMOOPS1";

async function actor(staffKey: string) {
  const found = await resolveActor(harness().db.prisma, {
    platform: "SLACK",
    workspaceId: DEMO.slackWorkspaceId,
    userId: demoSlackUserId(staffKey),
  });
  if (!found) throw new Error(`no demo actor ${staffKey}`);
  return found;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const importUnexcused = (learner: DemoLearner, days: AbsenceDay[]) =>
  importAbsences({ harness: harness(), temporal: temporal(), pool }, learner, days);

const alerts = () => harness().db.prisma.operatorAlert.findMany({ orderBy: { createdAt: "asc" } });
const failedRows = () => harness().db.prisma.outboxMessage.findMany({ where: { status: "FAILED" } });

describe("undeliverable messages", () => {
  it("an archived support-team channel: the case workflow runs on and operators get one alert", async () => {
    harness().slack.setOutage((method, body) =>
      method === "chat.postMessage" && body.channel === SUPPORT_CHANNEL ? { status: 200, error: "is_archived" } : null,
    );
    const learner = demoLearners().find((l) => l.schoolCode === "DEMO-VSK" && l.classLabel === "7.a")!;
    await harness().withWorker(async () => {
      const outcome = await submitRiskReport(harness().core, {
        actor: await actor("teacher"),
        submission: {
          learnerId: learner.id,
          answers: [{ code: "A02", frequency: 2 }],
          parentsInformed: "YES",
        },
        idempotencyKey: "undeliverable-case-report",
      });
      if (outcome.kind !== "REGISTERED") throw new Error(`report not registered: ${outcome.kind}`);

      const firstAlerts = await until("the alert", alerts, (rows) => rows.length > 0);
      expect(firstAlerts).toHaveLength(1);
      expect(firstAlerts[0]).toMatchObject({ kind: "DELIVERY_FAILED" });
      expect(firstAlerts[0]!.message).toContain("is_archived");
      expect(await failedRows()).toHaveLength(1);
      const posted = await harness().slack.waitFor(
        (c) => c.method === "chat.postMessage" && c.body.channel === OPERATIONS_CHANNEL,
      );
      expect(JSON.stringify(posted.body)).toContain("is_archived");

      // The workflow did not fail: it still takes the case and keeps its deadline.
      const row = await harness().db.prisma.case.findUniqueOrThrow({ where: { id: outcome.caseId } });
      const handle = temporal().client.workflow.getHandle(row.workflowId);
      expect((await handle.describe()).status.name).toBe("RUNNING");
      const taken = await takeCase(harness().core, { actor: await actor("psychologist"), caseId: outcome.caseId });
      expect(taken.kind).toBe("TAKEN");
      const state = await handle.query(caseStateQuery);
      expect(state).toMatchObject({ phase: "INVESTIGATING", caseManagerId: (await actor("psychologist")).staffId });
      expect(state.deadline).not.toBeNull();
      await harness().slack.waitFor(
        (c) => c.method === "chat.postMessage" && c.body.channel === demoSlackUserId("psychologist"),
      );
      // Each undeliverable message is one alert, never a retry storm: the card's "taken" edit failed too.
      await until("the second failure", failedRows, (rows) => rows.length === 2);
      expect(await alerts()).toHaveLength(2);
      expect((await handle.describe()).status.name).toBe("RUNNING");
    });
    harness().slack.setOutage(null);
  });

  it("a deactivated director: the MK 89 escalation runs on and operators get one alert", async () => {
    const before = (await alerts()).length;
    harness().slack.setOutage((method, body) =>
      method === "chat.postMessage" && body.channel === demoSlackUserId("director")
        ? { status: 200, error: "account_inactive" }
        : null,
    );
    const learner = demoLearners().find(
      (l) => l.schoolCode === "DEMO-VSK" && l.grade >= 1 && l.classLabel !== "7.a" && l.careSetting === "FAMILY",
    )!;
    await harness().withWorker(async () => {
      await importUnexcused(learner, [
        ["2025-10-13", 6],
        ["2025-10-14", 6],
        ["2025-10-15", 6],
        ["2025-10-16", 3],
      ]);

      // The director's VIIS task (MK 89 p.7) cannot be delivered: one alert for it, and the duty stays open.
      const raised = await until("the alert", alerts, (rows) => rows.length > before);
      expect(raised.slice(before)).toHaveLength(1);
      expect(raised.at(-1)!.message).toContain("account_inactive");
      const handle = temporal().client.workflow.getHandle(absenceWorkflowId(learner.id));
      expect((await handle.describe()).status.name).toBe("RUNNING");
      const state = await handle.query(absenceStateQuery);
      expect(state.steps.filter((s) => s.kind === "VIIS_ENTRY").map((s) => s.status)).toEqual(["OPEN"]);
      // The others still hear of it: the municipal education specialist (MK 89 p.7²).
      await harness().slack.waitFor(
        (c) => c.method === "chat.postMessage" && c.body.channel === demoSlackUserId("education-specialist"),
      );
      expect((await alerts()).length - before).toBe(1);
    });
    harness().slack.setOutage(null);
  });

  it("a school without a director: the VIIS duty (MK 89 p.7) is recorded unassigned and operators are alerted", async () => {
    const before = (await alerts()).length;
    const school = demoIds.school("DEMO-TEH");
    await harness().db.prisma.staffRole.deleteMany({ where: { role: "DIRECTOR", schoolId: school } });
    const learner = demoLearners().find((l) => l.schoolCode === "DEMO-TEH" && l.careSetting === "FAMILY")!;
    await harness().withWorker(async () => {
      await importUnexcused(learner, [
        ["2025-10-13", 8],
        ["2025-10-14", 8],
        ["2025-10-15", 8],
      ]);
      // (The vocational school has no class teacher for this class and no social pedagogue either: the same-day
      // parent contact has nobody too, and is alerted the same way.)
      await until("the alert", alerts, (rows) =>
        rows.some((a) => a.kind === "NOBODY_TO_ASSIGN" && a.dedupeKey.includes("VIIS_ENTRY")),
      );
      // One duty, one alert: the workflow's own report and the task message that found nobody are the same fault.
      await new Promise((r) => setTimeout(r, 1_500));
      const viis = (await alerts())
        .slice(before)
        .filter((a) => a.kind === "NOBODY_TO_ASSIGN" && a.dedupeKey.includes("VIIS"));
      expect(viis).toHaveLength(1);
      expect(viis[0]!.message).toContain("DIRECTOR");
      const task = await until(
        "the VIIS task",
        () => harness().db.prisma.task.findFirst({ where: { kind: "VIIS_ENTRY", subjectId: learner.id } }),
        (row) => row !== null,
      );
      // Nobody holds the role: the duty passes at once up its chain (the school coordinator), never left with no one.
      expect(task).toMatchObject({ state: "ESCALATED", assigneeRole: "SCHOOL_COORDINATOR" });
      const handle = temporal().client.workflow.getHandle(absenceWorkflowId(learner.id));
      expect((await handle.describe()).status.name).toBe("RUNNING");
    });
  });
});
