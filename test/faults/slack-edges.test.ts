import { randomUUID } from "node:crypto";
import { Client, Connection } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../../bot/core/deps.js";
import { createRateLimiter } from "../../bot/edge/rate-limiter.js";
import { createHttpServer, type HttpServer } from "../../bot/http-server.js";
import { mountSlack } from "../../bot/slack/app.js";
import { SLACK_BODY_LIMIT_BYTES } from "../../bot/slack/request-guard.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { DEMO, demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { DEFAULT_CASE_CONFIG } from "../../workflows/case-messages.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/slack/fake-slack-api.js";
import {
  commandBody,
  interactionBody,
  postToSlackEndpoint,
  signSlackBody,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../support/slack/signed-requests.js";
import { createHmac } from "node:crypto";

// Issue 16 item 4, each edge of /slack/events over real HTTP against the real Bolt app: Slack's replay window
// both ways, signature version v0 only, a 256 KB body limit enforced before reading, 415 for a wrong charset, a
// malformed form state answered within the acknowledgement, and per-user and per-workspace rate limits.
// None of these requests needs Temporal: the client's connection is lazy and never used.

let db: TestDatabase;
let slack: FakeSlackApi;
let http: HttpServer;
let endpoint: string;
const logLines: string[] = [];
const USER_LIMIT = 4;

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startFakeSlackApi();
  const core: CoreDeps = {
    prisma: db.prisma,
    vault: createPersonalDataVault({ prisma: db.prisma, key: db.key }),
    temporal: new Client({ connection: Connection.lazy({ address: "127.0.0.1:1" }) }),
    taskQueue: "unused",
    caseConfig: DEFAULT_CASE_CONFIG,
    now: () => new Date(),
  };
  http = createHttpServer({ isReady: async () => true });
  mountSlack(http.app, {
    token: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    apiUrl: slack.apiUrl,
    logger: createLogger("test", "warn", (line) => logLines.push(line)),
    core,
    rateLimits: {
      workspace: createRateLimiter({ limit: 1000, windowMs: 60_000 }),
      user: createRateLimiter({ limit: USER_LIMIT, windowMs: 60_000 }),
    },
  });
  endpoint = `${await http.listen(0, "127.0.0.1")}/slack/events`;
  // The first request pays for module loading and the one auth.test per workspace; later ones are what we test.
  await postToSlackEndpoint(endpoint, help(demoSlackUserId("municipal-coordinator")));
});

afterAll(async () => {
  await http?.close();
  await slack?.close();
  await db?.drop();
});

const team = { id: DEMO.slackWorkspaceId, domain: "demo" };
// A registered demo staff member of its own per use, so the rate limit of one test does not spend another's.
const STAFF = ["teacher", "class-teacher", "psychologist", "social-pedagogue", "speech-therapist", "director"];
let staffUsed = 0;
const freshUser = () => demoSlackUserId(STAFF[staffUsed++]!);

const help = (userId: string) =>
  commandBody({
    team_id: team.id,
    user_id: userId,
    command: "/pmp",
    text: "help",
    response_url: slack.responseUrl(randomUUID()),
    trigger_id: `trigger-${randomUUID()}`,
  });

const now = () => Math.floor(Date.now() / 1000);

describe("/slack/events edges", () => {
  it("refuses a correctly signed request stamped more than 5 minutes in the future, as one 5 minutes in the past", async () => {
    const post = help(freshUser());
    for (const offset of [6 * 60, -6 * 60]) {
      const timestamp = now() + offset;
      const response = await postToSlackEndpoint(endpoint, post, {
        timestamp,
        signature: signSlackBody(post.body, timestamp),
      });
      expect(response.status).toBe(401);
    }
    // Inside the window (a little clock skew either way) the same request is served.
    expect((await postToSlackEndpoint(endpoint, post, { timestamp: now() + 60 })).status).toBe(200);
  });

  it("accepts only signature version v0", async () => {
    const post = help(freshUser());
    const timestamp = now();
    const v1 = `v1=${createHmac("sha256", TEST_SIGNING_SECRET).update(`v1:${timestamp}:${post.body}`).digest("hex")}`;
    expect((await postToSlackEndpoint(endpoint, post, { timestamp, signature: v1 })).status).toBe(401);
  });

  it("refuses an oversize body before reading it, unsigned, and a streamed one at the limit", async () => {
    const big = "x".repeat(SLACK_BODY_LIMIT_BYTES + 1);
    const unsigned = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: big,
    });
    expect(unsigned.status).toBe(413);
    // No Content-Length (chunked): refused as soon as the limit is passed, even with plausible headers.
    const chunks = [big.slice(0, 100_000), big.slice(100_000, 200_000), big.slice(200_000)];
    const streamed = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(now()),
        "x-slack-signature": signSlackBody(big, now()),
      },
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("answers a charset other than UTF-8 with 415, and serves a declared UTF-8", async () => {
    const post = help(freshUser());
    const latin1 = await postToSlackEndpoint(endpoint, {
      ...post,
      contentType: "application/x-www-form-urlencoded; charset=ISO-8859-1",
    });
    expect(latin1.status).toBe(415);
    const utf8 = await postToSlackEndpoint(endpoint, {
      ...post,
      contentType: "application/x-www-form-urlencoded; charset=utf-8",
    });
    expect(utf8.status).toBe(200);
  });

  it("answers a form submission with malformed private_metadata within the acknowledgement", async () => {
    const userId = freshUser();
    for (const [callbackId, metadata] of [
      ["pmp_report_step2", "{not json"],
      ["pmp_report_step2", JSON.stringify({ step: 2, answers: "not-a-list", learnerId: 42 })],
      ["pmp_decide", "[1,2,3]"],
      ["pmp_no_such_form", "{}"],
    ] as const) {
      const response = await postToSlackEndpoint(
        endpoint,
        interactionBody({
          type: "view_submission",
          team,
          user: { id: userId, team_id: team.id },
          api_app_id: "A0PMPBOT",
          trigger_id: `trigger-${randomUUID()}`,
          view: {
            id: `V${randomUUID().slice(0, 8)}`,
            team_id: team.id,
            type: "modal",
            callback_id: callbackId,
            private_metadata: metadata,
            blocks: [],
            state: { values: {} },
          },
        }),
      );
      expect(response.status, `${callbackId} ${metadata}`).toBe(200);
      expect(response.json, `${callbackId} ${metadata}`).toMatchObject({ response_action: "errors" });
    }
  });

  it("limits requests per user with 429 and Retry-After, without limiting another user", async () => {
    const busy = freshUser();
    for (let i = 0; i < USER_LIMIT; i++) expect((await postToSlackEndpoint(endpoint, help(busy))).status).toBe(200);
    const refused = await fetchSigned(help(busy));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await postToSlackEndpoint(endpoint, help(freshUser()))).status).toBe(200);
  });

  it("logs Bolt's and the edge's lines as JSON", () => {
    const parsed = logLines.map((line) => JSON.parse(line) as { component: string; msg: string });
    expect(parsed.some((l) => l.component.startsWith("test.edge") && l.msg === "slack request refused")).toBe(true);
  });
});

async function fetchSigned(post: { body: string; contentType: string }): Promise<Response> {
  const timestamp = now();
  return fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": post.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackBody(post.body, timestamp),
    },
    body: post.body,
  });
}
