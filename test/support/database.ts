import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../prisma/client.js";
import { keyFromBase64, type PersonalDataKey } from "../../prisma/personal-data-key.js";

export interface TestDatabase {
  url: string;
  name: string;
  prisma: PrismaClient;
  key: PersonalDataKey;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** URL of another database on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of this test file's own: a copy of the migrated and seeded template, or (`empty: true`) a blank
 * one for tests that migrate and seed themselves.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  await adminQuery(
    options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${inject("pgSeededTemplate")}`,
  );
  const url = testDatabaseUrl(name);
  const prisma = createPrismaClient(url, { maxConnections: 5 });
  return {
    url,
    name,
    prisma,
    key: keyFromBase64(inject("personalDataKey")),
    async drop() {
      await prisma.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
