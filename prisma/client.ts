import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.js";

export type { PrismaClient } from "./generated/client.js";
export { Prisma } from "./generated/client.js";

/** The transaction client handed to `prisma.$transaction(async (tx) => …)`. */
export type PrismaTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * One PrismaClient per process over the `pg` driver adapter (Prisma 7 has no bundled engine). The URL is an
 * argument rather than read from the environment because in local mode it is known only once the embedded
 * PostgreSQL has started.
 */
export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
