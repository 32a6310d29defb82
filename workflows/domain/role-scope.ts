/**
 * Where each role is held and who stands in for it: pure data shared by the access matrix, the directory and the
 * task engine, so "the class teacher, or else the school's social pedagogue" is decided in one place.
 */
import type { RESPONDER_ROLES } from "./absence-rules.js";

type ResponderRole = (typeof RESPONDER_ROLES)[number];

/** Roles held at a school; every other role belongs to the municipality or one of its agencies. */
export const SCHOOL_ROLES = [
  "TEACHER",
  "CLASS_TEACHER",
  "PSYCHOLOGIST",
  "SOCIAL_PEDAGOGUE",
  "SPECIAL_EDUCATION_TEACHER",
  "SPEECH_THERAPIST",
  "TEACHING_ASSISTANT",
  "OCCUPATIONAL_THERAPIST",
  "SIGN_INTERPRETER",
  "ASSISTANT",
  "CAREER_COUNSELLOR",
  "SCHOOL_NURSE",
  "SCHOOL_COORDINATOR",
  "DIRECTOR",
] as const satisfies readonly ResponderRole[];

export function isSchoolRole(role: string): boolean {
  return (SCHOOL_ROLES as readonly string[]).includes(role);
}

/** No class teacher on record: the school's social pedagogue takes the parent call rather than nobody (MK 89 practice). */
export const STAND_INS: Readonly<Partial<Record<string, ResponderRole>>> = { CLASS_TEACHER: "SOCIAL_PEDAGOGUE" };
