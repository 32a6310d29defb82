/**
 * Absence import throughput: 1,000,000 e-journal rows for the demo learners (school years 2024/25–2026/27), on
 * one fresh embedded PostgreSQL, against two baselines measured in the same run:
 *   - raw COPY: PostgreSQL's own COPY of the CSV into an unindexed table with the file's columns (the issue's
 *     baseline; goal: raw-COPY-time / import-time ≥ 0.5);
 *   - constrained COPY: COPY of the same rows into a table with exactly AbsenceRecord's columns, indexes and
 *     foreign keys, i.e. the least PostgreSQL itself needs to store them under our integrity rules.
 *
 * Run: npm run bench -- absence-import
 */
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { availableParallelism, loadavg } from "node:os";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { createAbsenceImporter } from "../../prisma/absences/importer.js";
import { calendarGrade, semesterRanges } from "../../prisma/absences/semester-ranges.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { createPrismaClient } from "../../prisma/client.js";
import { ensureDatabase } from "../../prisma/database.js";
import { makeScratchDir, startEmbeddedPostgres } from "../../prisma/embedded-postgres.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { keyFromBase64 } from "../../prisma/personal-data-key.js";
import { createCalendarRepository, type MunicipalityCalendar } from "../../prisma/repositories/calendar-repository.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { demoLearners } from "../../prisma/seed/demo-learners.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { seedDatabase } from "../../prisma/seed/index.js";
import { addCalendarDays, isSchoolDay, type Grade, type IsoDate } from "../../workflows/domain/calendar/index.js";
import { writeBenchSection } from "./report.js";

const ROWS = 1_000_000;
// Three years: only school days carry absences (the import rejects the others), and two years of 200 learners
// hold fewer than a million school-day lessons.
const YEARS = new Set(["2024/25", "2025/26", "2026/27"]);
/** "Today" for the import's future-date check: after the last generated day. */
const BENCH_TODAY = "2027-06-30";
/** The columns the constrained-COPY baseline file fills; the others take AbsenceRecord's defaults. */
const RECORD_COLUMNS = `"learnerId", date, lesson, subject, reason, justification, source, "batchId"`;
const SUBJECTS = ["Matemātika", "Latviešu valoda", "Angļu valoda", "Fizika", "Vēsture", "Sports un veselība"];

