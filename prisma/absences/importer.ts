/**
 * The absence import pipeline shared by the CSV command and the HTTP endpoint.
 *
 *   rows ──field checks (JS)──▶ COPY ──▶ temp staging table
 *        ──set-based SQL──▶ resolve learner, grade rules, semester  (absence_resolved: one row per input row)
 *        ──INSERT … SELECT DISTINCT ON … WHERE NOT EXISTS──▶ AbsenceRecord
 *        ──recompute──▶ AbsenceCounter, threshold crossings
 *
 * Every input row ends up counted exactly once: imported, duplicate (already stored, or repeated earlier in
 * the same input: the first occurrence wins) or rejected with a reason. The database part is one transaction;
 * imports that could touch the same learners are serialised by advisory locks per school (import-locks.ts), so
 * two of them cannot both miss each other's rows when they recompute the same counters, while imports of
 * different schools run side by side. The streaming COPY and the resolution run before the locks.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { PrismaClient } from "../client.js";
import type { RecordSource } from "../generated/enums.js";
import type { Logger } from "../runtime/logger.js";
import { rigaDateOf, type IsoDate } from "../../workflows/domain/calendar/index.js";
import type { AbsenceRuleSet } from "../../workflows/domain/absence-rules.js";
import { ABSENCE_COLUMNS, columnPositions, stagingErrorLine, stagingLine, type AbsenceFields } from "./absence-row.js";
import { RESOLVED_TABLE, recomputeCounters, type LearnerThresholdCrossing } from "./counters.js";
import { readCsvRows } from "./csv-rows.js";
import { DAYS_OFF_TABLE, EVERY_SCHOOL, daysWithoutLessons, loadDaysWithoutLessons } from "./days-without-lessons.js";
import { loadImportCalendars } from "./import-calendars.js";
import { AbsenceImportError } from "./import-error.js";
import { lockImportSchools } from "./import-locks.js";
import { SCOPE_TABLE, loadScopeTable, resolveScope, type AbsenceImportScope } from "./import-scope.js";
import type { RejectionCode } from "./rejection-codes.js";
import { createRuleSetRepository } from "../repositories/rule-set-repository.js";
import { SEMESTERS_TABLE, loadSemesterRanges, semesterRanges } from "./semester-ranges.js";
import { CREATE_STAGING_TABLE, STAGING_TABLE, copyIntoStaging } from "./staging.js";
import type { EncodingChoice } from "./text-encoding.js";

export interface AbsenceImportOptions {
  scope: AbsenceImportScope;
  /** Shown in AbsenceImportBatch.label: the file name, or the API token's label. */
  label: string;
  /** "Today" in Riga for the future-date check; defaults to the clock. */
  today?: IsoDate;
}

export interface AbsenceRejection {
  /** CSV: the line the record starts on. API: the record's index in `records`. */
  position: number;
  /** Stable, for programmes (docs/absence-import.md lists the codes). */
  code: RejectionCode;
  /** For people: names the offending value, never the free-text subject or reason. */
  reason: string;
}

export interface AbsenceImportResult {
  batchId: string;
  /** New records plus corrected ones. */
  imported: number;
  /** Stored records whose justification, reason or subject this import changed (included in `imported`). */
  corrected: number;
  /** Records this import withdrew (`justified` = withdrawn), new or corrected (included in `imported`). */
  withdrawn: number;
  duplicates: number;
  rejected: number;
  /** Ordered by position. */
  rejections: AbsenceRejection[];
  /** Marks crossed by this import, once per crossing, for the caller to signal escalation workflows. */
  crossings: LearnerThresholdCrossing[];
  ruleSetVersion: number;
}

/** A record that passed the edge's shape check, or the reason it did not (still counted as rejected). */
export type AbsenceRecordInput = AbsenceFields | { error: string; code?: RejectionCode };

