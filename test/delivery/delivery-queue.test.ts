import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDelivery } from "../../activities/delivery/index.js";
import { createSlackTransport } from "../../activities/delivery/slack-transport.js";
import type { Message } from "../../bot/core/messages/model.js";
import type { ChatAddress } from "../../prisma/repositories/directory-repository.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { demoIds, demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/slack/fake-slack-api.js";

// The delivery queue against a real database and a fake Slack Web API: order per conversation, back-off on
// 429/5xx, a permanent failure as exactly one operator alert, an hour-long outage, a worker killed mid-send, and
// messages queued before Slack was connected.

const root = fileURLToPath(new URL("../..", import.meta.url));
const logger = createLogger("test", "error");
const MINUTE = 60_000;

let db: TestDatabase;
let slack: FakeSlackApi;
beforeAll(async () => {
  [db, slack] = await Promise.all([createTestDatabase(), startFakeSlackApi()]);
});
afterAll(async () => {
  await slack?.close();
  await db?.drop();
});
afterEach(async () => {
  slack.setOutage(null);
  slack.holdAnswers("chat.postMessage", null);
  slack.calls.length = 0;
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.operatorAlert.deleteMany();
});

const person = (key: string): ChatAddress => ({ kind: "PERSON", platform: "SLACK", staffId: demoIds.staff(key) });
const supportChannel: ChatAddress = {
  kind: "CHANNEL",
  platform: "SLACK",
  channelId: demoIds.channel("C0DEMOSUP1", "SUPPORT_TEAM"),
};
const message = (text: string): Message => ({
  summary: text,
  blocks: [{ kind: "text", spans: [{ kind: "plain", text }] }],
});

/**
 * A manual clock for the drainer: the test moves it, Slack's fake does not care. It starts a little ahead of real
 * time, so rows the database stamped "now" a moment ago are due.
 */
function manualClock(start = Date.now() + 5_000) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

function delivery(clock = manualClock(), options: { slackConnected?: boolean } = {}) {
  const transports =
    options.slackConnected === false
      ? []
      : [createSlackTransport({ prisma: db.prisma, token: "xoxb-test", apiUrl: slack.apiUrl, timeoutMs: 2_000 })];
  return { clock, ...createDelivery({ prisma: db.prisma, transports, logger, now: clock.now }) };
}

/** Keys (starting with `prefix`) of the messages Slack accepted, answered or not, per channel, in order. */
function acceptedKeys(prefix: string): Map<string, string[]> {
  const byChannel = new Map<string, string[]>();
  for (const [channel, posted] of slack.accepted()) {
    const keys = posted.map((m) => String(m.metadata?.event_payload.key)).filter((key) => key.startsWith(prefix));
    if (keys.length) byChannel.set(channel, keys);
  }
  return byChannel;
}

