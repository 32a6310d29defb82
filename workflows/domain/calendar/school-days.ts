/**
 * School-day arithmetic for deadlines and absence counters (MK 89 counts lessons per semester and pre-school
 * absences in school days).
 *
 * A school day for a learner of grade G is a Monday–Friday that lies in one of G's semesters and is not:
 * a public holiday or transferred day off, a school holiday period that applies to G, the grade-1 extra week
 * (grade 1 only), a national or municipal extra day off, or a closure of the learner's school. This is the
 * project's working definition (docs/domain.md §8); there is no statutory one. Pre-school
 * (grade 0) rules are described in types.ts.
 *
 * Semantics, chosen so the functions agree with each other:
 *   - schoolDaysBetween(from, to) counts school days d with from < d ≤ to (exclusive start, inclusive end),
 *     and is negative when to < from: schoolDaysBetween(a, b) === -schoolDaysBetween(b, a).
 *   - addSchoolDays(date, n) with n ≥ 1 is the n-th school day strictly after `date`, so
 *     schoolDaysBetween(date, addSchoolDays(date, n)) === n. With n = 0 it is `date` itself when that is a
 *     school day, else the next school day ("by the end of the same school day" deadlines).
 *   - Dates beyond the calendars given are unknown, not "no school": addSchoolDays and schoolDaysBetween
 *     throw a RangeError rather than guess; isSchoolDay answers false (no known term covers the date). A
 *     context with `beyondCoverage: "WORKING_DAYS"` counts working days there instead (two years either side),
 *     for deadlines that must have a date even when next year's calendar is not loaded yet.
 *
 * Pure and deterministic. The compiled day list is memoised per context object (WeakMap), so build one
 * context and reuse it in loops; treat contexts and calendars as immutable once used.
 */
import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from "./iso-date.js";
import { publicDaysOff } from "./public-holidays.js";
import type {
  DayOff,
  Grade,
  HolidayPeriod,
  IsoDate,
  MunicipalityCalendarOverrides,
  SchoolYearCalendar,
} from "./types.js";

export interface SchoolDayContext {
  /** Consecutive school years, any order; usually the municipality's edited calendars. */
  calendars: readonly SchoolYearCalendar[];
  grade: Grade;
  overrides?: MunicipalityCalendarOverrides;
  /** The learner's school, to apply its closures. Without it only municipality-wide rules apply. */
  schoolId?: string;
  /** Festival closing days for the public-holiday computation; defaults to the known ones. */
  songFestivalClosingDays?: readonly IsoDate[];
  /**
   * Outside the calendars given: "THROW" (the default) refuses to guess; "WORKING_DAYS" counts Latvian working
   * days there (Mon–Fri, no public holiday), so a deadline past the last loaded school year still has a date. The
   * workflow uses it and tells the municipal specialist that a calendar is missing (`beyondKnownCalendar`).
   */
  beyondCoverage?: "THROW" | "WORKING_DAYS";
}

/** Years of working days assumed on each side of the calendars when `beyondCoverage` is "WORKING_DAYS". */
const WORKING_DAY_MARGIN_DAYS = 2 * 366;

export interface SemesterInfo {
  schoolYear: string;
  semester: 1 | 2;
  /** First and last calendar day of the semester for this grade (inclusive). */
  start: IsoDate;
  end: IsoDate;
}

export function isSchoolDay(date: IsoDate, ctx: SchoolDayContext): boolean {
  return compile(ctx).set.has(toDayNumber(date));
}

/** See the module header: n-th school day strictly after `date`; n = 0 rolls forward to a school day. */
export function addSchoolDays(date: IsoDate, n: number, ctx: SchoolDayContext): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const compiled = compile(ctx);
  const day = toDayNumber(date);
  assertCovered(compiled, day, day);
  const { days, set } = compiled;
  const countUpTo = upperBound(days, day);
  const index = n === 0 ? (set.has(day) ? countUpTo - 1 : countUpTo) : countUpTo + n - 1;
  const result = days[index];
  if (result === undefined) {
    throw new RangeError(
      `No school calendar covers the ${n === 0 ? "next" : `${n}th`} school day after ${date}; ` +
        `known calendars end on ${fromDayNumber(compiled.coverageEnd)}`,
    );
  }
  return fromDayNumber(result);
}

/** School days d with from < d ≤ to; negative when to < from. */
export function schoolDaysBetween(from: IsoDate, to: IsoDate, ctx: SchoolDayContext): number {
  const compiled = compile(ctx);
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -schoolDaysBetween(to, from, ctx);
  assertCovered(compiled, a, b);
  return upperBound(compiled.days, b) - upperBound(compiled.days, a);
}

