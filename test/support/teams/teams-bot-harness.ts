import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import type { Worker } from "@temporalio/worker";
import { createActivities } from "../../../activities/index.js";
import { createDelivery, type Delivery } from "../../../activities/delivery/index.js";
import { createTeamsTransport } from "../../../activities/delivery/teams-transport.js";
import { WORKFLOWS_PATH } from "../../../activities/worker.js";
import type { CoreDeps } from "../../../bot/core/deps.js";
import { createHttpServer, type HttpServer } from "../../../bot/http-server.js";
import { teamsSettingsOf } from "../../../bot/teams/authentication.js";
import { mountTeams, TEAMS_ENDPOINT } from "../../../bot/teams/app.js";
import { createTeamsSender } from "../../../bot/teams/proactive.js";
import { createLogger } from "../../../prisma/runtime/logger.js";
import { createPersonalDataVault } from "../../../prisma/repositories/personal-data-vault.js";
import { DEMO_STAFF } from "../../../prisma/seed/demo-municipality.js";
import { DEFAULT_CASE_CONFIG } from "../../../workflows/case-messages.js";
import { createTestDatabase, type TestDatabase } from "../database.js";
import type { TemporalTestEnv } from "../temporal-env.js";
import { startFakeBotConnector, type FakeBotConnector } from "./fake-bot-connector.js";
import {
  startIdentityProvider,
  TEST_APP_ID,
  TEST_TENANT_ID,
  type IdentityProvider,
  type TokenOptions,
} from "./identity-provider.js";

export { WORKFLOWS_PATH };

