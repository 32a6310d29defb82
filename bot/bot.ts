import { Client, Connection } from "@temporalio/client";
import type { PrismaClient } from "../prisma/client.js";
import type { PersonalDataVault } from "../prisma/repositories/personal-data-vault.js";
import { errorMessage, type Logger } from "../prisma/runtime/logger.js";
import type { BotEnv } from "./env.js";
import { DEFAULT_CASE_CONFIG } from "../workflows/case-messages.js";
import type { CoreDeps } from "./core/deps.js";
import { createHttpServer } from "./http-server.js";
import { mountSlack } from "./slack/app.js";
import { mountTeams, TEAMS_ENDPOINT } from "./teams/app.js";
import { teamsSettingsOf } from "./teams/authentication.js";
import { createDatabasePool, poolSettingsFromEnv } from "../prisma/runtime/database-pool.js";
import { createHealthCheck } from "./health.js";
import { createRateLimiter } from "./edge/rate-limiter.js";
import { createAbsenceDispatcher } from "./ingest/absence-dispatch.js";
import { ensureCalendarWatchdog, ensureWorkflowReconciliation, startAbsenceSweep } from "./ingest/absence-sweep.js";
import { createAbsenceImporter } from "../prisma/absences/importer.js";
import { createApiTokenRepository } from "../prisma/absences/api-tokens.js";
import { createAbsencesRouter } from "./ingest/absences-router.js";

export interface RunningBot {
  url: string;
  stop(): Promise<void>;
}

/** The chat-facing process: one HTTP listener with Slack mounted on it, talking to Temporal and the database. */
export async function startBot(options: {
  env: BotEnv;
  temporalAddress: string;
  databaseUrl: string;
  prisma: PrismaClient;
  vault: PersonalDataVault;
  logger: Logger;
}): Promise<RunningBot> {
  const { env, logger } = options;
  const connection = await Connection.connect({ address: options.temporalAddress });
  const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const settings = poolSettingsFromEnv(env);
  // The COPY-based absence importer needs raw connections; the pool has the same timeouts as Prisma's and an
  // error handler, so a dropped connection is logged and replaced instead of ending the process.
  const pool = createDatabasePool({
    connectionString: options.databaseUrl,
    max: 4,
    settings,
    logger: logger.child("database"),
    name: "absence-import",
  });
  const http = createHttpServer({
    health: createHealthCheck({
      logger: logger.child("health"),
      timeoutMs: settings.connectTimeoutMs,
      probes: {
        database: () => options.prisma.$queryRaw`SELECT 1`,
        importPool: () => pool.query("SELECT 1"),
      },
    }),
  });

  const core: CoreDeps = {
    prisma: options.prisma,
    vault: options.vault,
    temporal,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    caseConfig: DEFAULT_CASE_CONFIG,
    now: () => new Date(),
  };
  if (env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET) {
    mountSlack(http.app, {
      token: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      apiUrl: env.SLACK_API_URL,
      logger: logger.child("slack"),
      core,
      rateLimits: {
        workspace: createRateLimiter({ limit: env.SLACK_RATE_LIMIT_PER_WORKSPACE, windowMs: 60_000 }),
        user: createRateLimiter({ limit: env.SLACK_RATE_LIMIT_PER_USER, windowMs: 60_000 }),
      },
    });
  }
  const teams = teamsSettingsOf(env);
  if (teams) mountTeams(http.app, { settings: teams, logger: logger.child("teams"), core });
  // E-journal absence records arrive over HTTP (per-school API token); each import is then dispatched to the
  // escalation workflows at once; the sweep catches anything a crash or the CLI left behind.
  const dispatcher = createAbsenceDispatcher({ prisma: options.prisma, temporal, taskQueue: env.TEMPORAL_TASK_QUEUE });
  http.app.use(
    createAbsencesRouter({
      tokens: createApiTokenRepository(options.prisma),
      importer: createAbsenceImporter({ prisma: options.prisma, pool, logger: logger.child("absences") }),
      logger,
      rateLimit: createRateLimiter({ limit: env.ABSENCES_RATE_LIMIT_PER_TOKEN, windowMs: 60_000 }),
      onImported: async (result) => void (await dispatcher.dispatchBatch(result.batchId)),
    }),
  );
  let url: string;
  try {
    url = await http.listen(env.PORT, env.HOST);
  } catch (error) {
    await connection.close();
    await pool.end();
    throw error;
  }
  const sweep = startAbsenceSweep({ dispatcher, logger: logger.child("absence-sweep") });
  // The scheduled check that next school year's calendar is loaded by 1 May (MK 89 deadlines count school days).
  // Started once (a fixed id); if Temporal refuses now, the bot still serves and the next start tries again.
  await ensureCalendarWatchdog(temporal, env.TEMPORAL_TASK_QUEUE).catch((error: unknown) =>
    logger.error("could not start the school-calendar watchdog", { error: errorMessage(error) }),
  );
  await ensureWorkflowReconciliation(temporal, env.TEMPORAL_TASK_QUEUE).catch((error: unknown) =>
    logger.error("could not start the workflow reconciliation job", { error: errorMessage(error) }),
  );
  if (env.SLACK_BOT_TOKEN) {
    logger.info("Slack connected", { requestUrl: `${url}/slack/events` });
  } else {
    logger.info(
      "Slack not connected. To connect a workspace: create an app from manifest.json, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, and point its Request URLs at <public URL>/slack/events (README: Connect a Slack workspace).",
      { slackEndpoint: `${url}/slack/events` },
    );
  }
  if (teams) logger.info("Teams connected", { messagingEndpoint: `${url}${TEAMS_ENDPOINT}` });
  return {
    url,
    async stop() {
      await http.close();
      await sweep.stop();
      await connection.close();
      await pool.end();
    },
  };
}
