import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.js";
import { DEFAULT_POOL_SETTINGS, logPoolError, poolConfig, type DatabasePoolSettings } from "./runtime/database-pool.js";
import type { Logger } from "./runtime/logger.js";

export type { PrismaClient } from "./generated/client.js";
export { Prisma } from "./generated/client.js";

/** The transaction client handed to `prisma.$transaction(async (tx) => …)`. */
export type PrismaTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * One PrismaClient per process over the `pg` driver adapter (Prisma 7 has no bundled engine). The URL is an
 * argument rather than read from the environment because in local mode it is known only once the embedded
 * PostgreSQL has started. The adapter's pool gets the process's timeouts (statement, lock, connection acquire)
 * and reports a connection the server dropped to the logger; the next query opens a new one.
 */
export function createPrismaClient(
  databaseUrl: string,
  options: { maxConnections?: number; pool?: DatabasePoolSettings | undefined; logger?: Logger | undefined } = {},
): PrismaClient {
  const onError = logPoolError(options.logger, "prisma");
  const adapter = new PrismaPg(
    poolConfig(databaseUrl, options.maxConnections ?? 10, options.pool ?? DEFAULT_POOL_SETTINGS),
    { onPoolError: onError, onConnectionError: onError },
  );
  return new PrismaClient({ adapter });
}
