/**
 * Absence import throughput: 1,000,000 e-journal rows for the demo learners (school years 2024/25–2025/26),
 * measured against PostgreSQL's own COPY of the same file into a plain table with the same columns, on one
 * fresh embedded PostgreSQL in the same run. The ratio raw-COPY-time / import-time is the figure to compare
 * across machines (goal ≥ 0.5: the full import, with validation, deduplication, counters and threshold
 * detection, costs at most twice a bare COPY).
 *
 * Run: npm run bench -- absence-import
 */
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createAbsenceImporter } from "../../prisma/absences/importer.js";
import { ID_SEQUENCE, idSql, uuidV7Prefix } from "../../prisma/absences/record-ids.js";
import { calendarGrade, semesterRanges } from "../../prisma/absences/semester-ranges.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { createPrismaClient } from "../../prisma/client.js";
import { ensureDatabase } from "../../prisma/database.js";
import { makeScratchDir, startEmbeddedPostgres } from "../../prisma/embedded-postgres.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { keyFromBase64 } from "../../prisma/personal-data-key.js";
import { createCalendarRepository } from "../../prisma/repositories/calendar-repository.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { demoLearners } from "../../prisma/seed/demo-learners.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { seedDatabase } from "../../prisma/seed/index.js";
import { addCalendarDays, type IsoDate } from "../../workflows/domain/calendar/index.js";
import { writeBenchSection } from "./report.js";

const ROWS = 1_000_000;
const YEARS = new Set(["2024/25", "2025/26"]);
const SUBJECTS = ["Matemātika", "Latviešu valoda", "Angļu valoda", "Fizika", "Vēsture", "Sports un veselība"];

