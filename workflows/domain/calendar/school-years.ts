/**
 * National school-year calendars (general education), the defaults a municipality starts from and may edit.
 *
 * Sources:
 *   - 2024/25 and 2025/26: from school extracts and press items
 *     about the Cabinet regulations (MK No. 698 of 5 Dec 2023; the 2025/26 one approved 17 Dec 2024).
 *   - 2026/27: not in the project sources. Press reports of the regulation the Cabinet approved on
 *     16 Dec 2025 (rus.jauns.lv 2025-12-16; press.lv/LETA 2025-12-23) give the dates below. They match the
 *     usual pattern (§3.2: first weekday of September; autumn week containing 24 Oct; two winter weeks from
 *     the Monday of the week of 26 Dec; spring week containing 13 Mar; grades 1–8/10–11 end on 31 May or the
 *     Friday before) except grades 9 and 12, which the pattern alone would have put on 14 and 21 June.
 *     Still marked provisional until someone checks the regulation on likumi.lv.
 */
import type { SchoolYearCalendar } from "./types.js";

export const SCHOOL_YEAR_2024_25: SchoolYearCalendar = {
  schoolYear: "2024/25",
  // 1 Sep 2024 was a Sunday; the regulation extract says 2 Sep (press items saying "1 September" are wrong).
  start: "2024-09-02",
  semester1: { start: "2024-09-02", end: "2024-12-20" },
  semester2Start: "2025-01-06",
  endDates: { standard: "2025-05-30", grade9: "2025-06-13", grade12: "2025-06-20" },
  holidays: [
    { kind: "autumn", start: "2024-10-21", end: "2024-10-27", nameLv: "Rudens brīvdienas" },
    { kind: "winter", start: "2024-12-23", end: "2025-01-05", nameLv: "Ziemas brīvdienas" },
    { kind: "spring", start: "2025-03-10", end: "2025-03-16", nameLv: "Pavasara brīvdienas" },
  ],
  grade1ExtraWeek: null,
  extraDaysOff: [],
  provisional: false,
  source:
    "MK noteikumi Nr. 698 (05.12.2023.) par 2024./2025. mācību gadu, pēc skolu publicētiem izrakstiem " +
    "(sekundārs avots).",
};

export const SCHOOL_YEAR_2025_26: SchoolYearCalendar = {
  schoolYear: "2025/26",
  start: "2025-09-01",
  semester1: { start: "2025-09-01", end: "2025-12-19" },
  semester2Start: "2026-01-05",
  // Grade 12: one press item says both "29. jūnijā" and "līdz 19. jūnijam"; 19 Jun (a Friday, one week after
  // grade 9 as in other years) is taken as correct, 29 Jun as a typo.
  endDates: { standard: "2026-05-29", grade9: "2026-06-12", grade12: "2026-06-19" },
  holidays: [
    { kind: "autumn", start: "2025-10-20", end: "2025-10-24", nameLv: "Rudens brīvdienas" },
    { kind: "winter", start: "2025-12-22", end: "2026-01-02", nameLv: "Ziemas brīvdienas" },
    { kind: "spring", start: "2026-03-09", end: "2026-03-13", nameLv: "Pavasara brīvdienas" },
  ],
  grade1ExtraWeek: null,
  extraDaysOff: [],
  provisional: false,
  source:
    "MK noteikumi par 2025./2026. mācību gadu (apstiprināti 17.12.2024.), pēc preses ziņām " + "(sekundārs avots).",
};

export const SCHOOL_YEAR_2026_27: SchoolYearCalendar = {
  schoolYear: "2026/27",
  start: "2026-09-01",
  semester1: { start: "2026-09-01", end: "2026-12-18" },
  semester2Start: "2027-01-04",
  endDates: { standard: "2027-05-31", grade9: "2027-06-11", grade12: "2027-06-18" },
  holidays: [
    { kind: "autumn", start: "2026-10-19", end: "2026-10-23", nameLv: "Rudens brīvdienas" },
    { kind: "winter", start: "2026-12-21", end: "2027-01-01", nameLv: "Ziemas brīvdienas" },
    { kind: "spring", start: "2027-03-08", end: "2027-03-12", nameLv: "Pavasara brīvdienas" },
  ],
  grade1ExtraWeek: null,
  extraDaysOff: [],
  provisional: true,
  source:
    "Nav projekta avotos. Datumi no preses ziņām par MK 16.12.2025. apstiprinātajiem noteikumiem " +
    "(rus.jauns.lv, press.lv/LETA); sakrīt ar ierasto shēmu, izņemot 9. un 12. klases beigas. " +
    "Pašvaldībai jāpārbauda likumi.lv un jāapstiprina vai jālabo.",
};

/** Oldest first. Callers normally load the municipality's edited copies from the database instead. */
export const NATIONAL_SCHOOL_YEARS: readonly SchoolYearCalendar[] = [
  SCHOOL_YEAR_2024_25,
  SCHOOL_YEAR_2025_26,
  SCHOOL_YEAR_2026_27,
];
