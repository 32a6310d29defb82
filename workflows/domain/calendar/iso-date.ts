/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' strings.
 *
 * A school day is a local Latvian date, not an instant, so dates never pass through a `Date` in local
 * time. Internally a date becomes a "day number" (days since 1970-01-01) via UTC-midnight maths, which has
 * no time zone and no DST. Pure: no clock reads, safe inside Temporal workflows.
 */
import type { IsoDate } from "./types.js";

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** True for a real calendar date written exactly as YYYY-MM-DD (rejects 2025-02-29, 2025-1-5). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999, so compare the year too.
  return back.getUTCFullYear() === Number(y) && back.getUTCMonth() === Number(m) - 1 && back.getUTCDate() === Number(d);
}

/** Narrows a string to IsoDate or throws; use at edges (parsed input, test fixtures). */
export function asIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  return value;
}

/** Builds a date from numeric parts (month 1–12). */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY));
}

/** Days since 1970-01-01 (negative before). Assumes a valid IsoDate. */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
  const [, y, m, d] = match;
  return Math.round(Date.UTC(Number(y), Number(m) - 1, Number(d)) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}` as IsoDate;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday of a day number; 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** Negative, zero or positive like a comparator. Zero-padded ISO dates sort lexicographically. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
