import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { createOperatorAlerts } from "../../activities/delivery/operator-alerts.js";
import { createOutbox } from "../../activities/delivery/outbox.js";
import { createPrismaClient } from "../client.js";
import { openDatabase } from "../database.js";
import {
  DIRECTORY_FILE_NAMES,
  isDirectoryFileKind,
  kindFromFileName,
  type DirectoryFileKind,
} from "../directory/file-kinds.js";
import { createDirectoryImporter, reportLines, type DirectoryFileInput } from "../directory/importer.js";
import { loadDbToolsEnv } from "../env.js";
import { Role } from "../generated/enums.js";
import { migrateDatabase } from "../migrate.js";
import { resolvePersonalDataKey } from "../personal-data-key.js";
import { createDirectoryRepository } from "../repositories/directory-repository.js";
import { createPersonalDataVault } from "../repositories/personal-data-vault.js";
import { createLogger } from "../runtime/logger.js";
import { runCli } from "./run-cli.js";

const USAGE =
  "usage: npm run import:directory -- <folder | file.csv …> --municipality CODE [--kind KIND] [--dry-run] [--partial] [--force] [--fallback-role ROLE]";

// npm run import:directory — a municipality's directory exports (docs/onboarding.md). A folder is read by the
// documented file names; single files by --kind or their name. Prints every rejected line, the hand-overs and one
// summary per file. Exit code: 0 everything applied (or already was), 1 some rows or files rejected, 2 usage.
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      municipality: { type: "string" },
      kind: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      partial: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      "fallback-role": { type: "string" },
    },
  });
  const fallbackRole = values["fallback-role"]?.toUpperCase();
  if (
    positionals.length === 0 ||
    !values.municipality ||
    (values.kind && (!isDirectoryFileKind(values.kind) || positionals.length > 1)) ||
    (fallbackRole && !(Object.values(Role) as string[]).includes(fallbackRole))
  ) {
    console.error(USAGE);
    return 2;
  }
  const files: DirectoryFileInput[] = [];
  for (const path of positionals) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      console.error(`error: cannot read ${path}`);
      return 2;
    }
    if (info.isDirectory()) {
      const present = new Set(await readdir(path));
      for (const [kind, name] of Object.entries(DIRECTORY_FILE_NAMES) as Array<[DirectoryFileKind, string]>)
        if (present.has(name)) files.push({ kind, name, content: await readFile(join(path, name), "utf8") });
      continue;
    }
    const kind = (values.kind as DirectoryFileKind | undefined) ?? kindFromFileName(path);
    if (!kind) {
      console.error(
        `error: ${basename(path)}: say which file it is with --kind (${Object.keys(DIRECTORY_FILE_NAMES).join(", ")})`,
      );
      return 2;
    }
    files.push({ kind, name: basename(path), content: await readFile(path, "utf8") });
  }
  if (files.length === 0) {
    console.error(`error: no directory files found (expected ${Object.values(DIRECTORY_FILE_NAMES).join(", ")})`);
    return 2;
  }

  const env = loadDbToolsEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR });
  try {
    if (db.embedded) await migrateDatabase(db.url);
    const prisma = createPrismaClient(db.url, { maxConnections: 2 });
    try {
      const key = await resolvePersonalDataKey({ configured: env.PERSONAL_DATA_KEY, dataDir: env.PMP_DATA_DIR });
      const alerts = createOperatorAlerts({
        prisma,
        outbox: createOutbox({ prisma }),
        directory: createDirectoryRepository(prisma),
        logger: createLogger("pmp-bot.import-directory", env.LOG_LEVEL),
      });
      const importer = createDirectoryImporter({ prisma, vault: createPersonalDataVault({ prisma, key }), alerts });
      const result = await importer.importFiles(files, {
        municipalityCode: values.municipality,
        dryRun: values["dry-run"],
        partial: values.partial,
        force: values.force,
        ...(fallbackRole ? { fallbackRole: fallbackRole as Role } : {}),
      });
      for (const file of result.files) for (const line of reportLines(file, result.dryRun)) console.log(line);
      if (result.dryRun) console.log("dry run: nothing was changed");
      const rejected = result.files.some(
        (f) => f.status === "FAILED" || f.status === "REJECTED" || f.errors.length > 0,
      );
      return rejected ? 1 : 0;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
});
