import { randomBytes } from "node:crypto";
import pg from "pg";
import { catalogSnapshot } from "./catalog-snapshot.js";
import { migrateDatabase } from "./migrate.js";
import { MIGRATIONS_DIR } from "./migrations-dir.js";
import { diffSchemas } from "./schema-diff.js";

export interface DriftReport {
  inSync: boolean;
  /** Lines present only in the database built from the migrations. */
  onlyInMigrations: string[];
  /** Lines present only in the database built from schema.prisma. */
  onlyInSchema: string[];
}

/**
 * Builds one scratch database from the migrations and another straight from schema.prisma, then compares
 * their catalogs. Any difference means somebody changed one without the other.
 */
export async function checkDrift(options: {
  adminUrl: string;
  urlFor: (db: string) => string;
  schema: string;
  migrationsDir?: string;
}): Promise<DriftReport> {
  const suffix = randomBytes(4).toString("hex");
  const fromMigrations = `drift_migrations_${suffix}`;
  const fromSchema = `drift_schema_${suffix}`;
  await runAdmin(options.adminUrl, [`CREATE DATABASE ${fromMigrations}`, `CREATE DATABASE ${fromSchema}`]);
  try {
    await migrateDatabase(options.urlFor(fromMigrations), options.migrationsDir ?? MIGRATIONS_DIR);
    const sql = await diffSchemas(options.adminUrl, { from: null, to: options.schema });
    await runAdmin(options.urlFor(fromSchema), [sql]);
    const a = new Set(await catalogSnapshot(options.urlFor(fromMigrations)));
    const b = new Set(await catalogSnapshot(options.urlFor(fromSchema)));
    const onlyInMigrations = [...a].filter((line) => !b.has(line));
    const onlyInSchema = [...b].filter((line) => !a.has(line));
    return { inSync: onlyInMigrations.length === 0 && onlyInSchema.length === 0, onlyInMigrations, onlyInSchema };
  } finally {
    await runAdmin(options.adminUrl, [
      `DROP DATABASE IF EXISTS ${fromMigrations}`,
      `DROP DATABASE IF EXISTS ${fromSchema}`,
    ]);
  }
}

async function runAdmin(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
