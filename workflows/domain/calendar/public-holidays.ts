/**
 * Latvian public holidays (svētku dienas) for any Gregorian year, computed rather than listed so that
 * workflows never run out of data.
 *
 * Source: law "Par svētku, atceres un atzīmējamām dienām" Art. 1, including the transfer rule: "Ja svētku dienas — 4.maijs,
 * Vispārējo latviešu Dziesmu un deju svētku noslēguma diena un 18.novembris — iekrīt sestdienā vai
 * svētdienā, nākamo darbdienu nosaka par brīvdienu."
 *
 * Not covered, on purpose:
 *   - Cabinet orders that move single working days to Saturdays (Darba likums Art. 133(4)). They concern
 *     budget institutions' working time, not the school calendar; model them as overrides if ever needed.
 *   - One-off holidays legislated ad hoc; add them to a calendar's `extraDaysOff`.
 */
import { addCalendarDays, fromDayNumber, isoDateOf, isoWeekday, toDayNumber } from "./iso-date.js";
import type { IsoDate } from "./types.js";

export type PublicHolidayKey =
  | "newYear"
  | "goodFriday"
  | "easterSunday"
  | "easterMonday"
  | "labourDay"
  | "independenceRestoration"
  | "mothersDay"
  | "pentecost"
  | "ligo"
  | "midsummer"
  | "songFestivalClosing"
  | "proclamation"
  | "christmasEve"
  | "christmas"
  | "secondChristmas"
  | "newYearsEve";

export interface PublicHoliday {
  date: IsoDate;
  key: PublicHolidayKey;
  nameLv: string;
  nameEn: string;
  /** True for the working day given off because the holiday itself fell on a weekend. */
  isTransfer: boolean;
  /** For a transfer, the holiday it replaces; otherwise null. */
  transferredFrom: IsoDate | null;
}

/**
 * Closing days of the general Latvian Song and Dance Festival (every 5 years). The holiday exists since the
 * 2 Oct 2014 amendment. 2023: 9 Jul (Sunday) → 10 Jul off, as the law's transfer rule gives.
 * 2018: the XXVI festival closed on Sunday 8 Jul (press, not in the project sources). The school youth festival
 * (e.g. 2025) is a different event and not a public holiday. Pass the next date (2028) once it is announced.
 */
export const KNOWN_SONG_FESTIVAL_CLOSING_DAYS: readonly IsoDate[] = ["2018-07-08", "2023-07-09"];

export interface PublicHolidayOptions {
  /** Festival closing days to consider; defaults to KNOWN_SONG_FESTIVAL_CLOSING_DAYS. */
  songFestivalClosingDays?: readonly IsoDate[];
}

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(year, month, day);
}

type Entry = Omit<PublicHoliday, "isTransfer" | "transferredFrom">;

/** Holidays whose weekend occurrence moves the day off to the next working day. */
const TRANSFERABLE = new Set<PublicHolidayKey>(["independenceRestoration", "proclamation", "songFestivalClosing"]);

