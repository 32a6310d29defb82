import { join, resolve } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

export interface Database {
  url: string;
  /** True for the local embedded PostgreSQL (started by this process, or by a running `npm start` it joined). */
  embedded: boolean;
  stop(): Promise<void>;
}

const LOCAL_DATABASE = "pmp";

/**
 * The database a process uses: the server at DATABASE_URL when set, otherwise an embedded PostgreSQL whose
 * data stays in `<dataDir>/postgres` between runs. No manual setup on a fresh machine. A CLI run beside a running
 * `npm start` uses that process's server and leaves it running; `whenRunning: "refuse"` (a second `npm start`)
 * throws an EmbeddedPostgresError that says what to do instead.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  whenRunning?: "share" | "refuse";
  onLog?: (line: string) => void;
}): Promise<Database> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  const cluster = await startEmbeddedPostgres({
    dataDir: resolve(join(options.dataDir, "postgres")),
    persistent: true,
    whenRunning: options.whenRunning ?? "share",
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  try {
    await ensureDatabase(cluster.adminUrl, LOCAL_DATABASE);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: cluster.urlFor(LOCAL_DATABASE), embedded: true, stop: cluster.stop };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}
