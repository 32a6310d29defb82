// A workflow that runs the Riga time helpers inside Temporal's deterministic sandbox, where Date is replaced.
import {
  addSchoolDays,
  rigaDateOf,
  rigaEndOfSchoolDay,
  SCHOOL_YEAR_2025_26,
  SCHOOL_YEAR_2026_27,
} from "../../../workflows/domain/calendar/index.js";

export async function rigaTimeProbe(
  instants: string[],
): Promise<{ dates: string[]; endOfDay: string; deadline: string }> {
  const ctx = { calendars: [SCHOOL_YEAR_2025_26, SCHOOL_YEAR_2026_27], grade: 5 as const };
  return {
    dates: instants.map((i) => rigaDateOf(new Date(i))),
    endOfDay: rigaEndOfSchoolDay("2026-11-25").toISOString(),
    deadline: rigaEndOfSchoolDay(addSchoolDays(rigaDateOf(new Date(instants[0]!)), 2, ctx)).toISOString(),
  };
}
