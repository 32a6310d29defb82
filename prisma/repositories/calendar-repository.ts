import { z } from "zod";
import type { PrismaClient } from "../client.js";
import {
  municipalityCalendarOverridesSchema,
  schoolYearCalendarSchema,
  type MunicipalityCalendarOverrides,
  type MunicipalityCalendarOverridesInput,
  type SchoolYearCalendar,
  type SchoolYearCalendarInput,
} from "../../workflows/domain/calendar/index.js";

// A municipality's calendar is stored per school year as { calendar, overrides }: the national calendar as the
// municipality edited it, plus its own days off and school closures for that year. The zod schemas from
// workflows/domain/calendar are the contract, so whatever is stored is what the pure calendar functions accept.
const storedSchoolYearSchema = z.object({
  calendar: schoolYearCalendarSchema,
  overrides: municipalityCalendarOverridesSchema,
});

export interface MunicipalityCalendar {
  calendars: SchoolYearCalendar[];
  overrides: MunicipalityCalendarOverrides;
  /** School years whose dates are not yet confirmed (SchoolCalendar.provisional or the calendar's own flag). */
  provisionalYears?: string[];
}

/**
 * The calendar scopes that apply to a learner, most specific first: the programme's own dates (vocational
 * semesters end on their own days), the school's, pre-school's; the municipality's calendar ("") is the fallback.
 */
export function calendarScopesFor(learner: {
  schoolCode: string;
  programmeCode?: string | null;
  preschool: boolean;
}): string[] {
  return [
    ...(learner.programmeCode ? [`programme:${learner.programmeCode}`] : []),
    `school:${learner.schoolCode}`,
    ...(learner.preschool ? ["preschool"] : []),
  ];
}

export function createCalendarRepository(prisma: PrismaClient) {
  return {
    /**
     * Every stored school year of a municipality, oldest first, with the overrides of all years merged. With
     * `scopes` (most specific first, see calendarScopesFor), a year stored for one of them replaces the
     * municipality's calendar of that year; without, only the municipality's own calendars are read.
     */
    async loadMunicipalityCalendar({
      municipalityId,
      scopes = [],
    }: {
      municipalityId: string;
      scopes?: readonly string[];
    }): Promise<MunicipalityCalendar> {
      const rows = await prisma.schoolCalendar.findMany({
        where: { municipalityId, scope: { in: ["", ...scopes] } },
        select: { schoolYear: true, scope: true, provisional: true, data: true },
        orderBy: { schoolYear: "asc" },
      });
      const rank = (scope: string) => (scope === "" ? scopes.length : scopes.indexOf(scope));
      const chosen = new Map<string, (typeof rows)[number]>();
      for (const row of rows) {
        const held = chosen.get(row.schoolYear);
        if (!held || rank(row.scope) < rank(held.scope)) chosen.set(row.schoolYear, row);
      }
      const picked = [...chosen.values()].sort((a, b) => (a.schoolYear < b.schoolYear ? -1 : 1));
      const years = picked.map((row) => storedSchoolYearSchema.parse(row.data));
      return {
        provisionalYears: picked
          .filter((row, i) => row.provisional || years[i]!.calendar.provisional)
          .map((row) => row.schoolYear),
        calendars: years.map((y) => y.calendar),
        overrides: {
          extraDaysOff: years.flatMap((y) => y.overrides.extraDaysOff),
          extraHolidays: years.flatMap((y) => y.overrides.extraHolidays),
          schoolClosures: years.flatMap((y) => y.overrides.schoolClosures),
          preschoolFollowsSchoolHolidays: years.some((y) => y.overrides.preschoolFollowsSchoolHolidays),
        },
      };
    },

    /** Creates or replaces one school year; invalid calendars are rejected with zod's field-level errors. */
    async saveSchoolYear(input: {
      municipalityId: string;
      calendar: SchoolYearCalendarInput;
      overrides?: MunicipalityCalendarOverridesInput;
      onlyIfMissing?: boolean;
      /** "" (the default) for the municipality's calendar, else see calendarScopesFor. */
      scope?: string;
      /** Not yet confirmed by the ministry's order; left out: the calendar's own `provisional` flag. */
      provisional?: boolean;
    }): Promise<void> {
      const data = storedSchoolYearSchema.parse({ calendar: input.calendar, overrides: input.overrides ?? {} });
      const scope = input.scope ?? "";
      const provisional = input.provisional ?? data.calendar.provisional;
      const key = {
        municipalityId_schoolYear_scope: {
          municipalityId: input.municipalityId,
          schoolYear: data.calendar.schoolYear,
          scope,
        },
      };
      await prisma.schoolCalendar.upsert({
        where: key,
        create: {
          municipalityId: input.municipalityId,
          schoolYear: data.calendar.schoolYear,
          scope,
          provisional,
          data,
        },
        update: input.onlyIfMissing ? {} : { data, provisional },
      });
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
