import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivities } from "../../activities/index.js";
import { createDelivery, type Delivery } from "../../activities/delivery/index.js";
import { createSlackTransport } from "../../activities/delivery/slack-transport.js";
import { createSlackAccountLookup } from "../../activities/directory/slack-account-lookup.js";
import { WORKFLOWS_PATH } from "../../activities/worker.js";
import type { CoreDeps } from "../../bot/core/deps.js";
import { createHttpServer, type HttpServer } from "../../bot/http-server.js";
import { mountSlack } from "../../bot/slack/app.js";
import { linkChatAccounts } from "../../prisma/directory/chat-account-links.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { seedReferenceData } from "../../prisma/seed/index.js";
import { DEFAULT_CASE_CONFIG } from "../../workflows/case-messages.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { callText, startFakeSlackApi, type FakeSlackApi } from "../support/slack/fake-slack-api.js";
import {
  commandBody,
  interactionBody,
  postToSlackEndpoint,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../support/slack/signed-requests.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import { directoryImporterFor, EXAMPLE_MUNICIPALITY, exampleFiles, learnerSecrets } from "./support.js";

// From an empty production-like database to the first risk report, with nothing of the demo: migrate, the
// reference data, the example municipality's directory, chat accounts linked by e-mail against the fake Slack
// Web API, then a linked teacher reports a risk in Slack and the case workflow opens the case. The real bot
// (Bolt over loopback HTTP), the real worker on the project's Temporal test server, real PostgreSQL.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const WORKSPACE = "T0DEMO0001"; // the fake Slack API's auth.test team
const TEACHER = "vsk.teacher-7@kalnu-novads.example"; // leads 7.a at Kalnu vidusskola
const UNMATCHED = ["vsk.school-nurse@kalnu-novads.example", "psk.social-pedagogue@kalnu-novads.example"];

describe("onboarding a municipality on a fresh database", () => {
  let db: TestDatabase;
  let slack: FakeSlackApi;
  let http: HttpServer | undefined;
  let delivery: Delivery;
  let endpoint: string;
  let core: CoreDeps;
  let activities: ReturnType<typeof createActivities>;
  const taskQueue = `onboarding-${randomUUID().slice(0, 8)}`;
  const slackIds = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    await migrateDatabase(db.url);
    await seedReferenceData(db.prisma);
    slack = await startFakeSlackApi();
    const logger = createLogger("test", "error");
    core = {
      prisma: db.prisma,
      vault: createPersonalDataVault({ prisma: db.prisma, key: db.key }),
      temporal: temporal().client,
      taskQueue,
      caseConfig: DEFAULT_CASE_CONFIG,
      now: () => new Date(),
    };
    http = createHttpServer({ isReady: async () => true });
    mountSlack(http.app, {
      token: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      apiUrl: slack.apiUrl,
      logger,
      core,
    });
    endpoint = `${await http.listen(0, "127.0.0.1")}/slack/events`;
    delivery = createDelivery({
      prisma: db.prisma,
      transports: [createSlackTransport({ prisma: db.prisma, token: TEST_BOT_TOKEN, apiUrl: slack.apiUrl })],
      logger,
      pollMs: 100,
    });
    delivery.drainer.start();
    activities = createActivities({ prisma: db.prisma, logger, outbox: delivery.outbox });
  }, 120_000);

  afterAll(async () => {
    expect(slack?.leaks).toEqual([]);
    await delivery?.drainer.stop();
    await http?.close();
    await slack?.close();
    await db?.drop();
  });

  it("nothing of the demo is there: reference data only", async () => {
    expect(await db.prisma.risk.count()).toBe(66);
    expect(await db.prisma.municipality.count()).toBe(0);
    expect(await db.prisma.learner.count()).toBe(0);
  });

  it("imports the example directory (its rejected rows reported, the rest applied)", { timeout: 120_000 }, async () => {
    const files = await exampleFiles();
    slack.watchSecrets(learnerSecrets(files.learners.content));
    const result = await directoryImporterFor(db.prisma, db.key).importFiles(Object.values(files), {
      municipalityCode: EXAMPLE_MUNICIPALITY,
      partial: true,
    });
    expect(result.files.every((f) => f.status === "APPLIED")).toBe(true);
    expect(await db.prisma.learner.count()).toBe(300);
  });

  it("links staff to Slack users by work e-mail and reports whom it could not match", { timeout: 60_000 }, async () => {
    const staff = await db.prisma.staffMember.findMany({ select: { email: true }, orderBy: { email: "asc" } });
    const users: Record<string, string> = {};
    staff.forEach(({ email }, index) => {
      if (email && !UNMATCHED.includes(email)) users[email.toUpperCase()] = `UK${String(index + 1).padStart(6, "0")}`;
    });
    slack.setUsers(users);
    for (const [email, id] of Object.entries(users)) slackIds.set(email.toLowerCase(), id);

    const lookup = await createSlackAccountLookup({ token: TEST_BOT_TOKEN, apiUrl: slack.apiUrl });
    expect(lookup.workspaceId).toBe(WORKSPACE);
    const report = await linkChatAccounts(db.prisma, lookup);
    expect(report.unmatched.map((u) => u.email).sort()).toEqual([...UNMATCHED].sort());
    expect(report.linked).toHaveLength(staff.length - UNMATCHED.length);
    expect(slack.callsTo("users.lookupByEmail")).toHaveLength(staff.length);
    expect(await db.prisma.auditLog.count({ where: { action: "CHAT_ACCOUNT_LINKED" } })).toBe(report.linked.length);

    // Nightly again: the linked are left alone, only the unmatched are asked for.
    const again = await linkChatAccounts(db.prisma, lookup);
    expect(again).toMatchObject({ linked: [], alreadyLinked: report.linked.length });
    expect(again.unmatched).toHaveLength(UNMATCHED.length);
  });

  it("an unlinked person's /pmp report gets the polite refusal", async () => {
    const answer = await command("UNOBODY0001", "report");
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Jūs neesat reģistrēts");
    expect(slack.callsTo("views.open")).toHaveLength(0);
  });

  it("a linked teacher's /pmp report opens the form, and the report opens a case", { timeout: 120_000 }, async () => {
    const user = slackIds.get(TEACHER)!;
    const school = await db.prisma.school.findUniqueOrThrow({ where: { code: "KALNU-VSK" } });
    const learner = await db.prisma.learner.findFirstOrThrow({ where: { schoolId: school.id, classLabel: "7.a" } });
    await temporal().withWorker({ taskQueue, activities }, async () => {
      const since = Date.now();
      const opened = await command(user, "report");
      expect(opened.status).toBe(200);
      const open = await slack.waitFor((c) => c.method === "views.open" && c.at >= since);
      expect(callText(open)).toContain("pmp_report_step1");

      const viewId = "VONBOARD1";
      await interaction(user, {
        type: "block_actions",
        actions: [
          {
            action_ts: String(Date.now() / 1000),
            type: "static_select",
            action_id: "pmp_field:class",
            block_id: "class_block",
            selected_option: { value: `${school.id}|7.a` },
          },
        ],
        view: { id: viewId, hash: "h1", type: "modal", callback_id: "pmp_report_step1" },
        container: { type: "view", view_id: viewId },
      });
      const updated = await slack.waitFor((c) => c.method === "views.update" && c.body.view_id === viewId);
      expect(callText(updated)).toContain(learner.id);

      const step1 = await submit(
        user,
        { id: viewId, callback_id: "pmp_report_step1" },
        {
          learner_block: { learner_select: { type: "static_select", selected_option: { value: learner.id } } },
          risks_A_block: { risks_select: { type: "multi_static_select", selected_options: [{ value: "A02" }] } },
          low_attainment_block: { low_attainment_input: { type: "number_input", value: null } },
          other_block: { other_input: { type: "plain_text_input", value: null } },
          parents_block: { parents_radio: { type: "radio_buttons", selected_option: { value: "YES" } } },
        },
      );
      const step2 = step1.json as {
        response_action: string;
        view: { callback_id: string; private_metadata: string; blocks: unknown[] };
      };
      expect(step2.view.callback_id).toBe("pmp_report_step2");
      const done = await submit(
        user,
        {
          id: viewId,
          callback_id: "pmp_report_step2",
          private_metadata: step2.view.private_metadata,
          blocks: step2.view.blocks,
        },
        { freq_A02_block: { frequency_select: { type: "static_select", selected_option: { value: "2" } } } },
      );
      expect((done.json as { response_action: string }).response_action).toBe("update");
      const kase = await db.prisma.case.findFirstOrThrow({ where: { learnerId: learner.id } });
      expect(kase.schoolId).toBe(school.id);
      // The case workflow runs on the municipality's own defaults (calendar, rules): the investigation deadline is set.
      await expect
        .poll(async () => (await db.prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).investigationDueAt, {
          timeout: 30_000,
        })
        .not.toBeNull();
      const reporter = await db.prisma.riskReport.findFirstOrThrow({
        where: { caseId: kase.id },
        select: { reporter: { select: { email: true } } },
      });
      expect(reporter.reporter.email).toBe(TEACHER);
    });
  });

  const team = { id: WORKSPACE, domain: "kalnu" };
  async function command(userId: string, text: string) {
    return postToSlackEndpoint(
      endpoint,
      commandBody({
        token: "legacy",
        team_id: team.id,
        team_domain: team.domain,
        channel_id: "C0RANDOM01",
        channel_name: "general",
        user_id: userId,
        user_name: "someone",
        command: "/pmp",
        text,
        api_app_id: "A0PMPBOT",
        response_url: slack.responseUrl(randomUUID()),
        trigger_id: `trigger-${randomUUID()}`,
      }),
    );
  }
  async function interaction(userId: string, payload: Record<string, unknown>) {
    return postToSlackEndpoint(
      endpoint,
      interactionBody({
        team,
        user: { id: userId, team_id: team.id, username: "someone" },
        api_app_id: "A0PMPBOT",
        token: "legacy",
        trigger_id: `trigger-${randomUUID()}`,
        response_url: slack.responseUrl(randomUUID()),
        ...payload,
      }),
    );
  }
  async function submit(
    userId: string,
    view: Record<string, unknown>,
    values: Record<string, Record<string, unknown>>,
  ) {
    return interaction(userId, {
      type: "view_submission",
      view: {
        team_id: team.id,
        type: "modal",
        hash: "h",
        private_metadata: "",
        blocks: [],
        ...view,
        state: { values },
      },
    });
  }
});
