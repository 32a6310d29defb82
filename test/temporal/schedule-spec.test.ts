import { describe, expect, it } from "vitest";
import { type CalendarSpec, nextFireTime } from "../../workflows/domain/schedule-spec.js";

const at = (iso: string) => new Date(iso);

describe("nextFireTime (Europe/Riga calendar specs)", () => {
  const cases: Array<[CalendarSpec, string, string, string]> = [
    // [spec, now (UTC), expected (UTC), why]
    [{ hours: [8] }, "2025-01-15T05:00:00Z", "2025-01-15T06:00:00Z", "winter: 08:00 EET is 06:00Z"],
    [{ hours: [8] }, "2025-01-15T06:00:00Z", "2025-01-16T06:00:00Z", "strictly after now"],
    [{ hours: [8] }, "2025-03-29T10:00:00Z", "2025-03-30T05:00:00Z", "the day DST starts: 08:00 EEST is 05:00Z"],
    [{ hours: [8] }, "2025-10-25T10:00:00Z", "2025-10-26T06:00:00Z", "the day DST ends: back to UTC+2"],
    [
      { hours: [3], minutes: [30] },
      "2025-03-29T12:00:00Z",
      "2025-03-30T01:30:00Z",
      "03:30 does not exist on 30 March: fires at 04:30 EEST",
    ],
    [
      { hours: [0], minutes: [15] },
      "2025-06-30T21:00:00Z",
      "2025-06-30T21:15:00Z",
      "Riga is already on 1 July at 21:00Z",
    ],
    [
      { daysOfMonth: [31], hours: [6], minutes: [30] },
      "2025-04-01T00:00:00Z",
      "2025-05-31T03:30:00Z",
      "April has no 31st",
    ],
    [{ months: [2], daysOfMonth: [29], hours: [9] }, "2025-01-01T00:00:00Z", "2028-02-29T07:00:00Z", "next leap day"],
    [{ daysOfWeek: [1], hours: [7, 12] }, "2025-09-17T12:00:00Z", "2025-09-22T04:00:00Z", "next Monday, earliest hour"],
    [{ hours: [7, 12] }, "2025-09-17T05:00:00Z", "2025-09-17T09:00:00Z", "a later hour the same day"],
  ];
  it.each(cases)("%j after %s is %s (%s)", (spec, now, expected) => {
    expect(nextFireTime(spec, at(now)).toISOString()).toBe(at(expected).toISOString());
  });

  it("fires the repeated autumn hour once", () => {
    const spec = { hours: [3], minutes: [30] };
    const first = nextFireTime(spec, at("2025-10-25T12:00:00Z"));
    const second = nextFireTime(spec, first);
    expect(second.getTime() - first.getTime()).toBeGreaterThan(23 * 3600 * 1000);
  });

  it("rejects invalid specs and never-firing ones", () => {
    expect(() => nextFireTime({ hours: [24] }, at("2025-01-01T00:00:00Z"))).toThrow(RangeError);
    expect(() => nextFireTime({ hours: [] }, at("2025-01-01T00:00:00Z"))).toThrow(RangeError);
    expect(() => nextFireTime({ months: [4], daysOfMonth: [31], hours: [1] }, at("2025-01-01T00:00:00Z"))).toThrow(
      /never fires/,
    );
  });
});
