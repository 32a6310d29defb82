/**
 * Types and zod schemas for the Latvian school calendar.
 *
 * Calendars and municipal overrides are stored per municipality as JSON (prisma `SchoolCalendar.data`) and
 * are editable there, so these schemas are the contract: parse every stored or edited value with them.
 *
 * Sources: each year's Cabinet regulation "Noteikumi par 20XX./20XX. mācību gada un mācību semestru sākuma
 * un beigu laiku un brīvdienu laiku" (Vispārējās izglītības likums, Art. 4 p.16).
 *
 * Grades: 1–12 are general-education grades. Pre-school (the compulsory 5–6-year-old programme that
 * MK 89 p.7 counts in days) is grade 0. The school-year regulations do not govern pre-school, so grade 0
 * is handled as follows (see school-days.ts):
 *   - its term runs from the school-year start to the grades 1–8 end date (`endDates.standard`), without
 *     a gap between semesters; its semester 2 starts with everyone else's;
 *   - school holiday periods (autumn, winter, spring, grade-1 week, municipal holiday periods) do NOT close
 *     pre-school, because kindergartens stay open, unless a period lists grade 0 in `grades` or the
 *     municipality sets `preschoolFollowsSchoolHolidays`;
 *   - weekends, public holidays, transfers, single days off and closures apply as for every grade.
 */
import { z } from "zod";
import { isIsoDate } from "./iso-date.js";

/** A local Latvian calendar date written 'YYYY-MM-DD'. Validate untrusted strings with `isoDateSchema`. */
export type IsoDate = `${number}-${number}-${number}`;

export const isoDateSchema = z.custom<IsoDate>(isIsoDate, { error: "Expected a calendar date YYYY-MM-DD" });

export const GRADES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** 0 = pre-school (see the header), 1–12 = general-education grades. */
export type Grade = (typeof GRADES)[number];
export const PRESCHOOL_GRADE = 0 satisfies Grade;
export const gradeSchema = z.literal(GRADES);

/** Inclusive range of calendar days. */
export const dateRangeSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((r) => r.start <= r.end, { error: "start must not be after end", path: ["end"] });
export type DateRange = z.output<typeof dateRangeSchema>;

export const HOLIDAY_KINDS = ["autumn", "winter", "spring", "grade1Extra", "other"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/**
 * A school holiday period (brīvdienas), inclusive. Without `grades` it applies to grades 1–12; pre-school only
 * follows it when `grades` lists 0 or the municipality says pre-school follows school holidays.
 */
export const holidayPeriodSchema = z
  .object({
    kind: z.enum(HOLIDAY_KINDS),
    start: isoDateSchema,
    end: isoDateSchema,
    // Some years give grade 12 a different spring week (e.g. 2018/19, 2020/21), hence per-period grades.
    grades: z.array(gradeSchema).min(1).optional(),
    nameLv: z.string().min(1).optional(),
  })
  .refine((h) => h.start <= h.end, { error: "start must not be after end", path: ["end"] });
export type HolidayPeriod = z.output<typeof holidayPeriodSchema>;

/** A single extra day off. Without `grades` it applies to every grade, pre-school included. */
export const dayOffSchema = z.object({
  date: isoDateSchema,
  reasonLv: z.string().min(1),
  reasonEn: z.string().min(1).optional(),
  grades: z.array(gradeSchema).min(1).optional(),
});
export type DayOff = z.output<typeof dayOffSchema>;

/** "2025/26": the autumn year and the last two digits of the following year. */
export const schoolYearLabelSchema = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, { error: "Expected a school-year label like 2025/26" })
  .refine((label) => (Number(label.slice(0, 4)) + 1) % 100 === Number(label.slice(5)), {
    error: "The second year must follow the first (2025/26)",
  });

/** Last day of the school year by grade group, per the regulation. */
export const endDatesSchema = z.object({
  /** Grades 1–8 and 10–11; also closes the pre-school term (grade 0). */
  standard: isoDateSchema,
  /** Grade 9 finishes later because of the basic-education state exams. */
  grade9: isoDateSchema,
  /** Grade 12 finishes later because of the centralised exams. */
  grade12: isoDateSchema,
});
export type EndDates = z.output<typeof endDatesSchema>;