/** All public holidays of `year`, plus the transferred days off, sorted by date. */
export function publicHolidays(year: number, opts: PublicHolidayOptions = {}): PublicHoliday[] {
  assertYear(year);
  const easter = easterSunday(year);
  const festivalDays = (opts.songFestivalClosingDays ?? KNOWN_SONG_FESTIVAL_CLOSING_DAYS).filter(
    (d) => Number(d.slice(0, 4)) === year,
  );
  const on = (month: number, day: number) => isoDateOf(year, month, day);

  const holidays: Entry[] = [
    { date: on(1, 1), key: "newYear", nameLv: "Jaungada diena", nameEn: "New Year's Day" },
    { date: addCalendarDays(easter, -2), key: "goodFriday", nameLv: "Lielā Piektdiena", nameEn: "Good Friday" },
    { date: easter, key: "easterSunday", nameLv: "Pirmās Lieldienas", nameEn: "Easter Sunday" },
    { date: addCalendarDays(easter, 1), key: "easterMonday", nameLv: "Otrās Lieldienas", nameEn: "Easter Monday" },
    {
      date: on(5, 1),
      key: "labourDay",
      nameLv: "Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena",
      nameEn: "Labour Day; Convocation of the Constituent Assembly",
    },
    {
      date: on(5, 4),
      key: "independenceRestoration",
      nameLv: "Latvijas Republikas Neatkarības atjaunošanas diena",
      nameEn: "Restoration of Independence Day",
    },
    { date: nthSundayOfMay(year, 2), key: "mothersDay", nameLv: "Mātes diena", nameEn: "Mother's Day" },
    { date: addCalendarDays(easter, 49), key: "pentecost", nameLv: "Vasarsvētki", nameEn: "Pentecost" },
    { date: on(6, 23), key: "ligo", nameLv: "Līgo diena", nameEn: "Midsummer Eve (Līgo)" },
    { date: on(6, 24), key: "midsummer", nameLv: "Jāņu diena", nameEn: "Midsummer Day (Jāņi)" },
    ...festivalDays.map((date): Entry => ({
      date,
      key: "songFestivalClosing",
      nameLv: "Vispārējo latviešu Dziesmu un deju svētku noslēguma diena",
      nameEn: "Closing day of the Latvian Song and Dance Festival",
    })),
    {
      date: on(11, 18),
      key: "proclamation",
      nameLv: "Latvijas Republikas proklamēšanas diena",
      nameEn: "Proclamation Day of the Republic of Latvia",
    },
    { date: on(12, 24), key: "christmasEve", nameLv: "Ziemassvētku vakars", nameEn: "Christmas Eve" },
    { date: on(12, 25), key: "christmas", nameLv: "Pirmie Ziemassvētki", nameEn: "Christmas Day" },
    { date: on(12, 26), key: "secondChristmas", nameLv: "Otrie Ziemassvētki", nameEn: "Second Day of Christmas" },
    { date: on(12, 31), key: "newYearsEve", nameLv: "Vecgada diena", nameEn: "New Year's Eve" },
  ];

  const result: PublicHoliday[] = holidays.map((h) => ({ ...h, isTransfer: false, transferredFrom: null }));
  const taken = new Set<IsoDate>(holidays.map((h) => h.date));
  for (const h of holidays) {
    if (!TRANSFERABLE.has(h.key) || isoWeekday(h.date) < 6) continue;
    const dayOff = nextWorkingDay(h.date, taken);
    taken.add(dayOff);
    result.push({
      date: dayOff,
      key: h.key,
      nameLv: `${h.nameLv} (pārceltā brīvdiena)`,
      nameEn: `${h.nameEn} (day off moved from the weekend)`,
      isTransfer: true,
      transferredFrom: h.date,
    });
  }
  return result.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * Dates on which nobody works because of the holiday law: every holiday and transfer of `year`. Weekend
 * holidays are included too; callers already treat weekends as days off.
 */
export function publicDaysOff(year: number, opts: PublicHolidayOptions = {}): Set<IsoDate> {
  return new Set(publicHolidays(year, opts).map((h) => h.date));
}

/** Monday–Friday and not a public holiday or transfer: a Latvian working day (darbdiena). */
export function isWorkingDay(date: IsoDate, opts: PublicHolidayOptions = {}): boolean {
  return isoWeekday(date) < 6 && !publicDaysOff(Number(date.slice(0, 4)), opts).has(date);
}

function nextWorkingDay(date: IsoDate, taken: ReadonlySet<IsoDate>): IsoDate {
  let day = toDayNumber(date) + 1;
  for (;;) {
    const candidate = fromDayNumber(day);
    if (isoWeekday(candidate) < 6 && !taken.has(candidate)) return candidate;
    day += 1;
  }
}

function nthSundayOfMay(year: number, n: number): IsoDate {
  const first = isoDateOf(year, 5, 1);
  const toSunday = (7 - isoWeekday(first)) % 7;
  return addCalendarDays(first, toSunday + 7 * (n - 1));
}

function assertYear(year: number): void {
  // The Gregorian computus is valid from 1583; four-digit years keep IsoDate well-formed.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Year out of range for the Latvian holiday calendar: ${year}`);
  }
}
