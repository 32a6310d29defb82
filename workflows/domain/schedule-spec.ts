/**
 * Calendar specs for scheduled jobs ("every weekday at 08:00 Riga time", "on the 1st of each month at
 * 06:30") and the pure function that finds the next time one fires. Scheduled jobs are long-running
 * workflows that sleep until `nextFireTime(spec, now)` (see workflows/scheduled-job.ts) instead of Temporal
 * Schedules, so they run identically on a real cluster and on the offline test server.
 *
 * Pure: no clock reads (`now` is an argument), no Node built-ins; safe inside the workflow sandbox.
 * Europe/Riga daylight saving is handled by riga-time.ts: a wall time skipped by the spring-forward change
 * (03:00–03:59 on the last Sunday of March) fires an hour later that night; a wall time that occurs twice at
 * the autumn change fires once.
 */
import { fromDayNumber, isoWeekday, toDayNumber } from "./calendar/iso-date.js";
import { rigaDateOf, rigaInstantAt } from "./calendar/riga-time.js";

export interface CalendarSpec {
  /** 1–12; empty or absent: every month. */
  months?: number[];
  /** 1–31; empty or absent: every day. A day a month lacks (e.g. 31 in April) is skipped that month. */
  daysOfMonth?: number[];
  /** ISO weekdays 1 (Monday) – 7 (Sunday); empty or absent: every weekday. Combined with daysOfMonth by AND. */
  daysOfWeek?: number[];
  /** 0–23, Riga local time. */
  hours: number[];
  /** 0–59; absent: [0]. */
  minutes?: number[];
}

/** Far enough to find 29 February of the next leap year (up to 8 years away across a century). */
const SEARCH_DAYS = 366 * 8 + 2;

function checkList(name: string, values: number[] | undefined, min: number, max: number): void {
  for (const v of values ?? []) {
    if (!Number.isInteger(v) || v < min || v > max)
      throw new RangeError(`${name} must be integers ${min}–${max}, got ${v}`);
  }
}

export function validateCalendarSpec(spec: CalendarSpec): void {
  checkList("months", spec.months, 1, 12);
  checkList("daysOfMonth", spec.daysOfMonth, 1, 31);
  checkList("daysOfWeek", spec.daysOfWeek, 1, 7);
  checkList("hours", spec.hours, 0, 23);
  checkList("minutes", spec.minutes, 0, 59);
  if (spec.hours.length === 0) throw new RangeError("hours must name at least one hour");
}

const matches = (list: number[] | undefined, value: number) => !list?.length || list.includes(value);

/** The first instant strictly after `now` at which `spec` fires. */
export function nextFireTime(spec: CalendarSpec, now: Date): Date {
  validateCalendarSpec(spec);
  if (Number.isNaN(now.getTime())) throw new RangeError("Invalid Date");
  const times = spec.hours
    .flatMap((h) => (spec.minutes?.length ? spec.minutes : [0]).map((m) => [h, m] as const))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Start a day early: "today" in Riga may begin before `now`'s UTC date.
  const first = toDayNumber(rigaDateOf(now)) - 1;
  for (let day = first; day <= first + SEARCH_DAYS; day++) {
    const date = fromDayNumber(day);
    const [, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
    const weekday = isoWeekday(date);
    if (!matches(spec.months, month) || !matches(spec.daysOfMonth, dayOfMonth) || !matches(spec.daysOfWeek, weekday))
      continue;
    for (const [hour, minute] of times) {
      const at = rigaInstantAt(date, hour, minute);
      if (at.getTime() > now.getTime()) return at;
    }
  }
  throw new RangeError("calendar spec never fires");
}
