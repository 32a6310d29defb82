/**
 * AbsenceCounter upkeep: after an import, the counters of every (learner, school year, semester) the import
 * touched are recomputed from AbsenceRecord with one set-based statement, never incremented, so re-imports,
 * duplicates and corrections leave them exact. The threshold marks crossed by the change are returned.
 *
 * What is counted (MK 89 p.7, "no information on the reason, or the reason is not justified"):
 *   - unjustifiedLessons / unknownLessons / justifiedLessons: absence rows by justification; for pre-school
 *     learners each row is a whole day (lesson 0);
 *   - unexcusedDays: distinct dates with at least one unjustified or unknown absence. MK 89 compares it with
 *     the pre-school threshold; for school learners it is kept for reporting only.
 *   - withdrawn records (a correction removed them) count nowhere; they are kept for the audit trail.
 * A record belongs to the semester whose date range (for the learner's calendar and grade) contains its date. The
 * counters are the person's: records of every school they attended in the semester count together.
 */
import type pg from "pg";
import {
  NO_ABSENCES,
  thresholdCrossings,
  type AbsenceMeasures,
  type AbsenceProgramme,
  type AbsenceRuleSet,
  type ThresholdCrossing,
} from "../../workflows/domain/absence-rules.js";
import { SCOPE_TABLE } from "./import-scope.js";
import { SEMESTERS_TABLE } from "./semester-ranges.js";

export const RESOLVED_TABLE = "absence_resolved";
const AFFECTED_TABLE = "absence_affected";

export interface LearnerThresholdCrossing extends ThresholdCrossing {
  learnerId: string;
  learnerCode: string;
  schoolId: string;
  programme: AbsenceProgramme;
  schoolYear: string;
  semester: 1 | 2;
  ruleSetVersion: number;
}

interface CounterRow {
  learner_id: string;
  school_year: string;
  semester: number;
  lessons: number;
  days: number;
}

interface AffectedRow {
  learner_id: string;
  learner_code: string;
  school_id: string;
  programme: AbsenceProgramme;
  school_year: string;
  semester: number;
}

const UPSERT_COUNTERS = `
INSERT INTO "AbsenceCounter" (id, "learnerId", "schoolYear", semester, "unjustifiedLessons", "unknownLessons",
                              "justifiedLessons", "unexcusedDays", "updatedAt")
SELECT gen_random_uuid()::text, a.learner_id, a.school_year, a.semester,
       coalesce(c.unjustified, 0), coalesce(c.unknown, 0), coalesce(c.justified, 0), c.days, now()
FROM ${AFFECTED_TABLE} a
JOIN ${SEMESTERS_TABLE} s ON s.scope = a.calendar_scope AND s.grade = a.calendar_grade
 AND s.school_year = a.school_year AND s.semester = a.semester
-- One (learner, semester) at a time, so the semester's date range is part of the primary-key scan (a plain join
-- reads every record of the learner and filters) and the per-day groups never outgrow a small sort.
CROSS JOIN LATERAL (
  SELECT sum(unjustified) AS unjustified, sum(unknown) AS unknown, sum(justified) AS justified,
         count(*) FILTER (WHERE unjustified + unknown > 0) AS days
  FROM (
    -- Per day first, so distinct days fall out of a grouping instead of a count(DISTINCT …) sort.
    SELECT count(*) FILTER (WHERE r.justification = 'UNJUSTIFIED') AS unjustified,
           count(*) FILTER (WHERE r.justification = 'UNKNOWN') AS unknown,
           count(*) FILTER (WHERE r.justification = 'JUSTIFIED') AS justified
    FROM "AbsenceRecord" r
    WHERE r."learnerId" = a.learner_id AND r.date BETWEEN s.start_date AND s.end_date
    GROUP BY r.date
  ) per_day
) c
ON CONFLICT ("learnerId", "schoolYear", semester) DO UPDATE SET
  "unjustifiedLessons" = EXCLUDED."unjustifiedLessons",
  "unknownLessons" = EXCLUDED."unknownLessons",
  "justifiedLessons" = EXCLUDED."justifiedLessons",
  "unexcusedDays" = EXCLUDED."unexcusedDays",
  "updatedAt" = EXCLUDED."updatedAt"
WHERE ("AbsenceCounter"."unjustifiedLessons", "AbsenceCounter"."unknownLessons", "AbsenceCounter"."justifiedLessons",
       "AbsenceCounter"."unexcusedDays")
  IS DISTINCT FROM (EXCLUDED."unjustifiedLessons", EXCLUDED."unknownLessons", EXCLUDED."justifiedLessons",
                    EXCLUDED."unexcusedDays")`;

