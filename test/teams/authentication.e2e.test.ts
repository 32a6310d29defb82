import { describe, expect, it } from "vitest";
import { newSigningKey } from "../support/teams/identity-provider.js";
import { personalConversationOf, useTeamsBotHarness, WORKFLOWS_PATH } from "../support/teams/teams-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";

// botbuilder's CloudAdapter with authentication on, against the local identity provider: the channel's OpenID
// metadata and keys over http, the token endpoint over https (self-signed, trusted by the bot's token client).
// Every refused request must be a 401 that reaches no handler: no reply, no stored conversation.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useTeamsBotHarness(temporal);

async function repliesTo(conversationId: string) {
  return harness().connector.calls.filter((c) => c.conversationId === conversationId);
}

async function storedConversations(conversationId: string) {
  return harness().db.prisma.teamsConversationReference.count({ where: { conversationId } });
}

describe("Teams authentication (CloudAdapter, local identity provider)", () => {
  it("accepts a valid channel token, and the reply carries the bot's bearer token", { timeout: 60_000 }, async () => {
    const answered = await harness().message("teacher", "pmp help");
    expect(answered.status).toBe(200);
    const reply = await harness().connector.waitFor((c) => c.conversationId === personalConversationOf("teacher"));
    expect(reply.authorization).toMatch(/^Bearer ey/);
    expect(harness().idp.issuedTokens).toContain(reply.authorization!.slice("Bearer ".length));
    expect(JSON.stringify(reply.body)).toContain("pmp report");
    expect(await storedConversations(personalConversationOf("teacher"))).toBe(1);
  });

  const foreignKey = newSigningKey();
  const refusals: Array<[string, () => Parameters<ReturnType<typeof harness>["post"]>[1]]> = [
    ["no Authorization header", () => ({ authorization: null })],
    ["a garbage token", () => ({ authorization: "Bearer not-a-jwt" })],
    ["an unknown key id", () => ({ key: newSigningKey() })],
    [
      "a known key id with a foreign signature",
      () => ({ key: { kid: harness().idp.signingKey.kid, privateKey: foreignKey.privateKey } }),
    ],
    ["a token expired beyond the 5-minute tolerance", () => ({ expiresIn: -10 * 60 })],
    ["a wrong audience", () => ({ audience: "00000000-0000-4000-8000-00000000beef" })],
    ["a wrong issuer", () => ({ issuer: "https://api.botframework.example" })],
    ["a service URL the token was not issued for", () => ({ serviceUrl: "http://127.0.0.1:1/elsewhere/" })],
    ["a token without a service URL", () => ({ withoutServiceUrl: true })],
  ];

  it.each(refusals)("answers 401 to %s and changes nothing", { timeout: 30_000 }, async (_name, token) => {
    const staffKey = "director";
    const conversationId = `a:refused-${Math.random().toString(36).slice(2)}`;
    const refused = await harness().post(
      harness().activity(staffKey, { type: "message", text: "pmp help" }, conversationId),
      token(),
    );
    expect(refused.status).toBe(401);
    // Give a wrongly accepted request the time to answer before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await repliesTo(conversationId)).toEqual([]);
    expect(await storedConversations(conversationId)).toBe(0);
  });

  it("accepts a token 2 minutes past its expiry (the SDK's clock tolerance)", { timeout: 30_000 }, async () => {
    const answered = await harness().post(harness().activity("psychologist", { type: "message", text: "pmp help" }), {
      expiresIn: -120,
    });
    expect(answered.status).toBe(200);
  });
});
