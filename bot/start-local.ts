import { poolSettingsFromEnv } from "../prisma/runtime/database-pool.js";
import { createPrismaClient } from "../prisma/client.js";
import { EmbeddedPostgresError } from "../prisma/embedded-postgres.js";
import { openDatabase } from "../prisma/database.js";
import { migrateDatabase } from "../prisma/migrate.js";
import { resolvePersonalDataKey } from "../prisma/personal-data-key.js";
import { createPersonalDataVault } from "../prisma/repositories/personal-data-vault.js";
import { EnvError } from "../prisma/runtime/env-fields.js";
import { createLogger, errorMessage, type Logger } from "../prisma/runtime/logger.js";
import { seedDatabase, seedReferenceData } from "../prisma/seed/index.js";
import { startWorker } from "../activities/worker.js";
import { createSlackTransport } from "../activities/delivery/slack-transport.js";
import { teamsTransportsFromEnv } from "../activities/delivery/teams-transport.js";
import { startBot } from "./bot.js";
import { loadLocalEnv } from "./local-env.js";
import { openTemporalEngine } from "./local-temporal/index.js";

// `npm start`: the whole product in one process on embedded defaults. PostgreSQL (embedded unless
// DATABASE_URL), migrations, demo data on a fresh local database, a Temporal engine, the worker and the bot.
// Ctrl-C / SIGTERM stops them in reverse order, so no database or engine process is left behind. The npm script
// `exec`s node itself, so npm's SIGTERM reaches this process (a shell in between would die and orphan it), and the
// embedded PostgreSQL runs in a process group of its own, so a terminal's Ctrl-C reaches it only through us, last.

type Stop = { name: string; stop: () => Promise<unknown> };

async function main(): Promise<void> {
  const env = loadLocalEnv();
  const logger = createLogger("pmp-bot", env.LOG_LEVEL);
  const stops: Stop[] = [];
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { reason });
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((error) => logger.error(`failed to stop ${name}`, { error: errorMessage(error) }));
    }
    logger.info("stopped");
    process.exit(code);
  };
  // `on`, not `once`: a second Ctrl-C while stopping must not kill the process half-way (the default action).
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));

  try {
    await start(env, logger, stops);
  } catch (error) {
    logger.error("start-up failed", { error: errorMessage(error) });
    // A set-up problem (another pmp-bot on this folder, a folder the database cannot enter) in one plain line too.
    if (error instanceof EmbeddedPostgresError) console.error(`pmp-bot: ${error.message}`);
    await shutdown("start-up failed", 1);
  }
}

async function start(env: ReturnType<typeof loadLocalEnv>, logger: Logger, stops: Stop[]): Promise<void> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR, whenRunning: "refuse" });
  stops.push({ name: "database", stop: db.stop });
  logger.info(db.embedded ? "database: embedded PostgreSQL" : "database: DATABASE_URL", {
    url: db.url.replace(/:[^:@/]*@/, ":***@"),
    dataDir: db.embedded ? env.PMP_DATA_DIR : undefined,
  });
  const { applied } = await migrateDatabase(db.url);
  if (applied.length) logger.info("database migrated", { applied: applied.join(", ") });

  const prisma = createPrismaClient(db.url, { pool: poolSettingsFromEnv(env), logger: logger.child("database") });
  stops.push({ name: "database client", stop: () => prisma.$disconnect() });
  const key = await resolvePersonalDataKey({ configured: env.PERSONAL_DATA_KEY, dataDir: env.PMP_DATA_DIR });
  const vault = createPersonalDataVault({ prisma, key });
  if (db.embedded && (await prisma.municipality.count()) === 0) {
    await seedDatabase({ prisma, vault });
    logger.info("seeded reference data and the demo municipality (200 pseudonymous learners)");
  } else if ((await prisma.risk.count()) === 0) {
    // A database of one's own (DATABASE_URL): the reference data, never the demo (docs/onboarding.md).
    await seedReferenceData(prisma);
    logger.info("seeded reference data");
  }

  const engine = await openTemporalEngine({ address: env.TEMPORAL_ADDRESS, logger });
  stops.push({ name: "temporal engine", stop: engine.stop });
  if (engine.kind === "external") logger.info("Temporal: TEMPORAL_ADDRESS", { address: engine.address });

  const worker = await startWorker({
    address: engine.address,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    prisma,
    logger: logger.child("worker"),
    logLevel: env.LOG_LEVEL,
    transports: [
      ...(env.SLACK_BOT_TOKEN
        ? [createSlackTransport({ prisma, token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL })]
        : []),
      ...teamsTransportsFromEnv(prisma, env),
    ],
  });
  stops.push({ name: "worker", stop: worker.shutdown });
  logger.info("worker polling", {
    address: engine.address,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
  });

  const bot = await startBot({
    env,
    temporalAddress: engine.address,
    databaseUrl: db.url,
    prisma,
    vault,
    logger: logger.child("bot"),
  });
  stops.push({ name: "bot", stop: bot.stop });
  logger.info("bot listening", { url: bot.url, health: `${bot.url}/healthz` });
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