// Both semesters of every affected school year: the year measures need the semester the import did not touch.
const READ_COUNTERS = `
SELECT c."learnerId" AS learner_id, c."schoolYear" AS school_year, c.semester,
       c."unjustifiedLessons" + c."unknownLessons" AS lessons, c."unexcusedDays" AS days
FROM "AbsenceCounter" c
WHERE (c."learnerId", c."schoolYear") IN (SELECT DISTINCT learner_id, school_year FROM ${AFFECTED_TABLE})`;

/**
 * Recomputes the counters the valid rows of the resolved staging table touch, inside the import's
 * transaction, and returns the marks crossed between the counters before and after.
 */
export async function recomputeCounters(
  client: pg.PoolClient,
  rules: AbsenceRuleSet,
): Promise<LearnerThresholdCrossing[]> {
  // Group the (up to millions of) resolved rows on the three keys only, then take the learner's details from the
  // scope table: a DISTINCT over all seven columns costs several times more. A person can have a code at two
  // schools of a municipality-wide import; one of their codes names them. The counter is the person's, over every
  // school (MK 89 p.7 counts the semester), and the crossing goes to the current school (owner_school_id).
  await client.query(`
    CREATE TEMP TABLE ${AFFECTED_TABLE} ON COMMIT DROP AS
    SELECT k.learner_id, sc.code AS learner_code, sc.owner_school_id AS school_id, sc.programme, sc.calendar_grade,
           sc.calendar_scope, k.school_year, k.semester
    FROM (SELECT learner_id, school_year, semester FROM ${RESOLVED_TABLE} WHERE error IS NULL
          GROUP BY learner_id, school_year, semester) k
    JOIN (SELECT DISTINCT ON (learner_id) * FROM ${SCOPE_TABLE} ORDER BY learner_id, code) sc
      ON sc.learner_id = k.learner_id`);
  const affected = (await client.query<AffectedRow>(`SELECT * FROM ${AFFECTED_TABLE}`)).rows;
  if (affected.length === 0) return [];
  const before = measuresByLearnerYear((await client.query<CounterRow>(READ_COUNTERS)).rows);
  await client.query(UPSERT_COUNTERS);
  const after = measuresByLearnerYear((await client.query<CounterRow>(READ_COUNTERS)).rows);

  const crossings: LearnerThresholdCrossing[] = [];
  const yearMarksSeen = new Set<string>();
  // Later semesters first, so a year mark crossed by an import spanning both semesters is reported once, on
  // the semester the latest absences belong to.
  const ordered = [...affected].sort((a, b) => b.semester - a.semester);
  for (const row of ordered) {
    const semester = row.semester === 1 ? 1 : 2;
    const key = `${row.learner_id}|${row.school_year}`;
    const measuresOf = (byYear: Map<string, YearCounters>): AbsenceMeasures => {
      const year = byYear.get(key);
      if (!year) return NO_ABSENCES;
      const sem = year.semesters.get(semester);
      return {
        SEMESTER_UNEXCUSED_LESSONS: sem?.lessons ?? 0,
        SEMESTER_UNEXCUSED_DAYS: sem?.days ?? 0,
        YEAR_UNEXCUSED_LESSONS: year.lessons,
        YEAR_UNEXCUSED_DAYS: year.days,
      };
    };
    for (const crossing of thresholdCrossings(measuresOf(before), measuresOf(after), rules, row.programme)) {
      if (crossing.measure.startsWith("YEAR_")) {
        const yearKey = `${key}|${crossing.ruleId}`;
        if (yearMarksSeen.has(yearKey)) continue;
        yearMarksSeen.add(yearKey);
      }
      crossings.push({
        ...crossing,
        learnerId: row.learner_id,
        learnerCode: row.learner_code,
        schoolId: row.school_id,
        programme: row.programme,
        schoolYear: row.school_year,
        semester,
        ruleSetVersion: rules.version,
      });
    }
  }
  return crossings.sort((a, b) =>
    a.learnerCode === b.learnerCode
      ? a.schoolYear.localeCompare(b.schoolYear) || a.semester - b.semester
      : a.learnerCode < b.learnerCode
        ? -1
        : 1,
  );
}

interface YearCounters {
  lessons: number;
  days: number;
  semesters: Map<number, { lessons: number; days: number }>;
}

function measuresByLearnerYear(rows: readonly CounterRow[]): Map<string, YearCounters> {
  const byYear = new Map<string, YearCounters>();
  for (const row of rows) {
    const key = `${row.learner_id}|${row.school_year}`;
    const year = byYear.get(key) ?? { lessons: 0, days: 0, semesters: new Map() };
    const lessons = Number(row.lessons);
    const days = Number(row.days);
    year.lessons += lessons;
    year.days += days;
    year.semesters.set(row.semester, { lessons, days });
    byYear.set(key, year);
  }
  return byYear;
}