// The first check that fails decides a row's reason and code (rejection-codes.ts); a day without lessons is
// looked up for the learner's calendar scope and grade, municipality-wide and for the learner's school. A
// withdrawal is never refused for its day: it may remove a record stored before that day was known to be free.
const RESOLVE = `
CREATE TEMP TABLE ${RESOLVED_TABLE} ON COMMIT DROP AS
SELECT st.position, st.date, st.lesson, st.subject, st.reason, st.justification,
       sc.learner_id, sc.code AS learner_code, sc.school_id, sc.owner_school_id, sc.programme, sc.calendar_grade,
       sc.calendar_scope, sem.school_year, sem.semester,
       CASE
         WHEN st.error IS NOT NULL THEN st.error
         WHEN sc.code IS NULL THEN format('unknown learner code %s in %s', to_json(st.learner_code), $2::text)
         WHEN sc.matches > 1 THEN format('learner code %s is used in %s schools of %s; import each school''s file with --school',
                                         to_json(st.learner_code), sc.matches, $2::text)
         WHEN st.date > $1::date THEN format('date %s is in the future', to_char(st.date, 'YYYY-MM-DD'))
         WHEN sc.programme = 'PRESCHOOL' AND st.lesson <> 0
           THEN format('lesson %s: pre-school absences are whole days, written as lesson 0', st.lesson)
         WHEN sc.programme <> 'PRESCHOOL' AND st.lesson = 0
           THEN 'lesson 0 (a whole pre-school day) is only for pre-school learners; school lessons are 1-12'
         WHEN sem.semester IS NULL
           THEN format('date %s is outside the semesters of grade %s (break between semesters, summer, or no school calendar)',
                       to_char(st.date, 'YYYY-MM-DD'), sc.grade)
         WHEN st.justification <> 'WITHDRAWN' THEN coalesce(off.reason, closed.reason)
       END AS error,
       CASE
         WHEN st.error IS NOT NULL THEN st.error_code
         WHEN sc.code IS NULL THEN 'UNKNOWN_LEARNER'
         WHEN sc.matches > 1 THEN 'AMBIGUOUS_LEARNER'
         WHEN st.date > $1::date THEN 'FUTURE_DATE'
         WHEN sc.programme = 'PRESCHOOL' AND st.lesson <> 0 THEN 'PRESCHOOL_LESSON'
         WHEN sc.programme <> 'PRESCHOOL' AND st.lesson = 0 THEN 'LESSON_ZERO'
         WHEN sem.semester IS NULL THEN 'OUTSIDE_SEMESTER'
         WHEN st.justification <> 'WITHDRAWN' THEN coalesce(off.code, closed.code)
       END AS error_code
FROM ${STAGING_TABLE} st
LEFT JOIN ${SCOPE_TABLE} sc ON sc.code = st.learner_code
LEFT JOIN ${SEMESTERS_TABLE} sem
  ON st.error IS NULL AND sem.scope = sc.calendar_scope AND sem.grade = sc.calendar_grade
 AND st.date BETWEEN sem.start_date AND sem.end_date
LEFT JOIN ${DAYS_OFF_TABLE} off
  ON sem.semester IS NOT NULL AND off.scope = sc.calendar_scope AND off.grade = sc.calendar_grade
 AND off.date = st.date AND off.school_id = '${EVERY_SCHOOL}'
LEFT JOIN ${DAYS_OFF_TABLE} closed
  ON sem.semester IS NOT NULL AND off.code IS NULL AND closed.scope = sc.calendar_scope
 AND closed.grade = sc.calendar_grade AND closed.date = st.date AND closed.school_id = sc.school_id`;

// One pass over the valid rows decides each key's fate: the first occurrence of a (learner, date, lesson) in the
// input (DISTINCT ON in key order) is matched once against what is stored. New keys are inserted, stored keys
// whose justification, reason or subject differ are corrected, identical ones are duplicates. One join serves
// both writes, so a re-import of a large file pays for the comparison once.
const KEYED_TABLE = "absence_keyed";
const CLASSIFY_KEYS = `
CREATE TEMP TABLE ${KEYED_TABLE} ON COMMIT DROP AS
SELECT k.learner_id, k.date, k.lesson, k.subject, k.reason, k.justification, k.school_id,
       a."learnerId" IS NOT NULL AS stored,
       a."learnerId" IS NOT NULL AND (a.justification, a.reason, a.subject) IS DISTINCT FROM (k.justification, k.reason, k.subject) AS changed
FROM (SELECT DISTINCT ON (learner_id, date, lesson) learner_id, date, lesson, subject, reason, justification, school_id
      FROM ${RESOLVED_TABLE} WHERE error IS NULL ORDER BY learner_id, date, lesson, position) k
LEFT JOIN "AbsenceRecord" a ON a."learnerId" = k.learner_id AND a.date = k.date AND a.lesson = k.lesson`;

// Rows go to the primary key in key order. A plain INSERT, because ON CONFLICT's speculative insertion costs
// about a fifth of the insert. Imports of the same schools are serialised by the advisory locks, so only a writer outside the importer
// could add a conflicting row after the classification; then the insert is retried with ON CONFLICT DO NOTHING
// (see insertRecords).
const insertSql = (onConflict: string) => `
INSERT INTO "AbsenceRecord" ("learnerId", date, lesson, subject, reason, justification, source, "schoolId", "batchId")
SELECT learner_id, date, lesson, subject, reason, justification, $1::"RecordSource", school_id, $2::text
FROM ${KEYED_TABLE}
WHERE NOT stored
ORDER BY learner_id, date, lesson
${onConflict}`;
const INSERT_RECORDS = insertSql("");
const INSERT_RECORDS_ON_CONFLICT = insertSql(`ON CONFLICT ("learnerId", date, lesson) DO NOTHING`);

