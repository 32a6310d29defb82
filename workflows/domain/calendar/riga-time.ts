/**
 * Bridges between instants (what Temporal timers and `workflow.now` deal in) and local Latvian dates (what
 * school calendars deal in). Europe/Riga is UTC+2, and UTC+3 from the last Sunday of March to the last Sunday
 * of October; @date-fns/tz applies that from the runtime's time-zone data.
 *
 * Workflows must pass their own deterministic `now` (e.g. `new Date(Date.now())` inside the workflow sandbox,
 * which Temporal replays deterministically); nothing here reads the clock.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
import { isoDateOf, toDayNumber, fromDayNumber } from "./iso-date.js";
import type { IsoDate } from "./types.js";

export const RIGA_TIME_ZONE = "Europe/Riga";

/** Default hour for "by the end of the school day" deadlines; lessons in Latvia end well before 17:00. */
export const DEFAULT_END_OF_SCHOOL_DAY_HOUR = 17;

/**
 * The Riga calendar date of an instant. Computed from the zone's offset rather than a TZDate's getters: inside
 * Temporal's workflow sandbox (where Date is replaced) those getters answered in UTC, so a report at 00:30 in Riga
 * was dated the day before (test/calendar-sandbox proves the fix in a real workflow).
 */
export function rigaDateOf(instant: Date): IsoDate {
  assertValid(instant);
  const local = new Date(instant.getTime() + tzOffset(RIGA_TIME_ZONE, instant) * 60_000);
  return isoDateOf(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/**
 * The instant at `hour:minute` Riga time on `date`. A wall time skipped by the spring-forward change
 * (03:00–03:59 on the last Sunday of March) resolves to the hour after it, as @date-fns/tz does.
 */
export function rigaInstantAt(date: IsoDate, hour: number, minute = 0): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour must be 0–23, got ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`minute must be 0–59, got ${minute}`);
  }
  // Round-trip through the day number so an invalid IsoDate fails loudly instead of rolling over.
  const normalised = fromDayNumber(toDayNumber(date));
  if (normalised !== date) throw new RangeError(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, 0, RIGA_TIME_ZONE).getTime());
}

/** Deadline instant for "by the end of school day `date`" (17:00 Riga time unless told otherwise). */
export function rigaEndOfSchoolDay(date: IsoDate, hour: number = DEFAULT_END_OF_SCHOOL_DAY_HOUR): Date {
  return rigaInstantAt(date, hour);
}

/** Midnight at the start of `date` in Riga, e.g. to schedule a job "on" a date. */
export function rigaStartOfDay(date: IsoDate): Date {
  return rigaInstantAt(date, 0);
}

function assertValid(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
}
