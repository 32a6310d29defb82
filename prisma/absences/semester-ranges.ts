/**
 * Semester date ranges per calendar scope and grade, from a municipality's calendars, as a temporary table the import joins
 * absences against: to reject dates outside term and to attribute each absence to its semester.
 *
 * The calendar stays the single source of truth: ranges come from the pure `semestersFor` (grade-specific
 * semester-2 end; pre-school's continuous term unless the municipality says it follows school holidays).
 */
import type pg from "pg";
import { GRADES, semestersFor, type Grade, type IsoDate } from "../../workflows/domain/calendar/index.js";
import type { MunicipalityCalendar } from "../repositories/calendar-repository.js";
import { MUNICIPALITY_SCOPE, type ImportCalendars } from "./import-calendars.js";

export const SEMESTERS_TABLE = "absence_semesters";

export interface SemesterRange {
  /** The calendar scope (import-calendars.ts): "" for the municipality's calendar. */
  scope: string;
  grade: Grade;
  schoolYear: string;
  semester: 1 | 2;
  start: IsoDate;
  end: IsoDate;
}

/**
 * Grades 0–12 follow the calendar. Vocational courses reach grade 13, which no school-year regulation covers;
 * it is mapped to grade 12 (final year with exams, the latest end date) so no genuine school day is refused.
 */
export function calendarGrade(grade: number): Grade {
  return Math.min(Math.max(grade, 0), 12) as Grade;
}

/** The ranges of one calendar, or of every scope's calendar. */
export function semesterRanges(calendars: MunicipalityCalendar | ImportCalendars): SemesterRange[] {
  if (calendars instanceof Map) return [...calendars].flatMap(([scope, calendar]) => rangesOf(scope, calendar));
  return rangesOf(MUNICIPALITY_SCOPE, calendars as MunicipalityCalendar);
}

function rangesOf(scope: string, calendar: MunicipalityCalendar): SemesterRange[] {
  return calendar.calendars.flatMap((cal) =>
    GRADES.flatMap((grade) =>
      semestersFor(cal, grade, calendar.overrides.preschoolFollowsSchoolHolidays).map((term) => ({
        scope,
        grade,
        schoolYear: term.schoolYear,
        semester: term.semester,
        start: term.start,
        end: term.end,
      })),
    ),
  );
}

/** Creates and fills the temporary semester table (dropped at the end of the transaction). */
export async function loadSemesterRanges(client: pg.PoolClient, ranges: readonly SemesterRange[]): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE ${SEMESTERS_TABLE} (
      scope text NOT NULL, grade integer NOT NULL, school_year text NOT NULL, semester integer NOT NULL,
      start_date date NOT NULL, end_date date NOT NULL
    ) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO ${SEMESTERS_TABLE} SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::date[], $6::date[])`,
    [
      ranges.map((r) => r.scope),
      ranges.map((r) => r.grade),
      ranges.map((r) => r.schoolYear),
      ranges.map((r) => r.semester),
      ranges.map((r) => r.start),
      ranges.map((r) => r.end),
    ],
  );
  await client.query(`CREATE INDEX ON ${SEMESTERS_TABLE} (scope, grade, start_date)`);
  await client.query(`ANALYZE ${SEMESTERS_TABLE}`);
}
