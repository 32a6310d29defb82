import { describe, expect, it } from "vitest";
import { demoLearners } from "../../../prisma/seed/demo-learners.js";
import { demoIds, demoSlackUserId } from "../../../prisma/seed/demo-municipality.js";
import { submitRiskReport } from "../../../bot/core/report-risk.js";
import { resolveActor } from "../../../bot/core/actor.js";
import { createCalendarRepository } from "../../../prisma/repositories/calendar-repository.js";
import { addSchoolDays, rigaDateOf, rigaEndOfSchoolDay, type Grade } from "../../../workflows/domain/calendar/index.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../../support/slack/slack-bot-harness.js";
import {
  commandBody,
  interactionBody,
  postToSlackEndpoint,
  signSlackBody,
} from "../../support/slack/signed-requests.js";
import { useTemporalTestEnv } from "../../support/temporal-env.js";
import { callText } from "../../support/slack/fake-slack-api.js";
import { isDirectTo } from "./direct-message.js";
import { encodeIntent } from "../../../bot/core/messages/intents.js";

// Security, idempotency and access edges of the Slack surface, over real HTTP.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);

const text = callText;
const learnerIn = (label: string, n: number) =>
  demoLearners().filter((l) => l.schoolCode === "DEMO-VSK" && l.classLabel === label)[n]!;

async function reportViaCore(staffKey: string, learnerId: string, idempotencyKey: string) {
  const actor = (await resolveActor(harness().db.prisma, {
    platform: "SLACK",
    workspaceId: "T0DEMO0001",
    userId: demoSlackUserId(staffKey),
  }))!;
  return submitRiskReport(harness().core, {
    actor,
    idempotencyKey,
    submission: { learnerId, answers: [{ code: "A02", frequency: 3 }], parentsInformed: "YES" },
  });
}

describe("request signing", () => {
  const body = commandBody({
    team_id: "T0DEMO0001",
    user_id: demoSlackUserId("teacher"),
    command: "/pmp",
    text: "report",
    trigger_id: "t",
    response_url: "http://127.0.0.1:9/x",
  });

  it("rejects a bad signature with 401 and changes nothing", async () => {
    const before = await harness().db.prisma.riskReport.count();
    const calls = harness().slack.calls.length;
    const response = await postToSlackEndpoint(harness().endpoint, body, {
      signature: signSlackBody(body.body, Math.floor(Date.now() / 1000), "wrong-secret"),
    });
    expect(response.status).toBe(401);
    expect(await harness().db.prisma.riskReport.count()).toBe(before);
    expect(harness().slack.calls.length).toBe(calls);
  });

  it("rejects a correctly signed request older than five minutes with 401", async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await postToSlackEndpoint(harness().endpoint, body, { timestamp: stale });
    expect(response.status).toBe(401);
  });

  it("rejects a body changed after signing", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signSlackBody(body.body, timestamp);
    const tampered = { ...body, body: body.body.replace("report", "case") };
    expect((await postToSlackEndpoint(harness().endpoint, tampered, { timestamp, signature })).status).toBe(401);
  });
});

