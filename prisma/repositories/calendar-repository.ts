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
}

export function createCalendarRepository(prisma: PrismaClient) {
  return {
    /** Every stored school year of a municipality, oldest first, with the overrides of all years merged. */
    async loadMunicipalityCalendar({ municipalityId }: { municipalityId: string }): Promise<MunicipalityCalendar> {
      const rows = await prisma.schoolCalendar.findMany({
        where: { municipalityId },
        select: { schoolYear: true, data: true },
        orderBy: { schoolYear: "asc" },
      });
      const years = rows.map((row) => storedSchoolYearSchema.parse(row.data));
      return {
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
    }): Promise<void> {
      const data = storedSchoolYearSchema.parse({ calendar: input.calendar, overrides: input.overrides ?? {} });
      const key = {
        municipalityId_schoolYear_scope: { municipalityId: input.municipalityId, schoolYear: data.calendar.schoolYear, scope: "" },
      };
      await prisma.schoolCalendar.upsert({
        where: key,
        create: { municipalityId: input.municipalityId, schoolYear: data.calendar.schoolYear, data },
        update: input.onlyIfMissing ? {} : { data },
      });
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
