import { describe, expect, it } from "vitest";
import type { Message } from "../../bot/core/messages/model.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { activityText } from "../support/teams/fake-bot-connector.js";
import { TEST_TENANT_ID } from "../support/teams/identity-provider.js";
import {
  demoTeamsUserId,
  personalConversationOf,
  useTeamsBotHarness,
  WORKFLOWS_PATH,
} from "../support/teams/teams-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";

// The delivery queue's Teams transport against the fake Bot Connector: proactive sends through the reference
// captured at install, 429/5xx handed back to the queue's back-off, a card updated in place, its refresh answered
// only for its addressee, and a person the app was never installed for is an operator alert, not a silent loss.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useTeamsBotHarness(temporal);

const say = (text: string): Message => ({
  summary: text,
  blocks: [{ kind: "text", spans: [{ kind: "plain", text }] }],
});
const toPerson = (staffKey: string) => ({
  kind: "PERSON" as const,
  platform: "TEAMS" as const,
  staffId: demoIds.staff(staffKey),
});
const rowOf = (idempotencyKey: string) =>
  harness().db.prisma.outboxMessage.findUniqueOrThrow({
    where: { idempotencyKey },
    select: { status: true, attempts: true, externalMessageId: true, lastError: true },
  });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("Teams transport", () => {
  it("installing the app links the person by e-mail and keeps the personal chat's reference", async () => {
    expect((await harness().install("teacher")).status).toBe(200);
    expect(
      await harness().db.prisma.chatIdentity.count({
        where: { platform: "TEAMS", workspaceId: TEST_TENANT_ID, staffId: demoIds.staff("teacher") },
      }),
    ).toBe(1);
    const stored = await harness().db.prisma.teamsConversationReference.findFirstOrThrow({
      where: { conversationId: personalConversationOf("teacher") },
      select: { conversationType: true, aadObjectId: true },
    });
    expect(stored.conversationType).toBe("personal");
    expect(stored.aadObjectId).not.toBeNull();
  });

  it("an unknown Teams user is told politely that they are not registered", async () => {
    const stranger = harness().activity("stranger", { type: "message", text: "pmp report" });
    expect((await harness().post(stranger)).status).toBe(200);
    const reply = await harness().connector.waitFor((c) => c.activityId === stranger.id);
    expect(activityText(reply)).toContain("neesat reģistrēts");
  });

  it("429 and 500 go back to the queue's back-off, then the card arrives once", { timeout: 60_000 }, async () => {
    let faults = [{ status: 429, retryAfterSeconds: 1 }, { status: 503 }];
    harness().connector.setFault((call) =>
      call.conversationId === personalConversationOf("teacher") &&
      activityText({ ...call, id: "", at: 0 }).includes("Sveiki")
        ? (faults.shift() ?? null)
        : null,
    );
    await harness().delivery.outbox.enqueue({
      idempotencyKey: "transport:hello",
      address: toPerson("teacher"),
      message: say("Sveiki"),
    });
    const sent = await harness().connector.waitFor((c) => activityText(c).includes("Sveiki"), 30_000);
    faults = [];
    harness().connector.setFault(null);
    expect(sent.authorization).toMatch(/^Bearer /);
    const card = (sent.body.attachments as Array<{ content: Record<string, unknown> }>)[0]!.content;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(card.refresh).toMatchObject({
      action: { type: "Action.Execute", verb: "pmp.refresh" },
      userIds: [demoTeamsUserId("teacher")],
    });
    const row = await until(
      () => rowOf("transport:hello"),
      (r) => r.status === "SENT",
    );
    expect(row.attempts).toBe(3);
    expect(row.externalMessageId).toBe(`${personalConversationOf("teacher")}|${sent.id}`);
    expect(harness().connector.calls.filter((c) => activityText(c).includes("Sveiki"))).toHaveLength(1);

    // An edit replaces the same card in place.
    await harness().delivery.outbox.enqueue({
      idempotencyKey: "transport:hello:v2",
      address: toPerson("teacher"),
      message: say("Sveiki atkal"),
      replaces: "transport:hello",
    });
    const updated = await harness().connector.waitFor(
      (c) => c.method === "PUT" && activityText(c).includes("Sveiki atkal"),
    );
    expect(updated.activityId).toBe(sent.id);

    // The card's refresh shows its newest version to its addressee, and to nobody else.
    const refreshData = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const refreshed = await harness().invoke("teacher", refreshData);
    expect(JSON.stringify(refreshed.json)).toContain("Sveiki atkal");
    await harness().install("director");
    const other = await harness().invoke("director", refreshData);
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.json)).not.toContain("Sveiki");
  });

  it(
    "a person the app was never installed for: the delivery fails for good and operators are alerted",
    { timeout: 30_000 },
    async () => {
      await harness().db.prisma.chatIdentity.create({
        data: {
          staffId: demoIds.staff("manager"),
          platform: "TEAMS",
          workspaceId: TEST_TENANT_ID,
          userId: "aad-manager-no-chat",
        },
      });
      await harness().delivery.outbox.enqueue({
        idempotencyKey: "transport:nowhere",
        address: toPerson("manager"),
        message: say("Nekur"),
      });
      const row = await until(
        () => rowOf("transport:nowhere"),
        (r) => r.status === "FAILED",
      );
      expect(row.lastError).toContain("no personal Teams chat");
      expect(harness().connector.calls.filter((c) => activityText(c).includes("Nekur"))).toEqual([]);
    },
  );
});