/** First and last day the given calendars describe (the latest grade end date); never the working-day margin. */
export function calendarCoverage(ctx: SchoolDayContext): { start: IsoDate; end: IsoDate } {
  const { knownStart, knownEnd } = compile(ctx);
  return { start: fromDayNumber(knownStart), end: fromDayNumber(knownEnd) };
}

/** True when `date` lies outside the calendars given, so a count reaching it used working days (MK89 calendar gap). */
export function beyondKnownCalendar(date: IsoDate, ctx: SchoolDayContext): boolean {
  const { knownStart, knownEnd } = compile(ctx);
  const day = toDayNumber(date);
  return day < knownStart || day > knownEnd;
}

/**
 * The semester `date` falls in for `grade`, or null outside term (summer, the winter break between semesters,
 * or a date no calendar covers). Weekends and holidays inside a semester still belong to it.
 */
export function semesterOf(
  date: IsoDate,
  grade: Grade,
  calendars: readonly SchoolYearCalendar[],
  overrides?: Pick<MunicipalityCalendarOverrides, "preschoolFollowsSchoolHolidays">,
): SemesterInfo | null {
  const followsHolidays = overrides?.preschoolFollowsSchoolHolidays ?? false;
  for (const cal of calendars) {
    for (const term of semestersFor(cal, grade, followsHolidays)) {
      if (term.start <= date && date <= term.end) return term;
    }
  }
  return null;
}

/** Semester boundaries for a grade; see types.ts for why pre-school has no break between semesters. */
export function semestersFor(
  cal: SchoolYearCalendar,
  grade: Grade,
  preschoolFollowsSchoolHolidays = false,
): [SemesterInfo, SemesterInfo] {
  const continuousTerm = grade === 0 && !preschoolFollowsSchoolHolidays;
  const semester1End = continuousTerm ? fromDayNumber(toDayNumber(cal.semester2Start) - 1) : cal.semester1.end;
  return [
    { schoolYear: cal.schoolYear, semester: 1, start: cal.semester1.start, end: semester1End },
    { schoolYear: cal.schoolYear, semester: 2, start: cal.semester2Start, end: endDateFor(cal, grade) },
  ];
}

export function endDateFor(cal: SchoolYearCalendar, grade: Grade): IsoDate {
  if (grade === 9) return cal.endDates.grade9;
  if (grade === 12) return cal.endDates.grade12;
  return cal.endDates.standard;
}

// ─── compilation ───────────────────────────────────────────────────────────────────────────────────────────

interface Compiled {
  /** Sorted day numbers of every school day in the covered years (and the working-day margin, if asked). */
  days: number[];
  set: Set<number>;
  coverageStart: number;
  coverageEnd: number;
  /** What the calendars themselves describe. */
  knownStart: number;
  knownEnd: number;
}

const cache = new WeakMap<SchoolDayContext, Compiled>();

function compile(ctx: SchoolDayContext): Compiled {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const compiled = build(ctx);
  cache.set(ctx, compiled);
  return compiled;
}

