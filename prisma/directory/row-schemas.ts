/**
 * What one row of each directory file must look like (docs/onboarding.md), checked once with zod. Messages name
 * the field and what is expected, never the value: many fields are personal data (names, personal codes,
 * contacts), and the messages go to a terminal and to logs.
 */
import { z } from "zod";
import {
  AgencyKind,
  CareSetting,
  ChatPlatform,
  ContactRelation,
  Locale,
  Role,
  SchoolKind,
} from "../generated/enums.js";
import type { DirectoryFileKind } from "./file-kinds.js";

const text = (max: number) =>
  z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required" })
    .max(max, { error: `is longer than ${max} characters` });
const optionalText = (max: number) => text(max).optional();
const code = z
  .string({ error: "is required" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: "must be letters, digits, '.', '_' or '-' (up to 64)" });
const isoDate = z.iso.date({ error: "must be a date YYYY-MM-DD" });
const upperEnum = <T extends Record<string, string>>(values: T, what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.enum(values, { error: `must be one of ${Object.values(values).join(", ")} (${what})` }),
  );
const grade = z.coerce
  .number({ error: "must be a whole number 0–13" })
  .int({ error: "must be a whole number 0–13" })
  .min(0, { error: "must be a whole number 0–13" })
  .max(13, { error: "must be a whole number 0–13" });
const email = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an e-mail address" }));
const yesNo = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z.enum(["yes", "no"], { error: "must be yes or no" }).transform((v) => v === "yes"),
);
/** A class label as schools write it: "7.a", "PII", "2.k". */
const classLabel = z
  .string({ error: "is required" })
  .trim()
  .regex(/^[0-9A-Za-zĀ-ž][0-9A-Za-zĀ-ž. -]{0,15}$/u, {
    error: "must be a class label such as 7.a (up to 16 characters)",
  });

export const municipalityRow = z.object({
  code,
  name_lv: text(200),
  name_en: text(200),
  default_platform: upperEnum(ChatPlatform, "where people with no preference get messages").optional(),
});

export const agencyRow = z.object({
  kind: upperEnum(AgencyKind, "agency kind"),
  name_lv: text(200),
  name_en: optionalText(200),
  official_email: email.optional(),
});

export const schoolRow = z
  .object({
    code,
    name_lv: text(200),
    name_en: optionalText(200),
    kind: upperEnum(SchoolKind, "school kind"),
    grade_from: grade,
    grade_to: grade,
  })
  .refine((row) => row.grade_from <= row.grade_to, { path: ["grade_to"], error: "must not be below grade_from" });

/** `MUNICIPALITY` for a role held at the municipality itself, an agency kind, or a school code. */
const institution = z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(64);

export const staffRow = z.object({
  email,
  name: text(200),
  role: upperEnum(Role, "role"),
  institution,
  locale: z
    .preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
      z.enum(Locale, { error: "must be lv or en" }),
    )
    .optional(),
  data_protection_completed_on: isoDate.optional(),
  data_protection_valid_until: isoDate.optional(),
});

export const classRow = z.object({
  school_code: code,
  class: classLabel,
  grade,
  class_teacher_email: email.optional(),
});

export const learnerRow = z.object({
  school_code: code,
  learner_code: code,
  first_name: text(100),
  last_name: text(100),
  personal_code: z
    .string({ error: "is required" })
    .trim()
    .regex(/^\d{6}-\d{5}$/, { error: "must look like 123456-12345" }),
  birth_date: isoDate.optional(),
  grade,
  class: classLabel,
  care_setting: upperEnum(CareSetting, "care setting").default("FAMILY"),
  declared_municipality: code.optional(),
  adult_from: isoDate.optional(),
  programme_code: code.optional(),
  mk89_excluded: yesNo.optional(),
});

export const contactRow = z
  .object({
    school_code: code,
    learner_code: code,
    relation: upperEnum(ContactRelation, "relation to the learner"),
    name: text(200),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, { error: "must be a phone number such as +371 20000000" })
      .optional(),
    email: email.optional(),
    inform_on_absence: yesNo.default(true),
    consent_recorded_on: isoDate.optional(),
  })
  .refine((row) => row.phone !== undefined || row.email !== undefined, {
    path: ["phone"],
    error: "a contact needs a phone or an e-mail",
  });

export const ROW_SCHEMAS = {
  municipality: municipalityRow,
  agencies: agencyRow,
  schools: schoolRow,
  staff: staffRow,
  classes: classRow,
  learners: learnerRow,
  contacts: contactRow,
} as const satisfies Record<DirectoryFileKind, z.ZodType>;

export type DirectoryRow<K extends DirectoryFileKind> = z.output<(typeof ROW_SCHEMAS)[K]>;

/** Columns each file must have; the others of its schema are optional and may be left out of the header. */
export const REQUIRED_COLUMNS: Record<DirectoryFileKind, readonly string[]> = {
  municipality: ["code", "name_lv", "name_en"],
  agencies: ["kind", "name_lv"],
  schools: ["code", "name_lv", "kind", "grade_from", "grade_to"],
  staff: ["email", "name", "role", "institution"],
  classes: ["school_code", "class", "grade"],
  learners: ["school_code", "learner_code", "first_name", "last_name", "personal_code", "grade", "class"],
  contacts: ["school_code", "learner_code", "relation", "name"],
};

export function columnsOf(kind: DirectoryFileKind): string[] {
  const schema = ROW_SCHEMAS[kind] as unknown as { shape?: Record<string, unknown>; def?: { in?: { shape: object } } };
  return Object.keys(shapeOf(schema));
}

function shapeOf(schema: unknown): Record<string, unknown> {
  // A refined object keeps its shape on the inner schema.
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { schema?: unknown; in?: unknown } } };
  if (s.shape) return s.shape;
  const inner = s._zod?.def?.schema ?? s._zod?.def?.in;
  return inner ? shapeOf(inner) : {};
}