const loadAtStart = loadavg()[0] ?? 0;
const dir = await makeScratchDir("pmp-bench-absences-");
const cluster = await startEmbeddedPostgres({ dataDir: join(dir, "data"), persistent: false });
try {
  await ensureDatabase(cluster.adminUrl, "bench");
  const url = cluster.urlFor("bench");
  await migrateDatabase(url);
  const prisma = createPrismaClient(url, { maxConnections: 2 });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await seedDatabase({
      prisma,
      vault: createPersonalDataVault({ prisma, key: keyFromBase64(randomBytes(32).toString("base64")) }),
    });
    const file = join(dir, "absences.csv");
    const generated = await generateCsv(
      file,
      await createCalendarRepository(prisma).loadMunicipalityCalendar({ municipalityId: demoIds.municipality() }),
    );
    const bytes = (await stat(file)).size;
    console.log(`generated ${generated} rows, ${(bytes / 1e6).toFixed(1)} MB`);

    const rawRuns: number[] = [];
    for (let i = 0; i < 3; i += 1) rawRuns.push(await rawCopy(pool, file));
    const raw = median(rawRuns);
    const recordsFile = join(dir, "absence-records.csv");
    await writeRecordsFile(pool, file, recordsFile);
    const constrainedRuns: number[] = [];
    for (let i = 0; i < 3; i += 1) constrainedRuns.push(await constrainedCopy(pool, recordsFile));
    const constrained = median(constrainedRuns);

    const phaseTexts: string[] = [];
    const logger = createLogger("bench", "debug", (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.msg === "absence import phases") {
        phaseTexts.push(
          Object.entries(entry)
            .filter(([key]) => key.endsWith("Ms"))
            .map(([key, value]) => `${key.slice(0, -2)} ${String(value)} ms`)
            .join(", "),
        );
      }
    });
    const importer = createAbsenceImporter({ prisma, pool, logger });
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    await pool.query("CHECKPOINT");
    const t0 = performance.now();
    const result = await importer.importCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), {
      scope: {},
      label: "bench.csv",
      today: BENCH_TODAY,
    });
    const importMs = performance.now() - t0;
    clearInterval(sampler);
    await pool.query("CHECKPOINT");
    const t1 = performance.now();
    const again = await importer.importCsv(createReadStream(file, { highWaterMark: 256 * 1024 }), {
      scope: {},
      label: "bench-again.csv",
      today: BENCH_TODAY,
    });
    const reimportMs = performance.now() - t1;
    if (
      result.imported + result.duplicates + result.rejected !== generated ||
      again.duplicates + again.rejected !== generated
    ) {
      throw new Error(
        `row accounting broken: ${JSON.stringify({ generated, result: summary(result), again: summary(again) })}`,
      );
    }

    const rawRatio = raw / importMs;
    const constrainedRatio = constrained / importMs;
    const rowsPerSecond = (ms: number) => Math.round((generated / ms) * 1000).toLocaleString("en-US");
    const runs = (list: number[]) => list.map((ms) => ms.toFixed(0)).join(", ");
    const lines = [
      `raw COPY, unindexed (median of ${runs(rawRuns)})  ${raw.toFixed(0)} ms  ${rowsPerSecond(raw)} rows/s`,
      `constrained COPY (median of ${runs(constrainedRuns)})  ${constrained.toFixed(0)} ms  ${rowsPerSecond(constrained)} rows/s`,
      `full import                  ${importMs.toFixed(0)} ms  ${rowsPerSecond(importMs)} rows/s  ${summaryText(result)}, ${result.crossings.length} crossings`,
      `  phases: ${phaseTexts[0] ?? "?"}`,
      `re-import (all duplicates)   ${reimportMs.toFixed(0)} ms  ${rowsPerSecond(reimportMs)} rows/s`,
      `  phases: ${phaseTexts[1] ?? "?"}`,
      `ratio raw/import ${rawRatio.toFixed(2)} (goal >= 0.5), constrained/import ${constrainedRatio.toFixed(2)}`,
      `RSS before / peak during import  ${(rssBefore / 1e6).toFixed(0)} / ${(peakRss / 1e6).toFixed(0)} MB`,
    ];
    console.log(lines.join("\n"));
    const met = rawRatio >= 0.5 ? "met" : "not met";
    const explanation = [
      `The raw-COPY ratio compares the import with appending the file's bytes to a table that checks nothing; the`,
      `constrained-COPY ratio compares it with the cheapest way PostgreSQL can store the same rows in \`AbsenceRecord\``,
      `(primary-key B-tree on (learner, date, lesson), BRIN on the batch, foreign key to \`Learner\`), so it measures`,
      `the import's own overhead: parsing, validation, staging, deduplication, counters.`,
      `The constrained COPY alone takes ${(constrained / raw).toFixed(1)}× the raw COPY, because every row is inserted into a B-tree and`,
      `fires a foreign-key trigger that looks the learner up; ${rawRatio >= 0.5 ? "even so" : "so"} a raw-COPY ratio of 0.5 ${rawRatio >= 0.5 ? "is reached" : `would need the whole import to finish in ${(2 / (constrained / raw)).toFixed(2)}× the time of that storage alone`}.`,
      `With a unique key and a foreign key on 2 cores, the goal of 0.5 against an unindexed COPY is ${rawRatio >= 0.5 ? "met" : "out of reach without dropping integrity rules"};`,
      `the constrained-COPY ratio is the figure to improve.`,
    ].join(" ");
    await writeBenchSection(
      "absence-import",
      `## Absence import (\`test/bench/absence-import.bench.ts\`)

${generated.toLocaleString("en-US")} rows (${(bytes / 1e6).toFixed(1)} MB CSV) for the 200 demo learners on the school days of 2024/25–2026/27, on a
fresh embedded PostgreSQL (durable settings: fsync and synchronous commit on). The import streams the file through the
strict decoder, the CSV reader and field checks, COPYs into a temporary staging table, resolves learners (through
their enrolments), semesters and days without lessons with set-based SQL,
matches each key once against what is stored (new rows are inserted in key order, changed ones corrected,
identical ones are duplicates), recomputes the counters and detects threshold crossings, all in one transaction. Two baselines, measured in the same run (median of 3 each):

- **Raw COPY**: PostgreSQL's own \`COPY … (FORMAT csv)\` of the file into an unindexed table with the file's columns.
- **Constrained COPY**: \`COPY\` of the same rows, already in \`AbsenceRecord\`'s layout (learner id instead of
  learner code, justification as the enum; converted before timing), into a table with exactly
  \`AbsenceRecord\`'s columns, indexes and foreign keys: the least PostgreSQL needs to store these rows under our
  integrity rules, with no validation, no deduplication and no counters.

| Measure | Time | Rows/s |
|---|---:|---:|
| Raw COPY, unindexed (runs: ${runs(rawRuns)} ms) | ${raw.toFixed(0)} ms | ${rowsPerSecond(raw)} |
| Constrained COPY (runs: ${runs(constrainedRuns)} ms) | ${constrained.toFixed(0)} ms | ${rowsPerSecond(constrained)} |
| Full import (${summaryText(result)}; ${result.crossings.length} crossings) | ${importMs.toFixed(0)} ms | ${rowsPerSecond(importMs)} |
| Re-import of the same file (all duplicates) | ${reimportMs.toFixed(0)} ms | ${rowsPerSecond(reimportMs)} |

**Ratio raw-COPY-time / import-time: ${rawRatio.toFixed(2)}** (goal ≥ 0.5, ${met}).
**Ratio constrained-COPY-time / import-time: ${constrainedRatio.toFixed(2)}.**

${explanation}

Before the schema and importer changes of 2026-11-24 (text UUIDv7 id, date index, batch foreign key,
\`INSERT … ON CONFLICT DO NOTHING\`) the same benchmark measured 24,289 ms for the import (insert phase 17,888 ms,
counters 2,651 ms) and 11,554 ms for the re-import. Applying corrections from later exports (a stored row whose
justification changed is updated) added the key classification: about 13.0 s → 15.3 s for the first import, while
the re-import went from 7.2 s to 9.1 s (it now compares every stored row's values). On 2026-12-02 the import began
to reject absences on days without lessons, to look codes up through enrolments and to count withdrawals; the
generated file then moved to school days only (weekends had been a third of its rows), over three school years
instead of two to keep a million rows, so the figures before and after that date are not of the same file.

Import phases: ${phaseTexts[0] ?? "?"}.
Re-import phases: ${phaseTexts[1] ?? "?"}.
RSS of the importing process: ${(rssBefore / 1e6).toFixed(0)} MB before, ${(peakRss / 1e6).toFixed(0)} MB peak (the file is streamed, not buffered).
Machine: ${process.platform}, Node ${process.version}, ${availableParallelism()} cores, load average (1 min) ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine inflates every figure, the baselines too). Measured ${new Date().toISOString().slice(0, 10)}.`,
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

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** PostgreSQL alone: COPY of the CSV into a plain table with the file's columns. */
async function rawCopy(pool: pg.Pool, file: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("DROP TABLE IF EXISTS raw_absences");
    await client.query(
      "CREATE TABLE raw_absences (learner_code text, date date, lesson integer, subject text, reason text, justified text)",
    );
    await client.query("CHECKPOINT");
    const t0 = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 256 * 1024 }),
      client.query(copyFrom("COPY raw_absences FROM STDIN WITH (FORMAT csv, HEADER true)")),
    );
    const ms = performance.now() - t0;
    await client.query("DROP TABLE raw_absences");
    return ms;
  } finally {
    client.release();
  }
}

