/**
 * The school calendars an absence import checks dates against, one per calendar scope of the municipality.
 *
 * `SchoolCalendar.scope` is "" for the municipality's calendar, "school:<code>" or "programme:<code>" for a school
 * or programme with its own dates (vocational semesters end on their own days), and "preschool" for kindergartens.
 * A learner's absences are checked against the most specific scope that exists: their programme's, then their
 * school's, then (pre-school learners) the pre-school one, then the municipality's (the order of the calendar
 * repository's calendarScopesFor, so the import and the escalation's deadlines read the same calendar). A scoped calendar replaces
 * the municipality's for the school years it has, and the municipality's other years and its days off and
 * closures still apply.
 *
 * Pre-school: kindergartens are open in school holidays (the school-day rules for grade 0), unless the municipality
 * says otherwise (`preschoolFollowsSchoolHolidays`). A "preschool" calendar is the kindergartens' own, so its holiday
 * periods close pre-school even without `grades: [0]`.
 *
 * Read here rather than through the calendar repository, whose loader merges the scopes into one calendar.
 */
import { z } from "zod";
import type { PrismaClient } from "../client.js";
import type { MunicipalityCalendar } from "../repositories/calendar-repository.js";
import {
  municipalityCalendarOverridesSchema,
  schoolYearCalendarSchema,
  type MunicipalityCalendarOverrides,
  type SchoolYearCalendar,
} from "../../workflows/domain/calendar/index.js";

/** The municipality's own calendar. */
export const MUNICIPALITY_SCOPE = "";
export const PRESCHOOL_SCOPE = "preschool";

const storedSchoolYearSchema = z.object({
  calendar: schoolYearCalendarSchema,
  overrides: municipalityCalendarOverridesSchema,
});

/** Calendars by scope key; always has MUNICIPALITY_SCOPE (possibly with no school years). */
export type ImportCalendars = ReadonlyMap<string, MunicipalityCalendar>;

function merged(overrides: readonly MunicipalityCalendarOverrides[]): MunicipalityCalendarOverrides {
  return {
    extraDaysOff: overrides.flatMap((o) => o.extraDaysOff),
    extraHolidays: overrides.flatMap((o) => o.extraHolidays),
    schoolClosures: overrides.flatMap((o) => o.schoolClosures),
    preschoolFollowsSchoolHolidays: overrides.some((o) => o.preschoolFollowsSchoolHolidays),
  };
}

/** The kindergartens' own holidays close pre-school: a period without grades is read as grade 0's. */
function asPreschoolCalendar(calendar: SchoolYearCalendar): SchoolYearCalendar {
  return { ...calendar, holidays: calendar.holidays.map((h) => (h.grades ? h : { ...h, grades: [0] })) };
}

export async function loadImportCalendars(prisma: PrismaClient, municipalityId: string): Promise<ImportCalendars> {
  const rows = await prisma.schoolCalendar.findMany({
    where: { municipalityId },
    select: { schoolYear: true, scope: true, data: true },
    orderBy: { schoolYear: "asc" },
  });
  const byScope = new Map<string, Map<string, z.output<typeof storedSchoolYearSchema>>>();
  for (const row of rows) {
    const years = byScope.get(row.scope) ?? new Map();
    years.set(row.schoolYear, storedSchoolYearSchema.parse(row.data));
    byScope.set(row.scope, years);
  }
  const base = byScope.get(MUNICIPALITY_SCOPE) ?? new Map<string, z.output<typeof storedSchoolYearSchema>>();
  const calendars = new Map<string, MunicipalityCalendar>();
  calendars.set(MUNICIPALITY_SCOPE, {
    calendars: [...base.values()].map((y) => y.calendar),
    overrides: merged([...base.values()].map((y) => y.overrides)),
  });
  for (const [scope, years] of byScope) {
    if (scope === MUNICIPALITY_SCOPE) continue;
    const own = (c: SchoolYearCalendar) => (scope === PRESCHOOL_SCOPE ? asPreschoolCalendar(c) : c);
    const schoolYears = [...new Set([...base.keys(), ...years.keys()])].sort();
    calendars.set(scope, {
      calendars: schoolYears.flatMap((y) => {
        const scoped = years.get(y);
        const fallback = base.get(y);
        return scoped ? [own(scoped.calendar)] : fallback ? [fallback.calendar] : [];
      }),
      overrides: merged([...base.values(), ...years.values()].map((y) => y.overrides)),
    });
  }
  return calendars;
}