// The e-journal is where a reason gets corrected (a parent's note arrives days later): a stored record whose
// justification, reason or subject differ in this export takes the new values and joins this batch, so the
// counters and the escalation workflow see the change.
const CORRECT_RECORDS = `
UPDATE "AbsenceRecord" a
SET justification = k.justification, reason = k.reason, subject = k.subject, source = $1::"RecordSource", "batchId" = $2::text,
    "schoolId" = coalesce(a."schoolId", k.school_id)
FROM ${KEYED_TABLE} k
WHERE k.changed AND a."learnerId" = k.learner_id AND a.date = k.date AND a.lesson = k.lesson`;
const UNIQUE_VIOLATION = "23505";

// After the writes: the keys this import stored or changed as withdrawn.
const COUNT_WITHDRAWN = `SELECT count(*) AS n FROM ${KEYED_TABLE} WHERE justification = 'WITHDRAWN' AND (NOT stored OR changed)`;

export interface AbsenceImporter {
  /**
   * Imports an e-journal CSV export streamed from `input` (file, HTTP body…), in the given encoding or, by default,
   * UTF-8 or Windows-1257 as detected (text-encoding.ts); a byte the encoding cannot read stops the whole file.
   */
  importCsv(
    input: AsyncIterable<Uint8Array | string>,
    options: AbsenceImportOptions & { encoding?: EncodingChoice },
  ): Promise<AbsenceImportResult>;
  /** Imports records that arrived as JSON; positions in the result are indexes into `records`. */
  importRecords(
    records: readonly AbsenceRecordInput[],
    options: AbsenceImportOptions & { source?: RecordSource },
  ): Promise<AbsenceImportResult>;
}

export function createAbsenceImporter(deps: { prisma: PrismaClient; pool: pg.Pool; logger?: Logger }): AbsenceImporter {
  async function run(
    lines: AsyncIterable<string[]>,
    options: AbsenceImportOptions,
    source: RecordSource,
  ): Promise<AbsenceImportResult> {
    const startedAt = new Date();
    const today = options.today ?? rigaDateOf(startedAt);
    const scope = await resolveScope(deps.prisma, options.scope);
    const calendars = await loadImportCalendars(deps.prisma, scope.municipalityId);
    const rules: AbsenceRuleSet = await createRuleSetRepository(deps.prisma).absenceRulesInForce(
      scope.municipalityId,
      today,
    );
    const batchId = randomUUID();

    const client = await deps.pool.connect();
    let healthy = true;
    // Phase durations go to the debug log: where an import spends its time is the first question when it is slow.
    const phases: Record<string, number> = {};
    let mark = performance.now();
    const phase = (name: string) => {
      const now = performance.now();
      phases[`${name}Ms`] = Math.round(now - mark);
      mark = now;
    };
    try {
      await client.query("BEGIN");
      // The sorts and hashes over a large import fit in memory instead of spilling to temporary files.
      await client.query("SET LOCAL work_mem = '128MB'");
      await client.query(CREATE_STAGING_TABLE);
      await copyIntoStaging(client, lines);
      phase("copy");
      await client.query(`ANALYZE ${STAGING_TABLE}`);
      await loadSemesterRanges(client, semesterRanges(calendars));
      await loadDaysWithoutLessons(client, daysWithoutLessons(calendars));
      await loadScopeTable(client, scope, [...calendars.keys()]);
      const resolvedRows = (await client.query(RESOLVE, [today, scope.description])).rowCount ?? 0;
      phase("resolve");
      // Counters and stored records are read from here on: hold the locks of every school whose learners the
      // import touches (the learner's current school too, for a learner who moved).
      await lockImportSchools(client, scope, RESOLVED_TABLE);
      phase("lock");
      await client.query(
        `INSERT INTO "AbsenceImportBatch" (id, source, label, "schoolId", "startedAt") VALUES ($1, $2, $3, $4, $5)`,
        [batchId, source, options.label, scope.schoolId, startedAt],
      );
      await client.query(CLASSIFY_KEYS);
      const corrected = (await client.query(CORRECT_RECORDS, [source, batchId])).rowCount ?? 0;
      const inserted = await insertRecords(client, [source, batchId]);
      const withdrawn = Number((await client.query<{ n: string }>(COUNT_WITHDRAWN)).rows[0]?.n ?? 0);
      phase("insert");
      const rejections = (
        await client.query<AbsenceRejection>(
          `SELECT position, error_code AS code, error AS reason FROM ${RESOLVED_TABLE} WHERE error IS NOT NULL ORDER BY position`,
        )
      ).rows;
      const rejected = rejections.length;
      const valid = resolvedRows - rejected;
      phase("report");
      const crossings = await recomputeCounters(client, rules);
      phase("counters");
      // Corrections count as imported: the stored data changed. Every valid row is imported or a duplicate.
      const imported = inserted + corrected;
      const duplicates = valid - imported;
      await client.query(
        `UPDATE "AbsenceImportBatch" SET imported = $2, duplicates = $3, rejected = $4, "finishedAt" = now() WHERE id = $1`,
        [batchId, imported, duplicates, rejected],
      );
      await client.query("COMMIT");
      phase("commit");
      deps.logger?.debug("absence import phases", { batchId, ...phases });
      deps.logger?.info("absence import finished", {
        batchId,
        source,
        scope: scope.description,
        imported,
        corrected,
        withdrawn,
        duplicates,
        rejected,
        crossings: crossings.length,
      });
      return {
        batchId,
        imported,
        corrected,
        withdrawn,
        duplicates,
        rejected,
        rejections,
        crossings,
        ruleSetVersion: rules.version,
      };
    } catch (error) {
      healthy = false;
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      // A connection that failed mid-COPY may be in an unknown protocol state: discard rather than reuse it.
      client.release(!healthy);
    }
  }

  return {
    importCsv: (input, options) => run(csvStagingLines(input, options.encoding), options, "CSV_IMPORT"),
    importRecords: (records, options) => run(recordStagingLines(records), options, options.source ?? "API"),
  };
}

