/**
 * Why an absence row was rejected, as a stable code beside the human-readable reason: a programme driving the
 * importer (the e-journal's sync, the MK 89 simulator) tells rejections apart without parsing English text.
 * docs/absence-import.md lists them.
 */
export const REJECTION_CODES = [
  /** A field fails its check (empty code, malformed or impossible date, lesson out of range, bad `justified`…). */
  "INVALID_FIELD",
  /** The record cannot be split into its fields (quoting, number of fields, not a JSON object). */
  "MALFORMED_RECORD",
  "UNKNOWN_LEARNER",
  /** The code is used by several schools of the municipality; import that school's file with --school. */
  "AMBIGUOUS_LEARNER",
  "FUTURE_DATE",
  /** A pre-school absence given with a lesson number instead of lesson 0 (a whole day). */
  "PRESCHOOL_LESSON",
  /** Lesson 0 for a school learner. */
  "LESSON_ZERO",
  /** Between semesters, in the summer, or on a date no school calendar covers. */
  "OUTSIDE_SEMESTER",
  // Days without lessons inside a semester (MK 89 counts missed lessons; there are none to miss).
  "WEEKEND",
  "PUBLIC_HOLIDAY",
  /** A school holiday period that applies to the learner's grade (pre-school: see docs/absence-import.md). */
  "SCHOOL_HOLIDAY",
  /** A single day off of the national or municipal calendar. */
  "DAY_OFF",
  /** A closure of the learner's school in the municipality's calendar overrides. */
  "SCHOOL_CLOSURE",
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];