/** A demo staff member's Azure AD object id (a stable GUID per key) and Teams user id. */
export function demoAadObjectId(staffKey: string): string {
  const hex = createHash("sha256").update(`aad:${staffKey}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
export const demoTeamsUserId = (staffKey: string) => `29:${staffKey}`;
export const personalConversationOf = (staffKey: string) => `a:personal-${staffKey}`;
/** The Teams channel standing in for a demo Slack channel. */
export const teamsChannelOf = (slackChannelId: string) => `19:${slackChannelId.toLowerCase()}@thread.tacv2`;

export interface PostResult {
  status: number;
  body: string;
  json: unknown;
}

/**
 * The real bot (botbuilder's CloudAdapter over real HTTP on loopback, authentication on) and the real worker on a
 * test database and the project's Temporal test server. Microsoft's side is local: an identity provider (channel
 * keys, token endpoint) and a Bot Connector. Helpers speak to the bot as Teams does, with signed channel tokens.
 */
export interface TeamsBotHarness {
  db: TestDatabase;
  idp: IdentityProvider;
  connector: FakeBotConnector;
  endpoint: string;
  taskQueue: string;
  core: CoreDeps;
  delivery: Delivery;
  /** Posts an activity with a channel token (options change the token; `authorization: null` sends none). */
  post(
    activity: Record<string, unknown>,
    token?: Partial<TokenOptions> & { authorization?: string | null },
  ): Promise<PostResult>;
  /** The activity Teams sends for `staffKey` in their personal chat with the bot (or in `conversationId`). */
  activity(staffKey: string, fields: Record<string, unknown>, conversationId?: string): Record<string, unknown>;
  /** The app installed for a person: their personal chat's first activity. */
  install(staffKey: string): Promise<PostResult>;
  /** The app added to a team channel (the bot's first activity there). */
  installInChannel(conversationId: string): Promise<PostResult>;
  message(staffKey: string, text: string, conversationId?: string): Promise<PostResult>;
  /** A Universal Action (`adaptiveCard/action`): answers the invoke response's body. */
  invoke(staffKey: string, data: Record<string, unknown>, conversationId?: string): Promise<PostResult>;
  /**
   * Moves the demo municipality onto Teams as a municipality would: the app installed for every demo staff member
   * (linked by e-mail), in a Teams channel for every demo Slack channel, and Teams as the municipalities' default
   * platform (everyone keeps their Slack identity too).
   */
  connectDemo(): Promise<void>;
  withWorker<T>(fn: (worker: Worker) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function startTeamsBotHarness(temporal: TemporalTestEnv): Promise<TeamsBotHarness> {
  const db = await createTestDatabase();
  const idp = await startIdentityProvider();
  const connector = await startFakeBotConnector();
  const logger = createLogger("test", "error");
  const taskQueue = temporal.taskQueue("teams-e2e");
  const core: CoreDeps = {
    prisma: db.prisma,
    vault: createPersonalDataVault({ prisma: db.prisma, key: db.key }),
    temporal: temporal.client,
    taskQueue,
    caseConfig: DEFAULT_CASE_CONFIG,
    now: () => new Date(),
  };
  const settings = teamsSettingsOf(idp.settings)!;
  const auth = { tokenEndpointAgent: { ca: idp.certificate } };
  let http: HttpServer | undefined;
  try {
    http = createHttpServer({ isReady: async () => true });
    mountTeams(http.app, { settings, logger, core, auth });
    const endpoint = `${await http.listen(0, "127.0.0.1")}${TEAMS_ENDPOINT}`;
    const delivery = createDelivery({
      prisma: db.prisma,
      transports: [createTeamsTransport({ prisma: db.prisma, sender: createTeamsSender(settings, auth) })],
      logger,
      pollMs: 100,
    });
    delivery.drainer.start();
    const activities = createActivities({ prisma: db.prisma, logger, outbox: delivery.outbox });
    for (const person of DEMO_STAFF) {
      connector.members.set(demoTeamsUserId(person.key), {
        id: demoTeamsUserId(person.key),
        aadObjectId: demoAadObjectId(person.key),
        name: person.name,
        email: `${person.key}@demo-novads.example`,
        userPrincipalName: `${person.key}@demo-novads.example`,
        tenantId: TEST_TENANT_ID,
      });
    }

    const post: TeamsBotHarness["post"] = async (activity, token = {}) => {
      const authorization =
        token.authorization === undefined
          ? `Bearer ${idp.channelToken({ serviceUrl: connector.serviceUrl, ...token })}`
          : token.authorization;
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(activity),
      });
      const body = await response.text();
      let json: unknown = null;
      try {
        json = body ? JSON.parse(body) : null;
      } catch {
        json = null;
      }
      return { status: response.status, body, json };
    };

    const activity: TeamsBotHarness["activity"] = (staffKey, fields, conversationId) => {
      const personal = conversationId === undefined;
      return {
        id: `act-${randomUUID()}`,
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        timestamp: new Date().toISOString(),
        from: { id: demoTeamsUserId(staffKey), aadObjectId: demoAadObjectId(staffKey), name: staffKey },
        recipient: { id: `28:${TEST_APP_ID}`, name: "pmp-bot" },
        conversation: {
          id: conversationId ?? personalConversationOf(staffKey),
          conversationType: personal ? "personal" : "channel",
          tenantId: TEST_TENANT_ID,
        },
        channelData: { tenant: { id: TEST_TENANT_ID } },
        locale: "lv-LV",
        ...fields,
      };
    };

    return {
      db,
      idp,
      connector,
      endpoint,
      taskQueue,
      core,
      delivery,
      post,
      activity,
      install: (staffKey) => post(activity(staffKey, { type: "installationUpdate", action: "add" })),
      installInChannel: (conversationId) =>
        post(activity("administrator", { type: "installationUpdate", action: "add" }, conversationId)),
      message: (staffKey, text, conversationId) => post(activity(staffKey, { type: "message", text }, conversationId)),
      invoke: (staffKey, data, conversationId) =>
        post(
          activity(
            staffKey,
            {
              type: "invoke",
              name: "adaptiveCard/action",
              value: { action: { type: "Action.Execute", verb: data.pmp, data }, trigger: "manual" },
            },
            conversationId,
          ),
        ),
      async connectDemo() {
        for (const person of DEMO_STAFF) {
          const installed = await post(activity(person.key, { type: "installationUpdate", action: "add" }));
          if (installed.status !== 200) throw new Error(`install for ${person.key} answered ${installed.status}`);
        }
        const slackChannels = await db.prisma.chatChannel.findMany({ where: { platform: "SLACK" } });
        for (const channel of slackChannels) {
          const conversationId = teamsChannelOf(channel.externalId);
          await db.prisma.chatChannel.create({
            data: {
              platform: "TEAMS",
              purpose: channel.purpose,
              workspaceId: TEST_TENANT_ID,
              externalId: conversationId,
              schoolId: channel.schoolId,
              municipalityId: channel.municipalityId,
            },
          });
          const installed = await post(
            activity("administrator", { type: "installationUpdate", action: "add" }, conversationId),
          );
          if (installed.status !== 200) throw new Error(`install in ${conversationId} answered ${installed.status}`);
        }
        await db.prisma.municipality.updateMany({ data: { defaultPlatform: "TEAMS" } });
      },
      withWorker: (fn) => temporal.withWorker({ taskQueue, activities }, fn),
      async close() {
        await delivery.drainer.stop();
        await http?.close();
        await connector.close();
        await idp.close();
        await db.drop();
      },
    };
  } catch (error) {
    await http?.close();
    await connector.close();
    await idp.close();
    await db.drop();
    throw error;
  }
}

/** One harness per test file; at the end every outbound Teams payload is checked for learner data. */
export function useTeamsBotHarness(temporal: () => TemporalTestEnv): () => TeamsBotHarness {
  let harness: TeamsBotHarness | undefined;
  beforeAll(async () => {
    harness = await startTeamsBotHarness(temporal());
  }, 120_000);
  afterAll(async () => {
    expect(harness?.connector.leaks).toEqual([]);
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error("Teams bot harness is not ready (beforeAll failed?)");
    return harness;
  };
}
