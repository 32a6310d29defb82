// The calendar watchdog: MK 89 deadlines count school days, so a municipality must hear in time that next school
// year's calendar is missing (past the loaded calendars the workflow falls back to working days and says so).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivities } from "../../activities/index.js";
import { createOutbox } from "../../activities/delivery/outbox.js";
import { CALENDAR_WATCHDOG } from "../../bot/ingest/absence-sweep.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { nextFireTime } from "../../workflows/domain/schedule-spec.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

describe("MK89_P7 calendar watchdog", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  const watchdog = () =>
    createActivities({
      prisma: db.prisma,
      logger: createLogger("test", "error"),
      outbox: createOutbox({ prisma: db.prisma }),
    });
  const calendarMessages = () =>
    db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: "calendar-missing:" } },
      select: { idempotencyKey: true },
    });

  it("MK89_P7: fires in April and by 1 May, Riga time", () => {
    const first = nextFireTime(CALENDAR_WATCHDOG.spec, new Date("2026-03-10T00:00:00Z"));
    expect(first.toISOString()).toBe("2026-04-01T06:00:00.000Z");
    const byMay = nextFireTime(CALENDAR_WATCHDOG.spec, new Date("2026-04-16T00:00:00Z"));
    expect(byMay.toISOString()).toBe("2026-05-01T06:00:00.000Z");
  });

  it("MK89_P7: a loaded next year is quiet; a missing one reaches the education specialist once per run", async () => {
    const stored = await db.prisma.schoolCalendar.findMany({
      where: { municipalityId: demoIds.municipality() },
      select: { schoolYear: true },
    });
    expect(stored.map((c) => c.schoolYear)).toContain("2026/27");
    // April 2026: next year (2026/27) is loaded.
    expect(await watchdog().checkNextYearCalendars("2026-04-15T06:00:00.000Z")).toEqual({ missing: [] });
    expect(await calendarMessages()).toEqual([]);

    // April 2027: 2027/28 is not.
    const result = await watchdog().checkNextYearCalendars("2027-04-15T06:00:00.000Z");
    expect(result.missing).toContain("DEMO");
    const messages = await calendarMessages();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.idempotencyKey.includes("2027/28:2027-04-15"))).toBe(true);
    // A retried activity queues nothing twice.
    await watchdog().checkNextYearCalendars("2027-04-15T06:00:00.000Z");
    expect(await calendarMessages()).toHaveLength(messages.length);
  });
});