const dir = await makeScratchDir("pmp-bench-absences-");
const cluster = await startEmbeddedPostgres({ dataDir: join(dir, "data"), persistent: false });
try {
  await ensureDatabase(cluster.adminUrl, "bench");
  const url = cluster.urlFor("bench");
  await migrateDatabase(url);
  const prisma = createPrismaClient(url, { maxConnections: 2 });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await seedDatabase({ prisma, vault: createPersonalDataVault({ prisma, key: keyFromBase64(randomBytes(32).toString("base64")) }) });
    const file = join(dir, "absences.csv");
    const generated = await generateCsv(file, await createCalendarRepository(prisma).loadMunicipalityCalendar({ municipalityId: demoIds.municipality() }));
    const bytes = (await stat(file)).size;
    console.log(`generated ${generated} rows, ${(bytes / 1e6).toFixed(1)} MB`);

    const rawRuns: number[] = [];
    for (let i = 0; i < 3; i += 1) rawRuns.push(await rawCopy(pool, file));
    const raw = rawRuns.sort((a, b) => a - b)[1] ?? Number.NaN;
    const floor = await constrainedInsert(pool, file);

    let phaseText = "";
    const logger = createLogger("bench", "debug", (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.msg === "absence import phases" && phaseText === "") {
        phaseText = Object.entries(entry)
          .filter(([key]) => key.endsWith("Ms"))
          .map(([key, value]) => `${key.slice(0, -2)} ${String(value)} ms`)
          .join(", ");
      }
    });
    const importer = createAbsenceImporter({ prisma, pool, logger });
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const result = await importer.importCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), { scope: {}, label: "bench.csv" });
    const importMs = performance.now() - t0;
    clearInterval(sampler);
    const t1 = performance.now();
    const again = await importer.importCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), { scope: {}, label: "bench-again.csv" });
    const reimportMs = performance.now() - t1;
    if (result.imported + result.duplicates + result.rejected !== generated || again.duplicates + again.rejected !== generated) {
      throw new Error(`row accounting broken: ${JSON.stringify({ generated, result: summary(result), again: summary(again) })}`);
    }

    const ratio = raw / importMs;
    const rowsPerSecond = (ms: number) => Math.round((generated / ms) * 1000).toLocaleString("en-US");
    const lines = [
      `raw COPY (median of 3)       ${raw.toFixed(0)} ms  ${rowsPerSecond(raw)} rows/s`,
      `full import                  ${importMs.toFixed(0)} ms  ${rowsPerSecond(importMs)} rows/s  ${summaryText(result)}, ${result.crossings.length} crossings`,
      `re-import (all duplicates)   ${reimportMs.toFixed(0)} ms  ${rowsPerSecond(reimportMs)} rows/s`,
      `floor: INSERT into AbsenceRecord of pre-resolved rows  ${floor.toFixed(0)} ms (raw/floor ${(raw / floor).toFixed(2)})`,
      `ratio raw/import             ${ratio.toFixed(2)} (goal >= 0.5)`,
      `RSS before / peak during import  ${(rssBefore / 1e6).toFixed(0)} / ${(peakRss / 1e6).toFixed(0)} MB`,
    ];
    console.log(lines.join("\n"));
    await writeBenchSection(
      "absence-import",
      `## Absence import (\`test/bench/absence-import.bench.ts\`)

${generated.toLocaleString("en-US")} rows (${(bytes / 1e6).toFixed(1)} MB CSV) for the 200 demo learners over 2024/25–2025/26, on a fresh
embedded PostgreSQL (durable settings). Baseline: PostgreSQL's own \`COPY … (FORMAT csv)\` of the same file into an
unindexed table with the same columns. The import streams the file through the CSV reader and field checks,
COPYs into a temporary staging table, resolves learners and semesters with set-based SQL, inserts into
\`AbsenceRecord\` (unique index, foreign key) with \`ON CONFLICT DO NOTHING\`, recomputes the counters and
detects threshold crossings, all in one transaction.

| Measure | Time | Rows/s |
|---|---:|---:|
| Raw COPY (median of 3) | ${raw.toFixed(0)} ms | ${rowsPerSecond(raw)} |
| Full import (${summaryText(result)}; ${result.crossings.length} crossings) | ${importMs.toFixed(0)} ms | ${rowsPerSecond(importMs)} |
| Re-import of the same file (all duplicates) | ${reimportMs.toFixed(0)} ms | ${rowsPerSecond(reimportMs)} |
| Floor: one \`INSERT … SELECT … ON CONFLICT DO NOTHING\` of the raw table's rows, learners joined, into a copy of \`AbsenceRecord\` (same indexes and foreign keys), no validation, no counters | ${floor.toFixed(0)} ms | ${rowsPerSecond(floor)} |

**Ratio raw-COPY-time / import-time: ${ratio.toFixed(2)}** (goal ≥ 0.5, not met). Raw-COPY / floor: ${(raw / floor).toFixed(2)}.
The goal cannot be met with the current schema: storing the rows in \`AbsenceRecord\` at all (the floor row,
without any of the import's own work) costs ${(floor / raw).toFixed(0)}× the raw COPY, because every row maintains three B-tree indexes (text
primary key, the (learner, date, lesson) unique key, the date index) and fires two foreign-key checks (learner,
import batch); in this project's experiments the foreign-key checks alone were about half of it. The import's own
overhead on top of the floor (streaming parse and checks, staging, resolution, counters) is
${(importMs - floor).toFixed(0)} ms. Import phases of this run: ${phaseText}.
RSS of the importing process: ${(rssBefore / 1e6).toFixed(0)} MB before, ${(peakRss / 1e6).toFixed(0)} MB peak (the file is streamed, not buffered).`,
    );
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}

function summary(r: { imported: number; duplicates: number; rejected: number }) {
  return { imported: r.imported, duplicates: r.duplicates, rejected: r.rejected };
}
function summaryText(r: { imported: number; duplicates: number; rejected: number }): string {
  return `imported ${r.imported.toLocaleString("en-US")}, duplicates ${r.duplicates}, rejected ${r.rejected}`;
}

/** PostgreSQL alone: COPY of the CSV into a plain table with the import's columns. */
async function rawCopy(pool: pg.Pool, file: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("DROP TABLE IF EXISTS raw_absences");
    await client.query("CREATE TABLE raw_absences (learner_code text, date date, lesson integer, subject text, reason text, justified text)");
    const t0 = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), client.query(copyFrom("COPY raw_absences FROM STDIN WITH (FORMAT csv, HEADER true)")));
    const ms = performance.now() - t0;
    await client.query("DROP TABLE raw_absences");
    return ms;
  } finally {
    client.release();
  }
}

/**
 * What storing the rows costs with no import logic at all: the raw COPY's rows, learner ids joined, inserted into
 * a table built like AbsenceRecord (same indexes, same foreign keys) in one statement.
 */
