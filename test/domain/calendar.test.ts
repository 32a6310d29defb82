import { describe, expect, it } from "vitest";
import {
  NATIONAL_SCHOOL_YEARS,
  SCHOOL_YEAR_2025_26,
  addCalendarDays,
  addSchoolDays,
  asIsoDate,
  beyondKnownCalendar,
  calendarCoverage,
  easterSunday,
  isIsoDate,
  isSchoolDay,
  isWorkingDay,
  isoWeekday,
  municipalityCalendarOverridesSchema,
  publicHolidays,
  rigaDateOf,
  rigaEndOfSchoolDay,
  rigaInstantAt,
  schoolDaysBetween,
  schoolYearCalendarSchema,
  semesterOf,
  type Grade,
  type IsoDate,
  type SchoolDayContext,
} from "../../workflows/domain/calendar/index.js";

const calendars = NATIONAL_SCHOOL_YEARS;
const ctxFor = (grade: Grade, extra: Partial<SchoolDayContext> = {}): SchoolDayContext => ({
  calendars,
  grade,
  ...extra,
});
const grade5 = ctxFor(5);

/** Every date from `from` to `to` inclusive. */
function datesFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe("ISO dates", () => {
  it("accepts only real calendar dates in YYYY-MM-DD form", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-9-01")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(() => asIsoDate("01.09.2025")).toThrow(RangeError);
  });

  it("knows weekdays across month and year ends", () => {
    expect(isoWeekday("2025-09-01")).toBe(1);
    expect(isoWeekday("2025-12-31")).toBe(3);
    expect(addCalendarDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("public holidays", () => {
  // the Law on Holidays, Remembrance and Celebration Days: movable dates and transfers, 2024–2030.
  const table: [number, IsoDate, IsoDate, IsoDate | null, IsoDate | null][] = [
    [2024, "2024-03-29", "2024-04-01", "2024-05-06", null],
    [2025, "2025-04-18", "2025-04-21", "2025-05-05", null],
    [2026, "2026-04-03", "2026-04-06", null, null],
    [2027, "2027-03-26", "2027-03-29", null, null],
    [2028, "2028-04-14", "2028-04-17", null, "2028-11-20"],
    [2029, "2029-03-30", "2029-04-02", null, "2029-11-19"],
    [2030, "2030-04-19", "2030-04-22", "2030-05-06", null],
  ];

  it.each(table)("%i: Good Friday, Easter Monday and the 4 May / 18 Nov transfers", (year, gf, em, may, nov) => {
    const holidays = publicHolidays(year);
    const dateOf = (key: string) => holidays.find((h) => h.key === key && !h.isTransfer)?.date;
    expect(dateOf("goodFriday")).toBe(gf);
    expect(dateOf("easterMonday")).toBe(em);
    const transfers = holidays.filter((h) => h.isTransfer);
    expect(transfers.find((t) => t.key === "independenceRestoration")?.date ?? null).toBe(may);
    expect(transfers.find((t) => t.key === "proclamation")?.date ?? null).toBe(nov);
  });

  it("pins Good Friday 3 Apr and Easter Monday 6 Apr 2026", () => {
    expect(easterSunday(2026)).toBe("2026-04-05");
    const keys = new Map(publicHolidays(2026).map((h) => [h.date, h.key]));
    expect(keys.get("2026-04-03")).toBe("goodFriday");
    expect(keys.get("2026-04-06")).toBe("easterMonday");
  });

  it("moves 4 May 2025 (a Sunday) to Monday 5 May", () => {
    const transfer = publicHolidays(2025).find((h) => h.date === "2025-05-05");
    expect(transfer).toMatchObject({ isTransfer: true, transferredFrom: "2025-05-04", key: "independenceRestoration" });
    expect(transfer?.nameLv).toContain("Neatkarības atjaunošanas diena");
    expect(isWorkingDay("2025-05-05")).toBe(false);
  });

  it("moves 18 Nov 2028 (a Saturday) to Monday 20 Nov", () => {
    expect(isoWeekday("2028-11-18")).toBe(6);
    const transfer = publicHolidays(2028).find((h) => h.isTransfer);
    expect(transfer).toMatchObject({ date: "2028-11-20", transferredFrom: "2028-11-18", key: "proclamation" });
  });

  it("lists the fixed holidays with Latvian and English names", () => {
    const h2026 = publicHolidays(2026);
    const dates = h2026.filter((h) => !h.isTransfer).map((h) => h.date);
    expect(dates).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-05",
      "2026-04-06",
      "2026-05-01",
      "2026-05-04",
      "2026-05-10", // Mother's Day, 2nd Sunday of May
      "2026-05-24", // Pentecost, Easter + 49
      "2026-06-23",
      "2026-06-24",
      "2026-11-18",
      "2026-12-24",
      "2026-12-25",
      "2026-12-26",
      "2026-12-31",
    ]);
    for (const h of h2026) {
      expect(h.nameLv.length).toBeGreaterThan(3);
      expect(h.nameEn.length).toBeGreaterThan(3);
    }
    expect(h2026.find((h) => h.key === "ligo")?.nameLv).toBe("Līgo diena");
  });

  it("treats the Song and Dance Festival closing day as data and applies the transfer rule", () => {
    const h2023 = publicHolidays(2023);
    expect(h2023.find((h) => h.key === "songFestivalClosing" && !h.isTransfer)?.date).toBe("2023-07-09");
    expect(h2023.find((h) => h.key === "songFestivalClosing" && h.isTransfer)?.date).toBe("2023-07-10");
    // A future festival date is supplied by the caller; no festival unless told.
    expect(publicHolidays(2028).some((h) => h.key === "songFestivalClosing")).toBe(false);
    const h2028 = publicHolidays(2028, { songFestivalClosingDays: ["2028-07-09"] });
    expect(h2028.filter((h) => h.key === "songFestivalClosing").map((h) => h.date)).toEqual([
      "2028-07-09",
      "2028-07-10",
    ]);
  });

  it("computes Easter for far years (computus, not a lookup table)", () => {
    expect(easterSunday(2038)).toBe("2038-04-25"); // latest possible date
    expect(easterSunday(2285)).toBe("2285-03-22"); // earliest possible date
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });
});

describe("school-year data", () => {
  it.each(calendars.map((c) => [c.schoolYear, c] as const))("%s passes the schema", (_label, cal) => {
    expect(schoolYearCalendarSchema.safeParse(cal).success).toBe(true);
  });

  it("marks only 2026/27 as provisional", () => {
    expect(calendars.map((c) => [c.schoolYear, c.provisional])).toEqual([
      ["2024/25", false],
      ["2025/26", false],
      ["2026/27", true],
    ]);
  });

  it("rejects an inconsistent calendar with a useful path", () => {
    const broken = { ...SCHOOL_YEAR_2025_26, semester2Start: "2025-12-01" };
    const result = schoolYearCalendarSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("semester2Start");
    expect(schoolYearCalendarSchema.safeParse({ ...SCHOOL_YEAR_2025_26, schoolYear: "2025/27" }).success).toBe(false);
    expect(schoolYearCalendarSchema.safeParse({ ...SCHOOL_YEAR_2025_26, start: "2025-09-31" }).success).toBe(false);
  });

  it("fills defaults when parsing stored overrides", () => {
    expect(municipalityCalendarOverridesSchema.parse({})).toEqual({
      extraDaysOff: [],
      extraHolidays: [],
      schoolClosures: [],
      preschoolFollowsSchoolHolidays: false,
    });
  });
});

describe("semesters", () => {
  it("semester 1 of 2025/26 runs 1 Sep – 19 Dec 2025", () => {
    expect(semesterOf("2025-09-01", 5, calendars)).toEqual({
      schoolYear: "2025/26",
      semester: 1,
      start: "2025-09-01",
      end: "2025-12-19",
    });
    expect(semesterOf("2025-12-19", 5, calendars)?.semester).toBe(1);
    expect(semesterOf("2025-08-31", 5, calendars)).toBeNull();
    expect(semesterOf("2025-12-22", 5, calendars)).toBeNull(); // winter break between semesters
    expect(semesterOf("2026-01-05", 5, calendars)?.semester).toBe(2);
  });

  it("ends semester 2 by grade: grade 9 is still in term in June 2026, grade 5 is not", () => {
    expect(semesterOf("2026-06-05", 5, calendars)).toBeNull();
    expect(semesterOf("2026-06-05", 9, calendars)).toMatchObject({ semester: 2, end: "2026-06-12" });
    expect(semesterOf("2026-06-16", 9, calendars)).toBeNull();
    expect(semesterOf("2026-06-16", 12, calendars)).toMatchObject({ semester: 2, end: "2026-06-19" });
    expect(isSchoolDay("2026-06-05", grade5)).toBe(false);
    expect(isSchoolDay("2026-06-05", ctxFor(9))).toBe(true);
    expect(isSchoolDay("2026-06-12", ctxFor(9))).toBe(true);
    expect(isSchoolDay("2026-06-15", ctxFor(9))).toBe(false);
    expect(isSchoolDay("2026-06-19", ctxFor(12))).toBe(true);
  });

  it("gives pre-school one continuous term unless the municipality says otherwise", () => {
    expect(semesterOf("2025-12-29", 0, calendars)).toMatchObject({ semester: 1, end: "2026-01-04" });
    expect(semesterOf("2025-12-29", 0, calendars, { preschoolFollowsSchoolHolidays: true })).toBeNull();
  });
});

describe("isSchoolDay", () => {
  it("has no school day in the 2025 autumn holiday (20–24 Oct)", () => {
    for (const grade of [0, 1, 5, 9, 12] as const) {
      const ctx = ctxFor(grade, { overrides: { ...noOverrides(), preschoolFollowsSchoolHolidays: true } });
      for (const d of datesFrom("2025-10-20", "2025-10-24")) expect(isSchoolDay(d, ctx)).toBe(false);
    }
    expect(isSchoolDay("2025-10-17", grade5)).toBe(true);
    expect(isSchoolDay("2025-10-27", grade5)).toBe(true);
  });

  it("never counts weekends", () => {
    for (const d of datesFrom("2024-09-01", "2027-06-30")) {
      if (isoWeekday(d) >= 6) expect(isSchoolDay(d, grade5)).toBe(false);
    }
  });

  it("has no school in the winter holidays, and public holidays close school on weekdays", () => {
    for (const d of datesFrom("2025-12-20", "2026-01-04")) expect(isSchoolDay(d, grade5)).toBe(false);
    expect(isSchoolDay("2026-01-05", grade5)).toBe(true);
    expect(isSchoolDay("2025-11-18", grade5)).toBe(false); // Proclamation Day, a Tuesday
    expect(isSchoolDay("2026-04-03", grade5)).toBe(false); // Good Friday
    expect(isSchoolDay("2026-04-06", grade5)).toBe(false); // Easter Monday
    expect(isSchoolDay("2025-05-05", grade5)).toBe(false); // transfer of 4 May 2025
    expect(isSchoolDay("2026-05-04", grade5)).toBe(false);
    expect(isSchoolDay("2026-05-05", grade5)).toBe(true);
  });

  it("keeps kindergartens open in the autumn holiday by default", () => {
    expect(isSchoolDay("2025-10-21", ctxFor(0))).toBe(true);
    expect(isSchoolDay("2025-11-18", ctxFor(0))).toBe(false);
  });

  it("applies the grade-1 extra week only to grade 1", () => {
    const withWeek = calendars.map((c) =>
      c.schoolYear === "2025/26" ? { ...c, grade1ExtraWeek: { start: "2026-02-09", end: "2026-02-13" } as const } : c,
    );
    expect(isSchoolDay("2026-02-10", { calendars: withWeek, grade: 1 })).toBe(false);
    expect(isSchoolDay("2026-02-10", { calendars: withWeek, grade: 2 })).toBe(true);
  });

  it("adds a municipal day off and a school closure from the overrides", () => {
    const overrides = municipalityCalendarOverridesSchema.parse({
      extraDaysOff: [{ date: "2026-02-16", reasonLv: "Pilsētas svētki" }],
      schoolClosures: [
        { schoolIds: ["school-a"], start: "2026-02-18", end: "2026-02-18", reasonLv: "Apkures avārija" },
      ],
    });
    const atA = ctxFor(5, { overrides, schoolId: "school-a" });
    const atB = ctxFor(5, { overrides, schoolId: "school-b" });
    expect(isSchoolDay("2026-02-16", grade5)).toBe(true);
    expect(isSchoolDay("2026-02-16", atA)).toBe(false);
    expect(isSchoolDay("2026-02-16", atB)).toBe(false);
    expect(isSchoolDay("2026-02-18", atA)).toBe(false);
    expect(isSchoolDay("2026-02-18", atB)).toBe(true);
    expect(isSchoolDay("2026-02-18", ctxFor(5, { overrides }))).toBe(true); // no school given
    // The closure shifts deadlines at school A only.
    expect(addSchoolDays("2026-02-17", 1, atA)).toBe("2026-02-19");
    expect(addSchoolDays("2026-02-17", 1, atB)).toBe("2026-02-18");
    expect(schoolDaysBetween("2026-02-13", "2026-02-20", atA)).toBe(3);
  });
});

describe("addSchoolDays and schoolDaysBetween", () => {
  it("skips a weekend", () => {
    expect(addSchoolDays("2025-09-05", 1, grade5)).toBe("2025-09-08"); // Fri → Mon
    expect(addSchoolDays("2025-09-05", 3, grade5)).toBe("2025-09-10");
    expect(addSchoolDays("2025-09-06", 1, grade5)).toBe("2025-09-08"); // from a Saturday
  });

  it("skips the autumn holiday", () => {
    expect(addSchoolDays("2025-10-17", 1, grade5)).toBe("2025-10-27");
    expect(addSchoolDays("2025-10-16", 2, grade5)).toBe("2025-10-27");
    expect(schoolDaysBetween("2025-10-17", "2025-10-27", grade5)).toBe(1);
  });

  it("with n = 0 stays on a school day and rolls forward otherwise", () => {
    expect(addSchoolDays("2025-10-16", 0, grade5)).toBe("2025-10-16");
    expect(addSchoolDays("2025-10-18", 0, grade5)).toBe("2025-10-27");
  });

  it("crosses the summer into the next school year", () => {
    expect(addSchoolDays("2025-05-30", 1, grade5)).toBe("2025-09-01");
    expect(addSchoolDays("2026-06-12", 1, ctxFor(9))).toBe("2026-09-01");
  });

  it("rejects negative or fractional n and dates beyond the calendars", () => {
    expect(() => addSchoolDays("2025-10-16", -1, grade5)).toThrow(RangeError);
    expect(() => addSchoolDays("2025-10-16", 1.5, grade5)).toThrow(RangeError);
    expect(() => addSchoolDays("2027-05-31", 1, grade5)).toThrow(/No school calendar covers/);
    expect(() => schoolDaysBetween("2025-01-01", "2027-07-01", grade5)).toThrow(RangeError);
    expect(() => schoolDaysBetween("2024-08-01", "2024-10-01", grade5)).toThrow(RangeError);
    expect(calendarCoverage(grade5)).toEqual({ start: "2024-09-02", end: "2027-06-18" });
  });

  it("counts exclusive of the start and inclusive of the end, antisymmetrically", () => {
    expect(schoolDaysBetween("2025-09-01", "2025-09-01", grade5)).toBe(0);
    expect(schoolDaysBetween("2025-08-31", "2025-09-05", grade5)).toBe(5);
    expect(schoolDaysBetween("2025-09-05", "2025-08-31", grade5)).toBe(-5);
    // 16 weeks of semester 1 minus the autumn week and 18 Nov.
    expect(schoolDaysBetween("2025-08-31", "2025-12-19", grade5)).toBe(74);
  });

  it("agrees with addSchoolDays for every start date and many n (property loop)", () => {
    for (const grade of [0, 1, 9, 12] as const) {
      const ctx = ctxFor(grade);
      for (const start of datesFrom("2024-09-01", "2026-08-31")) {
        for (const n of [0, 1, 2, 5, 13, 40]) {
          const end = addSchoolDays(start, n, ctx);
          expect(isSchoolDay(end, ctx)).toBe(true);
          if (n === 0) {
            expect(end >= start).toBe(true);
            expect(schoolDaysBetween(start, end, ctx)).toBe(isSchoolDay(start, ctx) ? 0 : 1);
          } else {
            expect(end > start).toBe(true);
            expect(schoolDaysBetween(start, end, ctx)).toBe(n);
            // Minimal: the day before `end` is still short of n.
            expect(schoolDaysBetween(start, addCalendarDays(end, -1), ctx)).toBe(n - 1);
          }
        }
      }
    }
  });

  it("matches a day-by-day count", () => {
    const from: IsoDate = "2025-08-20";
    let running = 0;
    for (const d of datesFrom("2025-08-21", "2026-07-10")) {
      if (isSchoolDay(d, grade5)) running += 1;
      expect(schoolDaysBetween(from, d, grade5)).toBe(running);
    }
    expect(running).toBe(170);
  });

  it("refuses calendars with a missing year in the middle", () => {
    const gappy = { calendars: [calendars[0]!, calendars[2]!], grade: 5 as const };
    expect(() => isSchoolDay("2025-10-01", gappy)).toThrow(/consecutive/);
  });
});

describe("Riga time", () => {
  it("gives the Riga date of instants around midnight, winter (UTC+2) and summer (UTC+3)", () => {
    expect(rigaDateOf(new Date("2026-01-14T21:59:59Z"))).toBe("2026-01-14");
    expect(rigaDateOf(new Date("2026-01-14T22:00:00Z"))).toBe("2026-01-15");
    expect(rigaDateOf(new Date("2026-06-30T20:59:59Z"))).toBe("2026-06-30");
    expect(rigaDateOf(new Date("2026-06-30T21:00:00Z"))).toBe("2026-07-01");
  });

  it("handles the March change (last Sunday, 29 Mar 2026, 03:00 → 04:00)", () => {
    expect(rigaEndOfSchoolDay("2026-03-27").toISOString()).toBe("2026-03-27T15:00:00.000Z");
    expect(rigaEndOfSchoolDay("2026-03-29").toISOString()).toBe("2026-03-29T14:00:00.000Z");
    expect(rigaEndOfSchoolDay("2026-03-30").toISOString()).toBe("2026-03-30T14:00:00.000Z");
    expect(rigaDateOf(new Date("2026-03-28T21:59:59Z"))).toBe("2026-03-28");
    expect(rigaDateOf(new Date("2026-03-28T22:00:00Z"))).toBe("2026-03-29");
    expect(rigaInstantAt("2026-03-29", 0).toISOString()).toBe("2026-03-28T22:00:00.000Z");
    expect(rigaInstantAt("2026-03-29", 2, 59).toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(rigaInstantAt("2026-03-29", 4).toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("handles the October change (last Sunday, 25 Oct 2026, 04:00 → 03:00)", () => {
    expect(rigaEndOfSchoolDay("2026-10-23").toISOString()).toBe("2026-10-23T14:00:00.000Z");
    expect(rigaEndOfSchoolDay("2026-10-26").toISOString()).toBe("2026-10-26T15:00:00.000Z");
    expect(rigaDateOf(new Date("2026-10-24T20:59:59Z"))).toBe("2026-10-24");
    expect(rigaDateOf(new Date("2026-10-24T21:00:00Z"))).toBe("2026-10-25");
    expect(rigaDateOf(new Date("2026-10-25T21:59:59Z"))).toBe("2026-10-25");
    expect(rigaDateOf(new Date("2026-10-25T22:00:00Z"))).toBe("2026-10-26");
    expect(rigaInstantAt("2026-10-25", 12).toISOString()).toBe("2026-10-25T10:00:00.000Z");
  });

  it("agrees with the EU summer-time rule for every hour of 2024–2030", () => {
    const lastSunday = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month, 0));
      return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1); // 01:00 UTC
    };
    for (let year = 2024; year <= 2030; year++) {
      const dstStart = lastSunday(year, 3);
      const dstEnd = lastSunday(year, 10);
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3_600_000) {
        const offsetHours = t >= dstStart && t < dstEnd ? 3 : 2;
        const local = new Date(t + offsetHours * 3_600_000);
        expect(rigaDateOf(new Date(t))).toBe(local.toISOString().slice(0, 10));
      }
    }
  });

  it("rejects impossible dates and hours", () => {
    expect(() => rigaEndOfSchoolDay("2026-02-30" as IsoDate)).toThrow(RangeError);
    expect(() => rigaInstantAt("2026-02-10", 24)).toThrow(RangeError);
    expect(() => rigaDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

function noOverrides() {
  return municipalityCalendarOverridesSchema.parse({});
}

describe("past the loaded calendars (MK89_P7 deadlines never stop)", () => {
  const lastLoaded = calendarCoverage(grade5).end;
  const lenient = ctxFor(5, { beyondCoverage: "WORKING_DAYS" });

  it("MK89_P7: counts working days past the last loaded school year instead of throwing", () => {
    expect(() => addSchoolDays(lastLoaded, 1, grade5)).toThrow(RangeError);
    const next = addSchoolDays(lastLoaded, 1, lenient);
    expect(next > lastLoaded).toBe(true);
    expect(isWorkingDay(next)).toBe(true);
    expect(schoolDaysBetween(lastLoaded, addSchoolDays(lastLoaded, 10, lenient), lenient)).toBe(10);
  });

  it("MK89_P7: inside the calendars the count is unchanged, and the coverage is what was loaded", () => {
    expect(addSchoolDays("2025-10-16", 5, lenient)).toBe(addSchoolDays("2025-10-16", 5, grade5));
    expect(calendarCoverage(lenient)).toEqual(calendarCoverage(grade5));
    expect(beyondKnownCalendar(lastLoaded, lenient)).toBe(false);
    expect(beyondKnownCalendar(addCalendarDays(lastLoaded, 1), lenient)).toBe(true);
  });
});
