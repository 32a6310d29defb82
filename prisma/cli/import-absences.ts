import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { AbsenceImportError } from "../absences/import-error.js";
import { createAbsenceImporter, summaryLine } from "../absences/importer.js";
import type { AbsenceImportScope } from "../absences/import-scope.js";
import { TEXT_ENCODINGS, encodingNamed } from "../absences/text-encoding.js";
import { createPrismaClient } from "../client.js";
import { openDatabase } from "../database.js";
import { loadDbToolsEnv } from "../env.js";
import { migrateDatabase } from "../migrate.js";
import { runCli } from "./run-cli.js";

const USAGE =
  "usage: npm run import:absences -- <file.csv> [--school CODE | --municipality CODE] [--encoding utf-8|windows-1257]";

// npm run import:absences -- <file> [--school CODE] [--encoding E]: imports an e-journal absence export
// (docs/absence-import.md). Without --encoding the file is read as UTF-8 or Windows-1257, whichever it is.
// Prints `line N: <reason> [CODE]` for every rejected row, the threshold marks crossed, then the summary line.
// Exit code: 0 all rows imported or duplicates, 1 some rows rejected, 2 nothing could be imported (usage, file,
// header, encoding, unknown school).
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { school: { type: "string" }, municipality: { type: "string" }, encoding: { type: "string" } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0 || (values.school && values.municipality)) {
    console.error(USAGE);
    return 2;
  }
  const encoding = values.encoding === undefined ? "auto" : encodingNamed(values.encoding);
  if (encoding === null) {
    console.error(`error: unknown encoding ${JSON.stringify(values.encoding)}: use ${TEXT_ENCODINGS.join(" or ")}`);
    return 2;
  }
  try {
    await access(file);
  } catch {
    console.error(`error: cannot read ${file}`);
    return 2;
  }
  const scope: AbsenceImportScope = values.school
    ? { schoolCode: values.school }
    : { ...(values.municipality ? { municipalityCode: values.municipality } : {}) };

  const env = loadDbToolsEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR });
  try {
    if (db.embedded) await migrateDatabase(db.url);
    const prisma = createPrismaClient(db.url, { maxConnections: 2 });
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const importer = createAbsenceImporter({ prisma, pool });
      const result = await importer.importCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), {
        scope,
        label: basename(file),
        encoding,
      });
      for (const rejection of result.rejections)
        console.log(`line ${rejection.position}: ${rejection.reason} [${rejection.code}]`);
      for (const c of result.crossings) {
        const unit = c.measure.endsWith("_DAYS") ? "unexcused days" : "unexcused lessons";
        console.log(
          `mark crossed: ${c.ruleId} (${c.legalPoint}) learner ${c.learnerCode} ${c.schoolYear} semester ${c.semester}: ` +
            `${c.before} → ${c.after} ${unit} (more than ${c.moreThan})`,
        );
      }
      if (result.corrected)
        console.log(
          `corrected ${result.corrected} stored record(s) whose justification, reason or subject changed (counted as imported)`,
        );
      if (result.withdrawn)
        console.log(`withdrew ${result.withdrawn} record(s) marked withdrawn (kept for audit, never counted)`);
      console.log(summaryLine(result));
      return result.rejected > 0 ? 1 : 0;
    } catch (error) {
      if (!(error instanceof AbsenceImportError)) throw error;
      console.error(`error: ${error.message}`);
      return 2;
    } finally {
      await pool.end();
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
});