function build(ctx: SchoolDayContext): Compiled {
  const calendars = [...ctx.calendars].sort((x, y) => (x.start < y.start ? -1 : 1));
  assertConsecutive(calendars);
  const first = calendars[0];
  const last = calendars.at(-1);
  if (!first || !last) throw new RangeError("At least one school-year calendar is required");

  const { grade, overrides, schoolId } = ctx;
  const followsHolidays = overrides?.preschoolFollowsSchoolHolidays ?? false;
  const daysOff = new Set<number>();
  const addRange = (start: IsoDate, end: IsoDate) => {
    for (let d = toDayNumber(start), e = toDayNumber(end); d <= e; d++) daysOff.add(d);
  };
  const holidayApplies = (h: HolidayPeriod) => (h.grades ? h.grades.includes(grade) : grade !== 0 || followsHolidays);
  const dayOffApplies = (d: DayOff) => !d.grades || d.grades.includes(grade);

  const coverageStart = toDayNumber(first.start);
  const coverageEnd = Math.max(...calendars.map((c) => toDayNumber(lastEndDate(c))));
  const holidayOpts = ctx.songFestivalClosingDays ? { songFestivalClosingDays: ctx.songFestivalClosingDays } : {};
  for (let year = Number(first.start.slice(0, 4)); year <= Number(fromDayNumber(coverageEnd).slice(0, 4)); year++) {
    for (const date of publicDaysOff(year, holidayOpts)) daysOff.add(toDayNumber(date));
  }

  for (const cal of calendars) {
    for (const h of cal.holidays) if (holidayApplies(h)) addRange(h.start, h.end);
    if (cal.grade1ExtraWeek && grade === 1) addRange(cal.grade1ExtraWeek.start, cal.grade1ExtraWeek.end);
    for (const d of cal.extraDaysOff) if (dayOffApplies(d)) daysOff.add(toDayNumber(d.date));
  }
  if (overrides) {
    for (const h of overrides.extraHolidays) if (holidayApplies(h)) addRange(h.start, h.end);
    for (const d of overrides.extraDaysOff) if (dayOffApplies(d)) daysOff.add(toDayNumber(d.date));
    for (const c of overrides.schoolClosures) {
      const forThisSchool = schoolId !== undefined && c.schoolIds.includes(schoolId);
      if (forThisSchool && (!c.grades || c.grades.includes(grade))) addRange(c.start, c.end);
    }
  }

  const days: number[] = [];
  for (const cal of calendars) {
    for (const term of semestersFor(cal, grade, followsHolidays)) {
      for (let d = toDayNumber(term.start), e = toDayNumber(term.end); d <= e; d++) {
        if (weekdayOfDayNumber(d) < 6 && !daysOff.has(d)) days.push(d);
      }
    }
  }
  if (ctx.beyondCoverage !== "WORKING_DAYS") {
    return { days, set: new Set(days), coverageStart, coverageEnd, knownStart: coverageStart, knownEnd: coverageEnd };
  }
  const isWorking = (d: number) => weekdayOfDayNumber(d) < 6 && !publicDayOff(d, holidayOpts);
  const before: number[] = [];
  for (let d = coverageStart - WORKING_DAY_MARGIN_DAYS; d < coverageStart; d++) if (isWorking(d)) before.push(d);
  const afterEnd: number[] = [];
  for (let d = coverageEnd + 1; d <= coverageEnd + WORKING_DAY_MARGIN_DAYS; d++) if (isWorking(d)) afterEnd.push(d);
  const all = [...before, ...days, ...afterEnd];
  return {
    days: all,
    set: new Set(all),
    coverageStart: coverageStart - WORKING_DAY_MARGIN_DAYS,
    coverageEnd: coverageEnd + WORKING_DAY_MARGIN_DAYS,
    knownStart: coverageStart,
    knownEnd: coverageEnd,
  };
}

const publicDaysOffByYear = new Map<string, Set<number>>();
function publicDayOff(day: number, opts: { songFestivalClosingDays?: readonly IsoDate[] }): boolean {
  const year = Number(fromDayNumber(day).slice(0, 4));
  const key = `${year}:${(opts.songFestivalClosingDays ?? []).join(",")}`;
  let set = publicDaysOffByYear.get(key);
  if (!set) publicDaysOffByYear.set(key, (set = new Set([...publicDaysOff(year, opts)].map(toDayNumber))));
  return set.has(day);
}

function lastEndDate(cal: SchoolYearCalendar): IsoDate {
  const { standard, grade9, grade12 } = cal.endDates;
  return [standard, grade9, grade12].reduce((a, b) => (a > b ? a : b));
}

/** A missing year in the middle would silently count as "no school", so refuse gaps and overlaps. */
function assertConsecutive(sorted: readonly SchoolYearCalendar[]): void {
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (!prev || !next) continue;
    if (Number(next.schoolYear.slice(0, 4)) !== Number(prev.schoolYear.slice(0, 4)) + 1) {
      throw new RangeError(`School-year calendars must be consecutive: ${prev.schoolYear} then ${next.schoolYear}`);
    }
    if (next.start <= lastEndDate(prev)) {
      throw new RangeError(`School years ${prev.schoolYear} and ${next.schoolYear} overlap`);
    }
  }
}

/** The interval (from, to] must be described by the calendars: from ≥ day before coverage, to ≤ coverage end. */
function assertCovered(compiled: Compiled, from: number, to: number): void {
  if (from < compiled.coverageStart - 1 || to > compiled.coverageEnd) {
    throw new RangeError(
      `Dates ${fromDayNumber(from)}..${fromDayNumber(to)} are outside the school calendars given ` +
        `(${fromDayNumber(compiled.coverageStart)}..${fromDayNumber(compiled.coverageEnd)})`,
    );
  }
}

/** Number of elements ≤ value in a sorted array. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
