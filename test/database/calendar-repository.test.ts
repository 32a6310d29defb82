import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarRepository } from "../../prisma/repositories/calendar-repository.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { isSchoolDay, SCHOOL_YEAR_2025_26, type IsoDate } from "../../workflows/domain/calendar/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

describe("a municipality's school calendar is stored and editable", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it("saves a municipal day off and a school closure, and the calendar functions see them", async () => {
    const calendars = createCalendarRepository(db.prisma);
    const municipalityId = demoIds.municipality();
    await calendars.saveSchoolYear({
      municipalityId,
      calendar: SCHOOL_YEAR_2025_26,
      overrides: {
        extraDaysOff: [{ date: "2025-11-21", reasonLv: "Pilsētas svētki" }],
        schoolClosures: [
          {
            schoolIds: [demoIds.school("DEMO-TEH")],
            start: "2025-12-01",
            end: "2025-12-03",
            reasonLv: "Apkures remonts",
          },
        ],
      },
    });
    const { calendars: years, overrides } = await calendars.loadMunicipalityCalendar({ municipalityId });
    const ctx = { calendars: years, overrides, grade: 10 as const };
    expect(isSchoolDay("2025-11-20", ctx)).toBe(true);
    expect(isSchoolDay("2025-11-21", ctx)).toBe(false);
    expect(isSchoolDay("2025-12-02", { ...ctx, schoolId: demoIds.school("DEMO-TEH") })).toBe(false);
    expect(isSchoolDay("2025-12-02", { ...ctx, schoolId: demoIds.school("DEMO-VSK") })).toBe(true);
  });

  it("rejects an invalid calendar with field-level errors and keeps the stored one", async () => {
    const calendars = createCalendarRepository(db.prisma);
    const broken = {
      ...SCHOOL_YEAR_2025_26,
      semester1: { start: "2025-12-19" as IsoDate, end: "2025-09-01" as IsoDate },
    };
    await expect(
      calendars.saveSchoolYear({ municipalityId: demoIds.municipality(), calendar: broken }),
    ).rejects.toThrow(/semester1/);
    const { calendars: years } = await calendars.loadMunicipalityCalendar({ municipalityId: demoIds.municipality() });
    expect(years.find((c) => c.schoolYear === "2025/26")?.semester1).toEqual({
      start: "2025-09-01",
      end: "2025-12-19",
    });
  });
});
