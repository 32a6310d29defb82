/**
 * Instants as scenario files write them and as the timeline prints them: Riga wall-clock time unless an offset is
 * given ("2025-12-15T08:00", "2025-12-15T08:00:30+02:00", "…Z"), and out again as ISO with Riga's offset.
 */
import { tzOffset } from "@date-fns/tz";
import { z } from "zod";
import { RIGA_TIME_ZONE, rigaInstantAt, type IsoDate } from "../../workflows/domain/calendar/index.js";

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of a scenario time, or a message saying what is wrong with it. */
export function parseLocalInstant(text: string): number | string {
  const local = LOCAL.exec(text);
  if (local) {
    const [, date, hour = "00", minute = "00", second = "00"] = local;
    try {
      return rigaInstantAt(date as IsoDate, Number(hour), Number(minute)).getTime() + Number(second) * 1000;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  return "expected a time like 2025-12-15T08:00 (Riga time) or 2025-12-15T08:00+02:00";
}

export const localInstantSchema = z.string().transform((text, ctx) => {
  const parsed = parseLocalInstant(text);
  if (typeof parsed === "string") {
    ctx.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  }
  return parsed;
});

/** "2025-12-15T17:00:00+02:00": the instant in Riga time, to the second, with its offset. */
export function formatRigaInstant(ms: number): string {
  const instant = new Date(ms);
  const offsetMinutes = tzOffset(RIGA_TIME_ZONE, instant);
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