const schoolYearCalendarObject = z.object({
  schoolYear: schoolYearLabelSchema,
  /** First school day of the year; equals `semester1.start` (the regulation states both). */
  start: isoDateSchema,
  semester1: dateRangeSchema,
  /** Semester 2 runs from here to the grade's end date. */
  semester2Start: isoDateSchema,
  endDates: endDatesSchema,
  holidays: z.array(holidayPeriodSchema),
  /**
   * The regulation lets each school choose one extra week for grade 1 in semester 2. National data leaves it
   * null; a municipality may set it for all its schools here, a single school via `schoolClosures`.
   */
  grade1ExtraWeek: dateRangeSchema.nullable(),
  /** Extra national days off not covered by the public-holiday law (rare; e.g. one-off legislated days). */
  extraDaysOff: z.array(dayOffSchema).default([]),
  /** True when the dates are not yet confirmed against the official regulation text. */
  provisional: z.boolean(),
  /** Where the dates come from; shown to the municipality when it reviews the calendar. */
  source: z.string().min(1),
});

type CalendarShape = z.output<typeof schoolYearCalendarObject>;

/** Cross-field rules: the ordering the regulations always follow. Exported for editors that want messages. */
export function schoolYearCalendarIssues(cal: CalendarShape): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const lastEnd = [cal.endDates.standard, cal.endDates.grade9, cal.endDates.grade12].sort().at(-1) ?? cal.start;
  if (cal.start.slice(0, 4) !== cal.schoolYear.slice(0, 4)) {
    issues.push({ path: ["start"], message: `start must fall in ${cal.schoolYear.slice(0, 4)}` });
  }
  if (cal.semester1.start !== cal.start) {
    issues.push({ path: ["semester1", "start"], message: "semester 1 must start on the school-year start" });
  }
  if (cal.semester2Start <= cal.semester1.end) {
    issues.push({ path: ["semester2Start"], message: "semester 2 must start after semester 1 ends" });
  }
  for (const key of ["standard", "grade9", "grade12"] as const) {
    if (cal.endDates[key] < cal.semester2Start) {
      issues.push({ path: ["endDates", key], message: "end date must not be before semester 2 starts" });
    }
  }
  cal.holidays.forEach((h, i) => {
    if (h.start < cal.start || h.end > lastEnd) {
      issues.push({ path: ["holidays", i], message: "holiday must lie within the school year" });
    }
  });
  if (cal.grade1ExtraWeek) {
    const week = cal.grade1ExtraWeek;
    if (week.start < cal.semester2Start || week.end > cal.endDates.standard) {
      issues.push({ path: ["grade1ExtraWeek"], message: "the grade-1 extra week belongs to semester 2" });
    }
  }
  cal.extraDaysOff.forEach((d, i) => {
    if (d.date < cal.start || d.date > lastEnd) {
      issues.push({ path: ["extraDaysOff", i, "date"], message: "day off must lie within the school year" });
    }
  });
  return issues;
}

export const schoolYearCalendarSchema = schoolYearCalendarObject.superRefine((cal, ctx) => {
  for (const issue of schoolYearCalendarIssues(cal)) ctx.addIssue({ code: "custom", ...issue });
});
export type SchoolYearCalendar = z.output<typeof schoolYearCalendarSchema>;
export type SchoolYearCalendarInput = z.input<typeof schoolYearCalendarSchema>;

/** A closure decided by one or more schools (repairs, quarantine, a school's grade-1 extra week). */
export const schoolClosureSchema = z
  .object({
    schoolIds: z.array(z.string().min(1)).min(1),
    start: isoDateSchema,
    end: isoDateSchema,
    /** Without `grades` the closure applies to every grade of those schools, pre-school included. */
    grades: z.array(gradeSchema).min(1).optional(),
    reasonLv: z.string().min(1),
    reasonEn: z.string().min(1).optional(),
  })
  .refine((c) => c.start <= c.end, { error: "start must not be after end", path: ["end"] });
export type SchoolClosure = z.output<typeof schoolClosureSchema>;

/** Per-municipality additions on top of the national calendars and public holidays. */
export const municipalityCalendarOverridesSchema = z.object({
  /** Municipality-wide single days off (e.g. a municipal event day). */
  extraDaysOff: z.array(dayOffSchema).default([]),
  /** Municipality-wide extra holiday periods; treated like school holidays (see the header for pre-school). */
  extraHolidays: z.array(holidayPeriodSchema).default([]),
  /** Closures that apply only when the context names one of the schools. */
  schoolClosures: z.array(schoolClosureSchema).default([]),
  /** When true, pre-school (grade 0) follows the general-education holidays and semester break. */
  preschoolFollowsSchoolHolidays: z.boolean().default(false),
});
export type MunicipalityCalendarOverrides = z.output<typeof municipalityCalendarOverridesSchema>;
export type MunicipalityCalendarOverridesInput = z.input<typeof municipalityCalendarOverridesSchema>;
