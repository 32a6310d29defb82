import { describe, expect, it } from "vitest";
import { Role } from "../../../prisma/generated/enums.js";
import { authorize, COMMANDS, type Actor, type AccessTarget, type Command } from "../../../bot/core/access-matrix.js";

const NOW = new Date("2026-11-24T10:00:00Z");
const HOME = { schoolId: "school-home", municipalityId: "muni" };
const TRAINED = new Date("2027-08-31T00:00:00Z");
const ROLES = Object.values(Role);
const SCHOOL_ROLES = new Set<Role>([
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
]);

function actorWith(role: Role, overrides: Partial<Actor> = {}): Actor {
  return {
    staffId: "staff-1",
    roles: [
      {
        role,
        schoolId: SCHOOL_ROLES.has(role) ? HOME.schoolId : null,
        municipalityId: HOME.municipalityId,
        classLabel: role === "CLASS_TEACHER" ? "7.a" : null,
      },
    ],
    trainedUntil: TRAINED,
    ...overrides,
  };
}

// The policy written out a second time, role by role, for a case in the actor's own school, in the class the
// class teacher leads, managed by somebody else, at the targeted level. The matrix must agree cell by cell.
const EXPECTED: Record<Command, Role[]> = {
  REPORT_RISK: [...SCHOOL_ROLES],
  TAKE_CASE: [
    "PSYCHOLOGIST",
    "SOCIAL_PEDAGOGUE",
    "SPECIAL_EDUCATION_TEACHER",
    "SPEECH_THERAPIST",
    "SCHOOL_COORDINATOR",
  ],
  DECIDE_CASE: ["SCHOOL_COORDINATOR"],
  VIEW_CASE: [
    "PSYCHOLOGIST",
    "SOCIAL_PEDAGOGUE",
    "SPECIAL_EDUCATION_TEACHER",
    "SPEECH_THERAPIST",
    "SCHOOL_COORDINATOR",
    "DIRECTOR",
    "CLASS_TEACHER",
  ],
  ABSENCE_CONTACT: ["CLASS_TEACHER", "SOCIAL_PEDAGOGUE", "SCHOOL_COORDINATOR", "DIRECTOR"],
  ABSENCE_SCHOOL_STEP: ["DIRECTOR", "SCHOOL_COORDINATOR"],
  ABSENCE_ACKNOWLEDGE: ["SOCIAL_SERVICE"],
  ADMIN: ["ADMINISTRATOR"],
};
const TARGET: AccessTarget = { ...HOME, classLabel: "7.a", caseManagerId: "someone-else", level: "TARGETED" };

describe("access matrix", () => {
  const grid = COMMANDS.flatMap((command) => ROLES.map((role) => ({ command, role })));

  it.each(grid)("$command × $role", ({ command, role }) => {
    const decision = authorize(actorWith(role), command, TARGET, NOW);
    expect(decision.allowed).toBe(EXPECTED[command].includes(role));
  });

  it("nobody acts on another school's learners or cases", () => {
    for (const command of COMMANDS.filter((c) => c !== "ABSENCE_ACKNOWLEDGE" && c !== "ADMIN")) {
      for (const role of ROLES) {
        expect(authorize(actorWith(role), command, { ...TARGET, schoolId: "school-other" }, NOW).allowed).toBe(false);
      }
    }
  });

  it("the social service acknowledges referrals from its own municipality only", () => {
    expect(
      authorize(actorWith("SOCIAL_SERVICE"), "ABSENCE_ACKNOWLEDGE", { ...TARGET, schoolId: "any-school" }, NOW).allowed,
    ).toBe(true);
    expect(
      authorize(actorWith("SOCIAL_SERVICE"), "ABSENCE_ACKNOWLEDGE", { ...TARGET, municipalityId: "other" }, NOW)
        .allowed,
    ).toBe(false);
  });

  it("the case manager decides their own case; colleagues do not", () => {
    const manager = actorWith("SOCIAL_PEDAGOGUE");
    expect(authorize(manager, "DECIDE_CASE", { ...TARGET, caseManagerId: manager.staffId }, NOW)).toEqual({
      allowed: true,
      via: "SOCIAL_PEDAGOGUE",
    });
    expect(authorize(manager, "DECIDE_CASE", TARGET, NOW)).toEqual({ allowed: false, reason: "OUT_OF_SCOPE" });
  });

  it("a class teacher sees only their own class's cases", () => {
    expect(authorize(actorWith("CLASS_TEACHER"), "VIEW_CASE", { ...TARGET, classLabel: "8.b" }, NOW).allowed).toBe(
      false,
    );
  });

  it("municipal roles see only cases routed to the inter-institutional level", () => {
    for (const role of ["MUNICIPAL_EDUCATION_SPECIALIST", "MUNICIPAL_COORDINATOR", "COMMISSION_MEMBER"] as const) {
      expect(authorize(actorWith(role), "VIEW_CASE", { ...TARGET, level: "INDICATED" }, NOW).allowed).toBe(true);
      expect(authorize(actorWith(role), "VIEW_CASE", TARGET, NOW).allowed).toBe(false);
      expect(
        authorize(actorWith(role), "VIEW_CASE", { ...TARGET, level: "INDICATED", municipalityId: "other" }, NOW)
          .allowed,
      ).toBe(false);
    }
  });

  it("police, orphan's court, social service and managers never see case details in chat", () => {
    for (const role of ["MUNICIPAL_POLICE", "STATE_POLICE", "ORPHANS_COURT", "SOCIAL_SERVICE", "MANAGER"] as const) {
      expect(authorize(actorWith(role), "VIEW_CASE", { ...TARGET, level: "INDICATED" }, NOW)).toEqual({
        allowed: false,
        reason: "NO_ROLE",
      });
    }
  });

  it("details need current data-protection training; reporting does not", () => {
    const lapsed = actorWith("PSYCHOLOGIST", { trainedUntil: new Date("2026-11-01T00:00:00Z") });
    expect(authorize(lapsed, "VIEW_CASE", TARGET, NOW)).toEqual({ allowed: false, reason: "TRAINING_REQUIRED" });
    expect(authorize(lapsed, "TAKE_CASE", TARGET, NOW)).toEqual({ allowed: false, reason: "TRAINING_REQUIRED" });
    expect(authorize({ ...lapsed, trainedUntil: null }, "REPORT_RISK", TARGET, NOW).allowed).toBe(true);
  });

  it("a person with several roles acts through any role that allows it", () => {
    const both: Actor = {
      staffId: "s",
      trainedUntil: TRAINED,
      roles: [
        { role: "TEACHER", ...HOME },
        { role: "SCHOOL_COORDINATOR", ...HOME },
      ],
    };
    expect(authorize(both, "TAKE_CASE", TARGET, NOW)).toEqual({ allowed: true, via: "SCHOOL_COORDINATOR" });
  });
});
