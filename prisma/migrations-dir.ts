import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

export interface MigrationFile {
  /** Directory name, `<timestamp>_<name>`, as Prisma records it in `_prisma_migrations.migration_name`. */
  name: string;
  sql: string;
  /** Prisma's checksum: SHA-256 of migration.sql, hex. */
  checksum: string;
}

/** Reads migrations in Prisma's layout, oldest first. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}
