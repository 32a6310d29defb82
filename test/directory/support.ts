import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { createOperatorAlerts } from "../../activities/delivery/operator-alerts.js";
import { createOutbox } from "../../activities/delivery/outbox.js";
import type { PrismaClient } from "../../prisma/client.js";
import {
  DIRECTORY_FILE_KINDS,
  DIRECTORY_FILE_NAMES,
  type DirectoryFileKind,
} from "../../prisma/directory/file-kinds.js";
import { createDirectoryImporter, type DirectoryFileInput } from "../../prisma/directory/importer.js";
import type { PersonalDataKey } from "../../prisma/personal-data-key.js";
import { createDirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { EXAMPLE_DIR } from "./generate-example-directory.js";

export { EXAMPLE_DIR, EXAMPLE_MUNICIPALITY } from "./generate-example-directory.js";

/** The committed example directory, file by file, as the CLI reads it. */
export async function exampleFiles(): Promise<Record<DirectoryFileKind, DirectoryFileInput>> {
  const entries = await Promise.all(
    DIRECTORY_FILE_KINDS.map(async (kind) => {
      const name = DIRECTORY_FILE_NAMES[kind];
      return [kind, { kind, name, content: await readFile(join(EXAMPLE_DIR, name), "utf8") }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<DirectoryFileKind, DirectoryFileInput>;
}

/** Physical line (1-based) of the n-th line containing `token`. */
export function lineOf(content: string, token: string, occurrence = 1): number {
  let seen = 0;
  const lines = content.split("\n");
  for (const [index, line] of lines.entries()) if (line.includes(token) && ++seen === occurrence) return index + 1;
  throw new Error(`no line ${occurrence} with ${token}`);
}

/** Every learner's full name and personal code in the example learners file: must never leave the vault. */
export function learnerSecrets(learnersCsv: string): string[] {
  const [header, ...rows] = learnersCsv.trim().split("\n");
  const cols = header!.split(",");
  const at = (row: string[], name: string) => row[cols.indexOf(name)]!;
  return rows.flatMap((line) => {
    const row = line.split(",");
    return [`${at(row, "first_name")} ${at(row, "last_name")}`, at(row, "personal_code")];
  });
}

export function directoryImporterFor(prisma: PrismaClient, key: PersonalDataKey, logLines: string[] = []) {
  const logger = createLogger("test", "debug", (line) => logLines.push(line));
  const alerts = createOperatorAlerts({
    prisma,
    outbox: createOutbox({ prisma }),
    directory: createDirectoryRepository(prisma),
    logger,
  });
  return createDirectoryImporter({ prisma, vault: createPersonalDataVault({ prisma, key }), alerts });
}

/** A fingerprint of every row of the tables given (all but the run log and the audit trail by default). */
export async function fingerprint(
  url: string,
  except: string[] = ["_prisma_migrations", "AuditLog", "DirectoryImport"],
): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.filter((t) => !except.includes(t.name))) {
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`,
      );
      result[name] = `${rows[0]!.n}:${rows[0]!.md5}`;
    }
    return result;
  } finally {
    await client.end();
  }
}