/**
 * The fast path is a plain INSERT; if a row stored by a writer outside the importer's lock collides with it, the
 * insert is rolled back to a savepoint and repeated with ON CONFLICT DO NOTHING, which counts that row as a
 * duplicate like any other. Returns the number of rows stored.
 */
async function insertRecords(client: pg.PoolClient, parameters: [RecordSource, string]): Promise<number> {
  await client.query("SAVEPOINT absence_insert");
  try {
    const inserted = (await client.query(INSERT_RECORDS, parameters)).rowCount ?? 0;
    await client.query("RELEASE SAVEPOINT absence_insert");
    return inserted;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await client.query("ROLLBACK TO SAVEPOINT absence_insert");
    return (await client.query(INSERT_RECORDS_ON_CONFLICT, parameters)).rowCount ?? 0;
  }
}

/** CSV rows → staging lines; the header decides column order; a bad or missing header stops the import. */
async function* csvStagingLines(
  input: AsyncIterable<Uint8Array | string>,
  encoding: EncodingChoice = "auto",
): AsyncGenerator<string[]> {
  let columns: ReturnType<typeof columnPositions> | null = null;
  for await (const rows of readCsvRows(input, encoding)) {
    const lines: string[] = [];
    for (const row of rows) {
      if (columns === null) {
        columns = row.fields ? columnPositions(row.fields) : { error: row.error ?? "unreadable header" };
        if ("error" in columns) throw new AbsenceImportError(`line ${row.line}: ${columns.error}`);
        continue;
      }
      const c = columns as Exclude<typeof columns, { error: string }>;
      const f = row.fields;
      if (f === null) lines.push(stagingErrorLine(row.line, row.error ?? "unreadable record", "MALFORMED_RECORD"));
      else if (f.length !== ABSENCE_COLUMNS.length) {
        lines.push(
          stagingErrorLine(
            row.line,
            `expected ${ABSENCE_COLUMNS.length} fields, found ${f.length} (check delimiters and quotes)`,
            "MALFORMED_RECORD",
          ),
        );
      } else {
        lines.push(
          stagingLine(row.line, {
            learner_code: f[c.learner_code] ?? "",
            date: f[c.date] ?? "",
            lesson: f[c.lesson] ?? "",
            subject: f[c.subject] ?? null,
            reason: f[c.reason] ?? null,
            justified: f[c.justified] ?? "",
          }),
        );
      }
    }
    yield lines;
  }
  if (columns === null)
    throw new AbsenceImportError(`the input is empty: expected the header ${ABSENCE_COLUMNS.join(",")}`);
}

const RECORD_BATCH = 1000;

async function* recordStagingLines(records: readonly AbsenceRecordInput[]): AsyncGenerator<string[]> {
  for (let start = 0; start < records.length; start += RECORD_BATCH) {
    yield records
      .slice(start, start + RECORD_BATCH)
      .map((record, i) =>
        "error" in record ? stagingErrorLine(start + i, record.error, record.code) : stagingLine(start + i, record),
      );
  }
}

/** The CLI's closing line, also used in API responses' logs. */
export function summaryLine(result: Pick<AbsenceImportResult, "imported" | "duplicates" | "rejected">): string {
  return `imported ${result.imported}, duplicates ${result.duplicates}, rejected ${result.rejected}`;
}
