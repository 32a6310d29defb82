/**
 * One absence row as the e-journal sends it (CSV line or JSON record): field checks that need no database,
 * and its encoding as a line of PostgreSQL's COPY text format for the staging table (see staging.ts).
 *
 * Checks that need the database (is the learner in scope, is lesson 0 allowed for this learner's grade, does
 * the date fall in one of the grade's semesters) run afterwards as set-based SQL over the staging table.
 * Messages name the offending value except `subject` and `reason`, which are free text and might describe a
 * child's health: they are never echoed into logs or terminal output.
 */
import { isIsoDate } from "../../workflows/domain/calendar/index.js";
import type { RejectionCode } from "./rejection-codes.js";

/** The columns of the CSV export and the keys of a JSON record, in the documented order. */
export const ABSENCE_COLUMNS = ["learner_code", "date", "lesson", "subject", "reason", "justified"] as const;
export type AbsenceColumn = (typeof ABSENCE_COLUMNS)[number];

/** Lessons are numbered 1–12 in a school day; 0 is a whole pre-school day (schema comment on AbsenceRecord). */
export const MAX_LESSON = 12;
const MAX_CODE_LENGTH = 64;
const MAX_SUBJECT_LENGTH = 200;
const MAX_REASON_LENGTH = 1000;

// A Map, not an object literal: `justified: "constructor"` must not find Object.prototype's. `withdrawn` is how a
// correction removes a record entered by mistake: it is kept for the audit trail and never counted.
const JUSTIFICATION: ReadonlyMap<string, "JUSTIFIED" | "UNJUSTIFIED" | "UNKNOWN" | "WITHDRAWN"> = new Map([
  ["yes", "JUSTIFIED"],
  ["no", "UNJUSTIFIED"],
  ["unknown", "UNKNOWN"],
  ["withdrawn", "WITHDRAWN"],
]);

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const LESSON_SHAPE = /^\d{1,2}$/;

/** Raw field values; `null` or "" for an empty optional field. */
export interface AbsenceFields {
  learner_code: string;
  date: string;
  lesson: string;
  subject: string | null;
  reason: string | null;
  justified: string;
}

/**
 * Maps a header row to the position of each column. Any order is accepted; every column must be present
 * exactly once and no others, so a misspelt column is reported instead of silently read as empty.
 */
export function columnPositions(header: readonly string[]): Record<AbsenceColumn, number> | { error: string } {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = ABSENCE_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(ABSENCE_COLUMNS as readonly string[]).includes(n));
  const repeated = ABSENCE_COLUMNS.filter((c) => names.indexOf(c) !== names.lastIndexOf(c));
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length > 0 ? `missing ${missing.join(", ")}` : "",
      unknown.length > 0 ? `unknown ${unknown.map((u) => JSON.stringify(u)).join(", ")}` : "",
      repeated.length > 0 ? `repeated ${repeated.join(", ")}` : "",
    ].filter(Boolean);
    return { error: `header must name the columns ${ABSENCE_COLUMNS.join(",")} (${problems.join("; ")})` };
  }
  return Object.fromEntries(ABSENCE_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<AbsenceColumn, number>;
}

/** Shows a value in a message, cut short so a stray multi-kilobyte field cannot flood the output. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

// COPY text format: backslash escapes for the characters that delimit fields and rows; \N is NULL.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
function copyText(value: string | null): string {
  if (value === null || value === "") return "\\N";
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

/** A rejected row's staging line: only the position, the reason and its code (rejection-codes.ts). */
export function stagingErrorLine(position: number, error: string, code: RejectionCode = "INVALID_FIELD"): string {
  return `${position}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t${copyText(error)}\t${code}\n`;
}

// Exports repeat a few hundred dates a million times; remembering the verdicts keeps the calendar arithmetic out
// of the per-row path. Bounded, so a file of random garbage cannot grow it without limit.
const dateVerdicts = new Map<string, string | null>();
const DATE_CACHE_LIMIT = 10_000;

function dateError(date: string): string | null {
  const known = dateVerdicts.get(date);
  if (known !== undefined) return known;
  const verdict = !DATE_SHAPE.test(date)
    ? `date ${shown(date)} is not written YYYY-MM-DD`
    : isIsoDate(date)
      ? null
      : `date ${date} does not exist`;
  if (dateVerdicts.size < DATE_CACHE_LIMIT) dateVerdicts.set(date, verdict);
  return verdict;
}

/** `trim` allocates; most exported fields have nothing to trim. */
function trimmed(value: string): string {
  const n = value.length;
  return n === 0 || (value.charCodeAt(0) > 32 && value.charCodeAt(n - 1) > 32) ? value : value.trim();
}

// eslint-disable-next-line no-control-regex -- NUL must be found: PostgreSQL text cannot store it.
const NUL_OR_ESCAPE = /[\\\t\n\r\u0000]/;

/**
 * The staging line for one row (columns of `STAGING_COLUMNS` in staging.ts): the values converted to their
 * column types when they pass the field checks, otherwise a line that carries every field error, joined.
 * This runs once per input row, so the common case avoids allocations and repeated work.
 */
export function stagingLine(position: number, fields: AbsenceFields): string {
  const code = trimmed(fields.learner_code);
  const date = trimmed(fields.date);
  const lesson = trimmed(fields.lesson);
  const subject = fields.subject === null ? "" : trimmed(fields.subject);
  const reason = fields.reason === null ? "" : trimmed(fields.reason);
  const justification = JUSTIFICATION.get(fields.justified) ?? JUSTIFICATION.get(fields.justified.trim().toLowerCase());
  const lessonNumber = LESSON_SHAPE.test(lesson) ? Number(lesson) : -1;
  const dateProblem = dateError(date);

  if (
    code === "" ||
    code.length > MAX_CODE_LENGTH ||
    dateProblem !== null ||
    lessonNumber < 0 ||
    lessonNumber > MAX_LESSON ||
    justification === undefined ||
    subject.length > MAX_SUBJECT_LENGTH ||
    reason.length > MAX_REASON_LENGTH ||
    NUL_OR_ESCAPE.test(code) ||
    NUL_OR_ESCAPE.test(subject) ||
    NUL_OR_ESCAPE.test(reason)
  ) {
    const errors: string[] = [];
    if (code === "") errors.push("learner_code is empty");
    else if (code.length > MAX_CODE_LENGTH) errors.push(`learner_code is longer than ${MAX_CODE_LENGTH} characters`);
    if (dateProblem !== null) errors.push(dateProblem);
    if (lessonNumber < 0 || lessonNumber > MAX_LESSON)
      errors.push(`lesson ${shown(lesson)} is not a whole number from 0 to ${MAX_LESSON}`);
    if (justification === undefined)
      errors.push(`justified ${shown(fields.justified)} must be yes, no, unknown or withdrawn`);
    if (subject.length > MAX_SUBJECT_LENGTH) errors.push(`subject is longer than ${MAX_SUBJECT_LENGTH} characters`);
    if (reason.length > MAX_REASON_LENGTH) errors.push(`reason is longer than ${MAX_REASON_LENGTH} characters`);
    // PostgreSQL text cannot hold NUL; one would abort the whole COPY instead of rejecting this row.
    if ([code, subject, reason].some((v) => v.includes("\u0000"))) errors.push("contains a NUL character");
    // Only escapes were found: the row is fine, its text just needs COPY escaping.
    if (errors.length > 0) return stagingErrorLine(position, errors.join("; "));
  }
  return `${position}\t${copyText(code)}\t${date}\t${lessonNumber}\t${copyText(subject)}\t${copyText(reason)}\t${justification}\t\\N\t\\N\n`;
}