async function constrainedInsert(pool: pg.Pool, file: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("CREATE TABLE raw_absences (learner_code text, date date, lesson integer, subject text, reason text, justified text)");
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), client.query(copyFrom("COPY raw_absences FROM STDIN WITH (FORMAT csv, HEADER true)")));
    await client.query(`CREATE TABLE floor_records (LIKE "AbsenceRecord" INCLUDING ALL)`);
    await client.query(`ALTER TABLE floor_records ADD FOREIGN KEY ("learnerId") REFERENCES "Learner"(id),
                                                ADD FOREIGN KEY ("batchId") REFERENCES "AbsenceImportBatch"(id)`);
    await client.query(`INSERT INTO "AbsenceImportBatch" (id, source, label) VALUES ('floor', 'CSV_IMPORT', 'floor')`);
    await client.query(`CREATE TEMP SEQUENCE ${ID_SEQUENCE}`);
    const t0 = performance.now();
    // Time-ordered ids as the importer uses: the floor is the cheapest way to store the rows in this schema.
    await client.query(
      `
      INSERT INTO floor_records (id, "learnerId", date, lesson, subject, reason, justification, source, "batchId")
      SELECT ${idSql("$1::text")}, l.id, r.date, r.lesson, r.subject, r.reason,
             (CASE r.justified WHEN 'yes' THEN 'JUSTIFIED' WHEN 'no' THEN 'UNJUSTIFIED' ELSE 'UNKNOWN' END)::"Justification",
             'CSV_IMPORT', 'floor'
      FROM raw_absences r JOIN "Learner" l ON l."learnerCode" = r.learner_code
      ORDER BY l.id, r.date, r.lesson
      ON CONFLICT ("learnerId", date, lesson) DO NOTHING`,
      [uuidV7Prefix(new Date())],
    );
    const ms = performance.now() - t0;
    await client.query(`DROP SEQUENCE ${ID_SEQUENCE}`);
    await client.query("DROP TABLE floor_records");
    await client.query("DROP TABLE raw_absences");
    await client.query(`DELETE FROM "AbsenceImportBatch" WHERE id = 'floor'`);
    await client.query("CHECKPOINT");
    return ms;
  } finally {
    client.release();
  }
}

/**
 * Deterministic rows: every calendar day of each learner's semesters (weekends included, so two years of 200
 * learners hold a million distinct lessons), lessons 1–12 (pre-school: lesson 0, one row per day), about 88%
 * of the slots taken; 60% justified, 30% unjustified, 10% unknown; written day by day like a journal export.
 */
async function generateCsv(file: string, calendar: Parameters<typeof semesterRanges>[0]): Promise<number> {
  const learners = demoLearners();
  const ranges = semesterRanges(calendar).filter((r) => YEARS.has(r.schoolYear));
  const out = createWriteStream(file);
  let buffer = "learner_code,date,lesson,subject,reason,justified\n";
  let rows = 0;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const days = new Map<IsoDate, Array<{ code: string; preschool: boolean }>>();
  for (const learner of learners) {
    for (const range of ranges.filter((r) => r.grade === calendarGrade(learner.grade))) {
      for (let d = range.start; d <= range.end; d = addCalendarDays(d, 1)) {
        const list = days.get(d) ?? [];
        list.push({ code: learner.learnerCode, preschool: learner.grade === 0 });
        days.set(d, list);
      }
    }
  }
  for (const date of [...days.keys()].sort()) {
    for (const { code, preschool } of days.get(date) ?? []) {
      for (const lesson of preschool ? [0] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
        if (rows >= ROWS) break;
        if (random() > 0.88) continue;
        const roll = random();
        const justified = roll < 0.6 ? "yes" : roll < 0.9 ? "no" : "unknown";
        const subject = preschool ? "" : (SUBJECTS[lesson % SUBJECTS.length] ?? "");
        buffer += `${code},${date},${lesson},${subject},${justified === "yes" ? "slimība" : ""},${justified}\n`;
        rows += 1;
        if (buffer.length > 1 << 20) {
          if (!out.write(buffer)) await once(out, "drain");
          buffer = "";
        }
      }
    }
  }
  out.end(buffer);
  await once(out, "finish");
  if (rows < ROWS) throw new Error(`only ${rows} slots for ${ROWS} rows`);
  return rows;
}
