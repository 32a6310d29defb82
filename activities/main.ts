import { poolSettingsFromEnv } from "../prisma/runtime/database-pool.js";
import { createPrismaClient } from "../prisma/client.js";
import { EnvError } from "../prisma/runtime/env-fields.js";
import { createLogger, errorMessage } from "../prisma/runtime/logger.js";
import { loadWorkerEnv } from "./env.js";
import { startWorker } from "./worker.js";
import { keyFromBase64 } from "../prisma/personal-data-key.js";
import { createSlackAccountLookup } from "./directory/slack-account-lookup.js";
import { createSlackTransport } from "./delivery/slack-transport.js";
import { teamsTransportsFromEnv } from "./delivery/teams-transport.js";

// Production worker process (docker-compose `worker`): needs DATABASE_URL and TEMPORAL_ADDRESS.
async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const logger = createLogger("worker", env.LOG_LEVEL);
  if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS) {
    throw new EnvError(
      "Invalid environment for the worker:\n  DATABASE_URL and TEMPORAL_ADDRESS are required (use `npm start` for local mode)",
    );
  }
  const prisma = createPrismaClient(env.DATABASE_URL, {
    pool: poolSettingsFromEnv(env),
    logger: logger.child("database"),
  });
  const worker = await startWorker({
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    prisma,
    logger,
    logLevel: env.LOG_LEVEL,
    transports: [
      ...(env.SLACK_BOT_TOKEN
        ? [createSlackTransport({ prisma, token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL })]
        : []),
      ...teamsTransportsFromEnv(prisma, env),
    ],
    directoryJobs: {
      key: env.PERSONAL_DATA_KEY ? keyFromBase64(env.PERSONAL_DATA_KEY) : undefined,
      chatAccountLookups: async () =>
        env.SLACK_BOT_TOKEN
          ? [await createSlackAccountLookup({ token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL })]
          : [],
    },
  });
  logger.info("worker polling", { address: env.TEMPORAL_ADDRESS, taskQueue: env.TEMPORAL_TASK_QUEUE });
  const stop = () =>
    void worker.shutdown().catch((error) => logger.error("shutdown failed", { error: errorMessage(error) }));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await worker.done;
  } finally {
    await prisma.$disconnect();
    logger.info("worker stopped");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