/**
 * The same rows in AbsenceRecord's column layout, written once before the constrained COPY is timed: the
 * learner code replaced by the learner's id, yes/no/unknown by the Justification enum, source and batch filled in.
 */
async function writeRecordsFile(pool: pg.Pool, csvFile: string, recordsFile: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(
      "CREATE TEMP TABLE raw_absences (learner_code text, date date, lesson integer, subject text, reason text, justified text)",
    );
    await pipeline(
      createReadStream(csvFile, { highWaterMark: 256 * 1024 }),
      client.query(copyFrom("COPY raw_absences FROM STDIN WITH (FORMAT csv, HEADER true)")),
    );
    await client.query(
      `INSERT INTO "AbsenceImportBatch" (id, source, label) VALUES ('constrained-copy', 'CSV_IMPORT', 'constrained COPY baseline')`,
    );
    const copy = client.query(
      copyTo(`COPY (
        SELECT l.id, r.date, r.lesson, r.subject, r.reason,
               CASE r.justified WHEN 'yes' THEN 'JUSTIFIED' WHEN 'no' THEN 'UNJUSTIFIED' ELSE 'UNKNOWN' END,
               'CSV_IMPORT', 'constrained-copy'
        FROM raw_absences r JOIN "Learner" l ON l."learnerCode" = r.learner_code) TO STDOUT WITH (FORMAT csv)`),
    );
    await pipeline(copy, createWriteStream(recordsFile));
    await client.query("DROP TABLE raw_absences");
  } finally {
    client.release();
  }
}

/**
 * COPY into a table with exactly AbsenceRecord's columns, defaults, indexes (LIKE … INCLUDING ALL) and foreign
 * keys (copied from the catalog, so the baseline follows the schema).
 */
async function constrainedCopy(pool: pg.Pool, recordsFile: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("DROP TABLE IF EXISTS constrained_records");
    await client.query(`CREATE TABLE constrained_records (LIKE "AbsenceRecord" INCLUDING ALL)`);
    const foreignKeys = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"AbsenceRecord"'::regclass AND contype = 'f'`,
    );
    for (const { def } of foreignKeys.rows) await client.query(`ALTER TABLE constrained_records ADD ${def}`);
    await client.query("CHECKPOINT");
    const t0 = performance.now();
    await pipeline(
      createReadStream(recordsFile, { highWaterMark: 256 * 1024 }),
      client.query(copyFrom(`COPY constrained_records (${RECORD_COLUMNS}) FROM STDIN WITH (FORMAT csv)`)),
    );
    const ms = performance.now() - t0;
    await client.query("DROP TABLE constrained_records");
    return ms;
  } finally {
    client.release();
  }
}

/**
 * Deterministic rows: every school day of each learner's semesters (no weekends or holidays: the import rejects
 * them), lessons 1–12 (pre-school: lesson 0, one row per day), about 88% of the slots taken; 60% justified, 30%
 * unjustified, 10% unknown; written day by day like a journal export.
 */
async function generateCsv(file: string, calendar: MunicipalityCalendar): Promise<number> {
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
      const ctx = {
        calendars: calendar.calendars,
        grade: calendarGrade(learner.grade) as Grade,
        overrides: calendar.overrides,
      };
      for (let d = range.start; d <= range.end; d = addCalendarDays(d, 1)) {
        if (!isSchoolDay(d, ctx)) continue;
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
