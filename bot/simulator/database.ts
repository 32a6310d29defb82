/**
 * The simulator's own throwaway PostgreSQL: an embedded cluster in a scratch directory, migrated and seeded with
 * the reference data and the demo municipality once, then copied per scenario. It never touches DATABASE_URL or
 * the main job's database, and it is deleted when the run ends.
 */
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { createPrismaClient } from "../../prisma/client.js";
import { ensureDatabase } from "../../prisma/database.js";
import { makeScratchDir, startEmbeddedPostgres } from "../../prisma/embedded-postgres.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { keyFromBase64 } from "../../prisma/personal-data-key.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { seedDatabase } from "../../prisma/seed/index.js";
import type { SimulatorDatabase } from "./run-scenario.js";

const TEMPLATE = "simulator_template";

export async function startSimulatorDatabase(): Promise<SimulatorDatabase & { stop(): Promise<void> }> {
  const dir = await makeScratchDir("pmp-simulator-");
  const cluster = await startEmbeddedPostgres({ dataDir: join(dir, "data"), persistent: false, durable: false });
  const stop = async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const key = keyFromBase64(randomBytes(32).toString("base64"));
    await ensureDatabase(cluster.adminUrl, TEMPLATE);
    await migrateDatabase(cluster.urlFor(TEMPLATE));
    const prisma = createPrismaClient(cluster.urlFor(TEMPLATE));
    try {
      await seedDatabase({ prisma, vault: createPersonalDataVault({ prisma, key }) });
    } finally {
      await prisma.$disconnect();
    }
    return { adminUrl: cluster.adminUrl, template: TEMPLATE, urlFor: (n) => cluster.urlFor(n), key, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
