import { rm } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { makeScratchDir, startEmbeddedPostgres } from "../../prisma/embedded-postgres.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { createPrismaClient } from "../../prisma/client.js";
import { keyFromBase64 } from "../../prisma/personal-data-key.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { seedDatabase } from "../../prisma/seed/index.js";
import { ensureDatabase } from "../../prisma/database.js";
import { TEST_SERVER_BUNDLE_VARIABLE, buildTestServerBundle } from "./prebuilt-test-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Maintenance-database URL of the test PostgreSQL server. */
    pgAdminUrl: string;
    /** A migrated and seeded database to clone per test file (CREATE DATABASE … TEMPLATE). */
    pgSeededTemplate: string;
    /** The personal-data key the template was seeded with. */
    personalDataKey: string;
  }
}

export const SEEDED_TEMPLATE = "pmp_seeded_template";

/**
 * One PostgreSQL for the whole run: the server at DATABASE_URL when set, otherwise an embedded one in a
 * throw-away directory. A migrated and seeded template is built once; each test file clones it in
 * milliseconds instead of migrating and seeding again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stop = async () => {};
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dir = await makeScratchDir("pmp-test-pg-");
    const cluster = await startEmbeddedPostgres({ dataDir: join(dir, "data"), persistent: false, durable: false });
    adminUrl = cluster.adminUrl;
    stop = async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const personalDataKey = randomBytes(32).toString("base64");
  try {
    // The forks inherit this environment: every test file's server then starts from the one bundle.
    const serverBundle = await buildTestServerBundle();
    process.env[TEST_SERVER_BUNDLE_VARIABLE] = serverBundle;
    const stopDatabase = stop;
    stop = async () => {
      await rm(serverBundle, { force: true });
      await stopDatabase();
    };
    await buildSeededTemplate(adminUrl, personalDataKey);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgSeededTemplate", SEEDED_TEMPLATE);
  project.provide("personalDataKey", personalDataKey);
  return stop;
}

async function buildSeededTemplate(adminUrl: string, key: string): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = `/${SEEDED_TEMPLATE}`;
  // A template left over from an earlier run against DATABASE_URL may be stale: rebuild it.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${SEEDED_TEMPLATE} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await ensureDatabase(adminUrl, SEEDED_TEMPLATE);
  await migrateDatabase(url.toString());
  const prisma = createPrismaClient(url.toString());
  try {
    await seedDatabase({ prisma, vault: createPersonalDataVault({ prisma, key: keyFromBase64(key) }) });
  } finally {
    await prisma.$disconnect();
  }
}