describe("delivery queue", () => {
  it("delivers each message once, in order per conversation, with two drainers racing for the rows", async () => {
    const { outbox } = delivery();
    const keys = { dm: [] as string[], channel: [] as string[] };
    for (let i = 0; i < 6; i += 1) {
      keys.dm.push(`order:dm:${i}`);
      keys.channel.push(`order:channel:${i}`);
      await outbox.enqueue({
        idempotencyKey: `order:dm:${i}`,
        address: person("director"),
        message: message(`dm ${i}`),
      });
      await outbox.enqueue({
        idempotencyKey: `order:channel:${i}`,
        address: supportChannel,
        message: message(`c ${i}`),
      });
    }
    // The same key again (a retried activity) is not a second message.
    await outbox.enqueue({ idempotencyKey: "order:dm:0", address: person("director"), message: message("again") });

    const a = delivery();
    const b = delivery();
    await Promise.all([a.drainer.drainOnce(), b.drainer.drainOnce(), a.drainer.drainOnce()]);

    const accepted = acceptedKeys("order:");
    expect(accepted.get(`D${demoSlackUserId("director").slice(1)}`)).toEqual(keys.dm);
    expect(accepted.get("C0DEMOSUP1")).toEqual(keys.channel);
    const rows = await db.prisma.outboxMessage.findMany({ select: { status: true, externalMessageId: true } });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === "SENT" && r.externalMessageId)).toBe(true);
  });

  it("backs off on 429 for as long as Retry-After says", async () => {
    const { outbox, drainer, clock } = delivery();
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 30 });
    await outbox.enqueue({ idempotencyKey: "rate:1", address: supportChannel, message: message("x") });
    await drainer.drainOnce();
    const waiting = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "rate:1" } });
    expect(waiting.status).toBe("PENDING");
    expect(waiting.notBefore.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(29_000);

    clock.advance(25_000);
    await drainer.drainOnce();
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    clock.advance(6_000);
    await drainer.drainOnce();
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "rate:1" } })).status).toBe(
      "SENT",
    );
  });

  it("a Slack outage of one virtual hour delays messages but loses none and sends none twice", async () => {
    const { outbox, drainer, clock } = delivery();
    const start = clock.now().getTime();
    slack.setOutage(() => (clock.now().getTime() - start < 60 * MINUTE ? { status: 503 } : null));
    const keys = ["outage:a:1", "outage:a:2", "outage:b:1", "outage:c:1"];
    await outbox.enqueue({ idempotencyKey: keys[0]!, address: person("director"), message: message("a1") });
    await outbox.enqueue({ idempotencyKey: keys[1]!, address: person("director"), message: message("a2") });
    await outbox.enqueue({ idempotencyKey: keys[2]!, address: person("school-coordinator"), message: message("b") });
    await outbox.enqueue({ idempotencyKey: keys[3]!, address: supportChannel, message: message("c") });

    for (let minute = 0; minute < 80; minute += 1) {
      await drainer.drainOnce();
      clock.advance(MINUTE);
    }
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.idempotencyKey, r.status])).toEqual(keys.map((k) => [k, "SENT"]));
    // Sent only after the hour, and each exactly once.
    expect(rows.every((r) => r.sentAt!.getTime() - start >= 60 * MINUTE)).toBe(true);
    const accepted = [...acceptedKeys("outage:").values()].flat();
    expect(accepted.sort()).toEqual([...keys].sort());
    expect(await db.prisma.operatorAlert.count()).toBe(0);
  });

  it("a permanent failure (an archived channel) marks the row FAILED and raises exactly one operator alert", async () => {
    const { outbox, drainer } = delivery();
    slack.setOutage((method, body) =>
      method === "chat.postMessage" && body.channel === "C0DEMOSUP1" ? { status: 200, error: "is_archived" } : null,
    );
    await outbox.enqueue({ idempotencyKey: "archived:1", address: supportChannel, message: message("lost?") });
    await drainer.drainOnce();
    await drainer.drainOnce();

    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "archived:1" } });
    expect(row).toMatchObject({ status: "FAILED", lastError: "Slack error: is_archived" });
    const alerts = await db.prisma.operatorAlert.findMany();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "DELIVERY_FAILED" });
    // Operators hear of it in their channel, by reference and error code only.
    const posted = slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0DEMOOPS1");
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]!.body)).toContain("archived:1");
    expect(JSON.stringify(posted[0]!.body)).toContain("is_archived");
  });

  it("a person without a Slack identity is a failed delivery with an alert, not a silent drop", async () => {
    const { outbox, drainer } = delivery();
    await db.prisma.chatIdentity.deleteMany({ where: { staffId: demoIds.staff("youth-worker") } });
    await outbox.enqueue({ idempotencyKey: "nobody:1", address: person("youth-worker"), message: message("x") });
    await drainer.drainOnce();
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "nobody:1" } })).status).toBe(
      "FAILED",
    );
    expect(await db.prisma.operatorAlert.count()).toBe(1);
  });

  it("messages queued while Slack is not connected go out once it is", async () => {
    const offline = delivery(manualClock(), { slackConnected: false });
    await offline.outbox.enqueue({ idempotencyKey: "later:1", address: supportChannel, message: message("1") });
    await offline.outbox.enqueue({ idempotencyKey: "later:2", address: person("director"), message: message("2") });
    expect(await offline.drainer.drainOnce()).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { status: "PENDING" } })).toBe(2);

    const connected = delivery();
    await connected.drainer.drainOnce();
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(2);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("a worker killed mid-send loses and duplicates nothing", { timeout: 60_000 }, async () => {
    const { outbox } = delivery();
    const keys: string[] = [];
    for (const [who, address] of [
      ["director", person("director")],
      ["coordinator", person("school-coordinator")],
      ["channel", supportChannel],
    ] as const) {
      for (let i = 0; i < 3; i += 1) {
        keys.push(`kill:${who}:${i}`);
        await outbox.enqueue({ idempotencyKey: `kill:${who}:${i}`, address, message: message(`${who} ${i}`) });
      }
    }
    // Slack takes the first message of each conversation but the child never hears back: it is killed first.
    slack.holdAnswers("chat.postMessage", 30_000);
    const child = spawn(process.execPath, ["--import", "tsx", "test/delivery/support/drain-in-child.ts"], {
      cwd: root,
      env: { ...process.env, DRAIN_DATABASE_URL: db.url, DRAIN_SLACK_API_URL: slack.apiUrl },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await slack.waitFor(() => slack.callsTo("chat.postMessage").length >= 3, 30_000);
    child.kill("SIGKILL");
    await exited;
    slack.holdAnswers("chat.postMessage", null);
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(0);

    // A new worker, after the dead one's leases ran out.
    const clock = manualClock(Date.now() + 2 * MINUTE);
    const { drainer } = delivery(clock);
    await drainer.drainOnce();

    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(keys.map(() => "SENT"));
    const accepted = acceptedKeys("kill:");
    expect([...accepted.values()].flat().sort()).toEqual([...keys].sort());
    for (const list of accepted.values()) expect(list).toEqual([...list].sort());
  });
});
