import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import type { Worker } from "@temporalio/worker";
import { createActivities } from "../../../activities/index.js";
import { createDelivery, type Delivery } from "../../../activities/delivery/index.js";
import { createSlackTransport } from "../../../activities/delivery/slack-transport.js";
import { WORKFLOWS_PATH } from "../../../activities/worker.js";
import type { CoreDeps } from "../../../bot/core/deps.js";
import { createHttpServer, type HttpServer } from "../../../bot/http-server.js";
import { mountSlack } from "../../../bot/slack/app.js";
import { createLogger } from "../../../prisma/runtime/logger.js";
import { createPersonalDataVault } from "../../../prisma/repositories/personal-data-vault.js";
import { demoSlackUserId, DEMO } from "../../../prisma/seed/demo-municipality.js";
import { DEFAULT_CASE_CONFIG } from "../../../workflows/case-messages.js";
import { createTestDatabase, type TestDatabase } from "../database.js";
import type { TemporalTestEnv } from "../temporal-env.js";
import { startFakeSlackApi, type FakeSlackApi } from "./fake-slack-api.js";
import {
  commandBody,
  interactionBody,
  postToSlackEndpoint,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "./signed-requests.js";

export { WORKFLOWS_PATH };

/**
 * The real bot (Bolt over real HTTP on loopback) and the real worker on one test database and the project's
 * Temporal test server, with Slack's Web API replaced by a local fake. Helpers speak to the bot as Slack does.
 */
export interface SlackBotHarness {
  db: TestDatabase;
  slack: FakeSlackApi;
  endpoint: string;
  taskQueue: string;
  core: CoreDeps;
  /** The worker side of message delivery: the outbox and its drainer (sending to the fake Slack API). */
  delivery: Delivery;
  command(staffKey: string, text: string): Promise<{ status: number; json: unknown; body: string; responseId: string }>;
  blockAction(
    staffKey: string,
    action: Record<string, unknown>,
    extra?: Record<string, unknown>,
  ): Promise<{ status: number; json: unknown; responseId: string }>;
  submitView(
    staffKey: string,
    view: Record<string, unknown>,
    values: Record<string, Record<string, unknown>>,
  ): Promise<{ status: number; json: unknown }>;
  /** Runs `fn` while a worker polls the harness's task queue; workflows still open afterwards are terminated. */
  withWorker<T>(fn: (worker: Worker) => Promise<T>): Promise<T>;
  /** A worker the caller runs and stops itself, leaving workflows running (e.g. to replace it mid-escalation). */
  createWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function startSlackBotHarness(temporal: TemporalTestEnv): Promise<SlackBotHarness> {
  const db = await createTestDatabase();
  const slack = await startFakeSlackApi();
  const logger = createLogger("test", "error");
  const taskQueue = temporal.taskQueue("slack-e2e");
  const core: CoreDeps = {
    prisma: db.prisma,
    vault: createPersonalDataVault({ prisma: db.prisma, key: db.key }),
    temporal: temporal.client,
    taskQueue,
    caseConfig: DEFAULT_CASE_CONFIG,
    now: () => new Date(),
  };
  let http: HttpServer | undefined;
  try {
    http = createHttpServer({ isReady: async () => true });
    mountSlack(http.app, {
      token: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      apiUrl: slack.apiUrl,
      logger,
      core,
    });
    const endpoint = `${await http.listen(0, "127.0.0.1")}/slack/events`;
    const team = { id: DEMO.slackWorkspaceId, domain: "demo" };
    const user = (staffKey: string) => ({ id: demoSlackUserId(staffKey), team_id: team.id, username: staffKey });
    const delivery = createDelivery({
      prisma: db.prisma,
      transports: [createSlackTransport({ prisma: db.prisma, token: TEST_BOT_TOKEN, apiUrl: slack.apiUrl })],
      logger,
      pollMs: 100,
    });
    delivery.drainer.start();
    const activities = createActivities({ prisma: db.prisma, logger, outbox: delivery.outbox });

    return {
      db,
      slack,
      endpoint,
      taskQueue,
      core,
      delivery,
      async command(staffKey, text) {
        const responseId = randomUUID();
        const result = await postToSlackEndpoint(
          endpoint,
          commandBody({
            token: "legacy",
            team_id: team.id,
            team_domain: team.domain,
            channel_id: "C0RANDOM01",
            channel_name: "general",
            user_id: user(staffKey).id,
            user_name: staffKey,
            command: "/pmp",
            text,
            api_app_id: "A0PMPBOT",
            response_url: slack.responseUrl(responseId),
            trigger_id: `trigger-${randomUUID()}`,
          }),
        );
        return { ...result, responseId };
      },
      async blockAction(staffKey, action, extra = {}) {
        const responseId = randomUUID();
        const result = await postToSlackEndpoint(
          endpoint,
          interactionBody({
            type: "block_actions",
            team,
            user: user(staffKey),
            api_app_id: "A0PMPBOT",
            token: "legacy",
            trigger_id: `trigger-${randomUUID()}`,
            response_url: slack.responseUrl(responseId),
            container: { type: "message" },
            actions: [{ action_ts: String(Date.now() / 1000), block_id: "b", ...action }],
            ...extra,
          }),
        );
        return { ...result, responseId };
      },
      async submitView(staffKey, view, values) {
        return postToSlackEndpoint(
          endpoint,
          interactionBody({
            type: "view_submission",
            team,
            user: user(staffKey),
            api_app_id: "A0PMPBOT",
            token: "legacy",
            trigger_id: `trigger-${randomUUID()}`,
            view: {
              id: `V${randomUUID().slice(0, 8)}`,
              team_id: team.id,
              type: "modal",
              hash: "h",
              private_metadata: "",
              blocks: [],
              ...view,
              state: { values },
            },
          }),
        );
      },
      withWorker: (fn) => temporal.withWorker({ taskQueue, activities }, fn),
      createWorker: () => temporal.createWorker({ taskQueue, activities }),
      async close() {
        await delivery.drainer.stop();
        await http?.close();
        await slack.close();
        await db.drop();
      },
    };
  } catch (error) {
    await http?.close();
    await slack.close();
    await db.drop();
    throw error;
  }
}

/**
 * One harness per test file: started before the file's tests, and at the end checked for leaked learner data
 * (every outbound Slack payload of the file) and closed. Returns an accessor, like useTemporalTestEnv.
 */
export function useSlackBotHarness(temporal: () => TemporalTestEnv): () => SlackBotHarness {
  let harness: SlackBotHarness | undefined;
  beforeAll(async () => {
    harness = await startSlackBotHarness(temporal());
  }, 120_000);
  afterAll(async () => {
    expect(harness?.slack.leaks).toEqual([]);
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error("Slack bot harness is not ready (beforeAll failed?)");
    return harness;
  };
}
