// Which semester `/pmp status` is about: the one typed ("2025/26-1", or "1"/"2" of the current school year), or
// the current one. Pure; dates are read in Europe/Riga.

import { TZDate } from "@date-fns/tz";

export interface SchoolSemester {
  schoolYear: string;
  semester: 1 | 2;
}

/** "2025/26" for a school year starting in 2025. */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * The semester a day belongs to for reporting: September–December is semester 1 of the school year starting that
 * autumn; January–August semester 2 of the one that started the autumn before (the summer reads as the end of
 * semester 2, whose figures are then final). Exact term dates do not matter here: figures are kept per semester.
 */
export function currentSemester(now: Date): SchoolSemester {
  const riga = new TZDate(now, "Europe/Riga");
  const year = riga.getFullYear();
  return riga.getMonth() >= 8
    ? { schoolYear: schoolYearLabel(year), semester: 1 }
    : { schoolYear: schoolYearLabel(year - 1), semester: 2 };
}

const SCHOOL_YEAR = /^(\d{4})\/(\d{2})$/;

/** A school year as typed ("2025/26"), checked that the two years follow each other; null otherwise. */
export function parseSchoolYear(text: string): string | null {
  const match = SCHOOL_YEAR.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? schoolYearLabel(start) : null;
}

/** "2025/26-1", "2025/26:2" or a bare "1"/"2" (of the current school year); null for anything else. */
export function parseSemester(text: string, now: Date): SchoolSemester | null {
  if (text === "1" || text === "2")
    return { schoolYear: currentSemester(now).schoolYear, semester: Number(text) as 1 | 2 };
  const match = /^(\d{4}\/\d{2})[-:]([12])$/.exec(text);
  if (!match) return null;
  const schoolYear = parseSchoolYear(match[1]!);
  return schoolYear ? { schoolYear, semester: Number(match[2]) as 1 | 2 } : null;
}
