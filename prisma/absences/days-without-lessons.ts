/**
 * The days inside a semester on which a learner has no lessons, with the reason, so the import can reject an
 * absence recorded on one by line (MK 89 counts missed lessons; a Saturday or the autumn holidays have none).
 *
 * Whether a day has lessons is the calendar's own answer (`isSchoolDay`, the same rule the escalation's deadlines
 * use); this module only names the reason. The result is small (about a hundred days per grade and school year,
 * plus closure days per school), loaded as a temporary table the import joins on (scope, grade, date, school).
 */
import type pg from "pg";
import {
  GRADES,
  addCalendarDays,
  isSchoolDay,
  isWeekend,
  publicDaysOff,
  semestersFor,
  type Grade,
  type HolidayPeriod,
  type IsoDate,
  type MunicipalityCalendarOverrides,
  type SchoolDayContext,
  type SchoolYearCalendar,
} from "../../workflows/domain/calendar/index.js";
import type { ImportCalendars } from "./import-calendars.js";
import type { RejectionCode } from "./rejection-codes.js";

export const DAYS_OFF_TABLE = "absence_days_off";
/** `schoolId` of a day off that applies to every school of the scope. */
export const EVERY_SCHOOL = "";

export interface DayWithoutLessons {
  scope: string;
  grade: Grade;
  schoolId: string;
  date: IsoDate;
  code: Extract<RejectionCode, "WEEKEND" | "PUBLIC_HOLIDAY" | "SCHOOL_HOLIDAY" | "DAY_OFF" | "SCHOOL_CLOSURE">;
  reason: string;
}

const HOLIDAY_NAMES: Record<HolidayPeriod["kind"], string> = {
  autumn: "the autumn school holidays",
  winter: "the winter school holidays",
  spring: "the spring school holidays",
  grade1Extra: "the grade 1 extra holiday week",
  other: "a school holiday period",
};

function gradeName(grade: Grade): string {
  return grade === 0 ? "pre-school" : `grade ${grade}`;
}

/** The holiday period that closes `date` for `grade`, under the same rule as the school-day computation. */
function holidayOn(
  date: IsoDate,
  grade: Grade,
  calendar: SchoolYearCalendar,
  overrides: MunicipalityCalendarOverrides,
): string | null {
  const applies = (h: HolidayPeriod) =>
    h.grades ? h.grades.includes(grade) : grade !== 0 || overrides.preschoolFollowsSchoolHolidays;
  const period = [...calendar.holidays, ...overrides.extraHolidays].find(
    (h) => applies(h) && h.start <= date && date <= h.end,
  );
  if (period) return HOLIDAY_NAMES[period.kind];
  const week = calendar.grade1ExtraWeek;
  if (grade === 1 && week && week.start <= date && date <= week.end) return HOLIDAY_NAMES.grade1Extra;
  return null;
}

function* termDays(calendar: SchoolYearCalendar, grade: Grade, overrides: MunicipalityCalendarOverrides) {
  for (const term of semestersFor(calendar, grade, overrides.preschoolFollowsSchoolHolidays)) {
    for (let d = term.start; d <= term.end; d = addCalendarDays(d, 1)) yield d;
  }
}

/** Every day without lessons inside the semesters of every scope and grade, and each school's closure days. */
export function daysWithoutLessons(calendars: ImportCalendars): DayWithoutLessons[] {
  const days = new Map<string, DayWithoutLessons>();
  const add = (day: DayWithoutLessons) => {
    const key = `${day.scope}|${day.grade}|${day.schoolId}|${day.date}`;
    if (!days.has(key)) days.set(key, day);
  };
  for (const [scope, { calendars: years, overrides }] of calendars) {
    for (const calendar of years) {
      const publicDays = new Set<IsoDate>();
      for (let year = Number(calendar.start.slice(0, 4)); year <= Number(calendar.start.slice(0, 4)) + 1; year++)
        for (const d of publicDaysOff(year)) publicDays.add(d);
      for (const grade of GRADES) {
        // One school year per context: a gap between stored years must not stop the import.
        const ctx: SchoolDayContext = { calendars: [calendar], grade, overrides };
        const label = gradeName(grade);
        for (const date of termDays(calendar, grade, overrides)) {
          if (isSchoolDay(date, ctx)) continue;
          if (isWeekend(date))
            add({
              scope,
              grade,
              schoolId: EVERY_SCHOOL,
              date,
              code: "WEEKEND",
              reason: `date ${date} is a ${weekdayName(date)}: no lessons`,
            });
          else if (publicDays.has(date))
            add({
              scope,
              grade,
              schoolId: EVERY_SCHOOL,
              date,
              code: "PUBLIC_HOLIDAY",
              reason: `date ${date} is a public holiday or a day off moved by the government: no lessons`,
            });
          else {
            const holiday = holidayOn(date, grade, calendar, overrides);
            add(
              holiday
                ? {
                    scope,
                    grade,
                    schoolId: EVERY_SCHOOL,
                    date,
                    code: "SCHOOL_HOLIDAY",
                    reason: `date ${date} is in ${holiday} for ${label}: no lessons`,
                  }
                : {
                    scope,
                    grade,
                    schoolId: EVERY_SCHOOL,
                    date,
                    code: "DAY_OFF",
                    reason: `date ${date} is a day off in the school calendar for ${label}: no lessons`,
                  },
            );
          }
        }
        for (const closure of overrides.schoolClosures) {
          if (closure.grades && !closure.grades.includes(grade)) continue;
          for (let date = closure.start; date <= closure.end; date = addCalendarDays(date, 1)) {
            if (date < calendar.start || !isSchoolDay(date, ctx)) continue;
            for (const schoolId of closure.schoolIds)
              add({
                scope,
                grade,
                schoolId,
                date,
                code: "SCHOOL_CLOSURE",
                reason: `date ${date}: the school is closed (a closure in the school calendar): no lessons`,
              });
          }
        }
      }
    }
  }
  return [...days.values()];
}

function weekdayName(date: IsoDate): string {
  return new Date(`${date}T12:00:00Z`).getUTCDay() === 6 ? "Saturday" : "Sunday";
}

/** Creates and fills the temporary table of days without lessons (dropped at the end of the transaction). */
export async function loadDaysWithoutLessons(client: pg.PoolClient, days: readonly DayWithoutLessons[]): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE ${DAYS_OFF_TABLE} (
      scope text NOT NULL, grade integer NOT NULL, school_id text NOT NULL, date date NOT NULL,
      code text NOT NULL, reason text NOT NULL
    ) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO ${DAYS_OFF_TABLE}
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::date[], $5::text[], $6::text[])`,
    [
      days.map((d) => d.scope),
      days.map((d) => d.grade),
      days.map((d) => d.schoolId),
      days.map((d) => d.date),
      days.map((d) => d.code),
      days.map((d) => d.reason),
    ],
  );
  await client.query(`CREATE UNIQUE INDEX ON ${DAYS_OFF_TABLE} (scope, grade, date, school_id)`);
  await client.query(`ANALYZE ${DAYS_OFF_TABLE}`);
}
