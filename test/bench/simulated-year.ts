// Builders for the simulated school years of the benchmarks: the 2025/26 school days of the national calendar and
// scenarios in the simulator's contract, generated rather than written by hand.
import {
  NATIONAL_SCHOOL_YEARS,
  addCalendarDays,
  isSchoolDay,
  type Grade,
  type IsoDate,
} from "../../workflows/domain/calendar/index.js";

export const YEAR = { first: "2025-09-01" as IsoDate, last: "2026-05-29" as IsoDate };

/** School days of 2025/26 for a grade, in order. */
export function schoolDays(grade: Grade): IsoDate[] {
  const days: IsoDate[] = [];
  const year = NATIONAL_SCHOOL_YEARS.find((c) => c.schoolYear === "2025/26")!;
  for (let day = YEAR.first; day <= YEAR.last; day = addCalendarDays(day, 1))
    if (isSchoolDay(day, { calendars: [year], grade })) days.push(day);
  return days;
}

/** Which semester of 2025/26 a school day is in. */
export const semesterOf = (day: IsoDate): 1 | 2 => (day <= "2025-12-19" ? 1 : 2);

export function rssNow(): number {
  return process.memoryUsage().rss;
}
