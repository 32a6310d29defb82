import { poolSettingsFromEnv } from "../prisma/runtime/database-pool.js";
import { createPrismaClient } from "../prisma/client.js";
import { keyFromBase64 } from "../prisma/personal-data-key.js";
import { createPersonalDataVault } from "../prisma/repositories/personal-data-vault.js";
import { EnvError } from "../prisma/runtime/env-fields.js";
import { createLogger, errorMessage } from "../prisma/runtime/logger.js";
import { startBot } from "./bot.js";
import { loadBotEnv } from "./env.js";

// Production bot process (docker-compose `bot`): needs DATABASE_URL, TEMPORAL_ADDRESS and PERSONAL_DATA_KEY.
async function main(): Promise<void> {
  const env = loadBotEnv();
  const logger = createLogger("bot", env.LOG_LEVEL);
  if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS || !env.PERSONAL_DATA_KEY) {
    throw new EnvError(
      "Invalid environment for the bot:\n  DATABASE_URL, TEMPORAL_ADDRESS and PERSONAL_DATA_KEY are required (use `npm start` for local mode)",
    );
  }
  const prisma = createPrismaClient(env.DATABASE_URL, {
    pool: poolSettingsFromEnv(env),
    logger: logger.child("database"),
  });
  const vault = createPersonalDataVault({ prisma, key: keyFromBase64(env.PERSONAL_DATA_KEY) });
  const bot = await startBot({
    env,
    temporalAddress: env.TEMPORAL_ADDRESS,
    databaseUrl: env.DATABASE_URL,
    prisma,
    vault,
    logger,
  });
  logger.info("bot listening", { url: bot.url });
  const stop = () =>
    void bot
      .stop()
      .then(() => prisma.$disconnect())
      .then(
        () => process.exit(0),
        (error) => {
          logger.error("shutdown failed", { error: errorMessage(error) });
          process.exit(1);
        },
      );
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
