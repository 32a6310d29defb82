import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, MigrationError } from "../../prisma/migrate.js";
import { MIGRATIONS_DIR, readMigrations } from "../../prisma/migrations-dir.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

describe("migration runner", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(async () => db.drop());

  it("applies every migration once and records it as Prisma does", async () => {
    const migrations = await readMigrations();
    expect((await migrateDatabase(db.url)).applied).toEqual(migrations.map((m) => m.name));
    expect((await migrateDatabase(db.url)).applied).toEqual([]);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    const first = migrations[0]!;
    const sql = await readFile(join(MIGRATIONS_DIR, first.name, "migration.sql"));
    expect(rows[0]).toMatchObject({
      migration_name: first.name,
      checksum: createHash("sha256").update(sql).digest("hex"),
      applied_steps_count: 1,
      rolled_back_at: null,
    });
    expect(rows[0].finished_at).toBeInstanceOf(Date);
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pmp-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const [first] = await readMigrations(dir);
      await writeFile(join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
      await expect(migrateDatabase(db.url, dir)).rejects.toThrow(MigrationError);
      await expect(migrateDatabase(db.url, dir)).rejects.toThrow(/edited after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rolls a failing migration back whole and reports it", async () => {
    const other = await createTestDatabase({ empty: true });
    const dir = await mkdtemp(join(tmpdir(), "pmp-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await cp(join(dir, (await readMigrations(dir))[0]!.name), join(dir, "29991231000000_broken"), {
        recursive: true,
      });
      await writeFile(
        join(dir, "29991231000000_broken", "migration.sql"),
        `CREATE TABLE "Half" (id int);\nSELECT * FROM no_such_table;`,
      );
      await expect(migrateDatabase(other.url, dir)).rejects.toThrow(/29991231000000_broken failed/);
      const client = new pg.Client({ connectionString: other.url });
      await client.connect();
      const { rowCount } = await client.query(`SELECT 1 FROM pg_tables WHERE tablename = 'Half'`);
      const recorded = await client.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
      );
      await client.end();
      expect(rowCount).toBe(0);
      expect(recorded.rowCount).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await other.drop();
    }
  });
});