describe("exactly one effect", () => {
  it("the same submission delivered twice (a Slack retry) registers one report", { timeout: 60_000 }, async () => {
    await harness().withWorker(async () => {
      const learner = learnerIn("8.a", 0);
      const viewId = "VRETRY0001";
      const payload = {
        type: "view_submission",
        team: { id: "T0DEMO0001" },
        user: { id: demoSlackUserId("teacher"), team_id: "T0DEMO0001" },
        api_app_id: "A0PMPBOT",
        view: {
          id: viewId,
          type: "modal",
          callback_id: "pmp_report_step2",
          hash: "h",
          blocks: [{ type: "input", block_id: "freq_A02_block" }],
          private_metadata: JSON.stringify({ learnerId: learner.id, riskCodes: ["A02"], parentsInformed: "NO" }),
          state: {
            values: {
              freq_A02_block: { frequency_select: { type: "static_select", selected_option: { value: "3" } } },
            },
          },
        },
      };
      const first = await postToSlackEndpoint(harness().endpoint, interactionBody(payload));
      const retry = await postToSlackEndpoint(harness().endpoint, interactionBody(payload), {
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(JSON.stringify(retry.json)).toContain(JSON.stringify(first.json).match(/PMP-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0]);
      expect(await harness().db.prisma.riskReport.count({ where: { learnerId: learner.id } })).toBe(1);
      const kase = await harness().db.prisma.case.findFirstOrThrow({
        where: { learnerId: learner.id },
        select: { ref: true },
      });
      await harness().slack.waitFor((c) => c.method === "chat.postMessage" && text(c).includes(kase.ref));
      await new Promise((r) => setTimeout(r, 300));
      const posts = harness()
        .slack.callsTo("chat.postMessage")
        .filter((c) => text(c).includes(kase.ref));
      expect(posts).toHaveLength(1);
    });
  });

  it("a double click on 'Take the case' makes one case manager and one message", { timeout: 60_000 }, async () => {
    await harness().withWorker(async () => {
      const learner = learnerIn("8.a", 1);
      const outcome = await reportViaCore("teacher", learner.id, "double-click-report");
      if (outcome.kind !== "REGISTERED") throw new Error("report refused");
      const click = () =>
        harness().blockAction("social-pedagogue", {
          type: "button",
          action_id: "pmp_intent:TAKE_CASE:0",
          value: encodeIntent({ kind: "TAKE_CASE", caseId: outcome.caseId }),
        });
      const [a, b] = await Promise.all([click(), click()]);
      expect([a.status, b.status]).toEqual([200, 200]);
      await harness().slack.waitFor(
        (c) =>
          c.method === "chat.postMessage" && isDirectTo(c, "social-pedagogue") && text(c).includes(outcome.caseRef),
      );
      await new Promise((r) => setTimeout(r, 500));
      const dms = harness()
        .slack.callsTo("chat.postMessage")
        .filter((c) => isDirectTo(c, "social-pedagogue") && text(c).includes(outcome.caseRef));
      expect(dms).toHaveLength(1);
      expect(await harness().db.prisma.auditLog.count({ where: { entityId: outcome.caseId } })).toBe(0);
      expect((await harness().db.prisma.case.findUniqueOrThrow({ where: { id: outcome.caseId } })).caseManagerId).toBe(
        demoIds.staff("social-pedagogue"),
      );
    });
  });

  it(
    "a municipality's case-handling rules set the investigation deadline (2 school days instead of 5)",
    { timeout: 60_000 },
    async () => {
      await harness().withWorker(async () => {
        await harness().db.prisma.ruleSet.create({
          data: {
            municipalityId: demoIds.municipality(),
            kind: "CASE_HANDLING",
            version: 1,
            effectiveFrom: new Date("2020-01-01T00:00:00Z"),
            definition: { investigationSchoolDays: 2 },
          },
        });
        try {
          const learner = learnerIn("11.a", 0);
          const outcome = await reportViaCore("teacher", learner.id, "case-rules");
          if (outcome.kind !== "REGISTERED") throw new Error("report refused");
          const { calendars, overrides } = await createCalendarRepository(harness().db.prisma).loadMunicipalityCalendar(
            { municipalityId: demoIds.municipality() },
          );
          const expected = rigaEndOfSchoolDay(
            addSchoolDays(rigaDateOf(new Date()), 2, { calendars, overrides, grade: learner.grade as Grade }),
          ).toISOString();
          for (let i = 0; i < 100; i += 1) {
            const row = await harness().db.prisma.case.findUniqueOrThrow({
              where: { id: outcome.caseId },
              select: { investigationDueAt: true },
            });
            if (row.investigationDueAt) return void expect(row.investigationDueAt.toISOString()).toBe(expected);
            await new Promise((r) => setTimeout(r, 50));
          }
          throw new Error("the workflow never recorded a deadline");
        } finally {
          await harness().db.prisma.ruleSet.deleteMany({ where: { kind: "CASE_HANDLING" } });
        }
      });
    },
  );

  it("a second report on the same learner joins the open case", async () => {
    await harness().withWorker(async () => {
      const learner = learnerIn("9.a", 0);
      const first = await reportViaCore("teacher", learner.id, "join-1");
      const second = await reportViaCore("class-teacher", learner.id, "join-2");
      expect(first.kind === "REGISTERED" && second.kind === "REGISTERED" && first.caseId === second.caseId).toBe(true);
      expect(await harness().db.prisma.case.count({ where: { learnerId: learner.id } })).toBe(1);
      expect(await harness().db.prisma.riskReport.count({ where: { learnerId: learner.id } })).toBe(2);
    });
  });

  it("delivery survives Slack rate limits and server errors, and posts once", { timeout: 60_000 }, async () => {
    await harness().withWorker(async () => {
      const isNewCaseCard = (body: Record<string, unknown>) => String(body.text).startsWith("Jauns PMP ziņojums");
      harness().slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, isNewCaseCard);
      harness().slack.failNext("chat.postMessage", { status: 503 }, isNewCaseCard);
      const learner = learnerIn("9.a", 1);
      const outcome = await reportViaCore("teacher", learner.id, "retry-delivery");
      if (outcome.kind !== "REGISTERED") throw new Error("report refused");
      await harness().slack.waitFor((c) => c.method === "chat.postMessage" && text(c).includes(outcome.caseRef));
      // The drainer backs off in real time (Retry-After: 1 s, then 4 s after the 503), recorded in the database.
      await harness().slack.waitFor(
        (c) =>
          harness()
            .slack.callsTo("chat.postMessage")
            .filter((x) => text(x).includes(outcome.caseRef)).length >= 3 && c.method === "chat.postMessage",
      );
      await new Promise((r) => setTimeout(r, 300));
      const attempts = harness()
        .slack.callsTo("chat.postMessage")
        .filter((c) => text(c).includes(outcome.caseRef));
      expect(attempts).toHaveLength(3);
      const row = await harness().db.prisma.outboxMessage.findFirstOrThrow({
        where: { idempotencyKey: { startsWith: `case:${outcome.caseId}:card:` } },
      });
      expect(row).toMatchObject({ status: "SENT", attempts: 3 });
    });
  });
});

describe("/pmp case and access", () => {
  it("shows case details only to entitled roles, and audits every read", { timeout: 60_000 }, async () => {
    await harness().withWorker(async () => {
      const learner = learnerIn("10.a", 0);
      const outcome = await reportViaCore("teacher", learner.id, "details-1");
      if (outcome.kind !== "REGISTERED") throw new Error("report refused");
      const psych = await harness().command("psychologist", `case ${outcome.caseRef}`);
      const answer = await harness().slack.waitFor(
        (c) => c.method === "response_url" && c.body.responseId === psych.responseId,
      );
      expect(answer.body.response_type).toBe("ephemeral");
      expect(text(answer)).toContain(learner.learnerCode);
      expect(text(answer)).toContain("A02");
      expect(
        await harness().db.prisma.auditLog.count({
          where: { entityId: outcome.caseId, action: "CASE_DETAILS_READ", actorId: demoIds.staff("psychologist") },
        }),
      ).toBe(1);

      for (const staffKey of ["teacher", "municipal-police", "manager", "youth-worker"]) {
        const denied = await harness().command(staffKey, `case ${outcome.caseRef}`);
        const reply = await harness().slack.waitFor(
          (c) => c.method === "response_url" && c.body.responseId === denied.responseId,
        );
        expect(text(reply)).not.toContain(learner.learnerCode);
      }
      expect(
        await harness().db.prisma.auditLog.count({ where: { entityId: outcome.caseId, action: "CASE_DETAILS_READ" } }),
      ).toBe(1);
    });
  });

  it("an unregistered Slack user gets a polite refusal and no data", async () => {
    const response = await postToSlackEndpoint(
      harness().endpoint,
      commandBody({
        team_id: "T0DEMO0001",
        user_id: "U0STRANGER",
        command: "/pmp",
        text: "report",
        trigger_id: "t",
        response_url: harness().slack.responseUrl("x"),
      }),
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.json)).toContain("neesat reģistrēts");
    expect(harness().slack.calls.filter((c) => c.method === "views.open" && c.at > Date.now() - 1000)).toHaveLength(0);
  });

  it("lists the commands in Latvian, English on request", async () => {
    const lv = await harness().command("teacher", "help");
    expect(JSON.stringify(lv.json)).toContain("ziņot par iespējamu PMP risku");
    const en = await harness().command("teacher", "help en");
    expect(JSON.stringify(en.json)).toContain("report a possible early-school-leaving risk");
  });

  it("the Home tab lists the cases a staff member manages, by reference", { timeout: 60_000 }, async () => {
    const managed = await harness().db.prisma.case.findFirstOrThrow({
      where: { caseManagerId: demoIds.staff("social-pedagogue") },
      select: { ref: true },
    });
    const event = {
      type: "event_callback",
      team_id: "T0DEMO0001",
      api_app_id: "A0PMPBOT",
      event_id: "Ev01",
      event_time: 1,
      event: { type: "app_home_opened", user: demoSlackUserId("social-pedagogue"), channel: "D01", tab: "home" },
    };
    const response = await postToSlackEndpoint(harness().endpoint, {
      body: JSON.stringify(event),
      contentType: "application/json",
    });
    expect(response.status).toBe(200);
    const published = await harness().slack.waitFor(
      (c) => c.method === "views.publish" && c.body.user_id === demoSlackUserId("social-pedagogue"),
    );
    expect(text(published)).toContain(managed.ref);
    expect(text(published)).toContain("Lietas, kuras vadu");
  });

  it("no captured outbound Slack payload contains a seeded learner's name or personal code", () => {
    expect(harness().slack.calls.length).toBeGreaterThan(10);
    expect(harness().slack.leaks).toEqual([]);
  });
});
