import type { Role } from "../../prisma/generated/enums.js";
import type { PreventionLevel } from "../../workflows/domain/triage.js";
import { SCHOOL_ROLES } from "../../workflows/domain/role-scope.js";

// Who may do what, as data (docs/domain.md §2 and §11: role-based visibility, minimum necessary, as the IKVD concept §2.2 asks). Each cell is
// the scope within which the role may act; a role without a cell may not act at all. Every command except
// reporting also needs current data-protection training (IKVD concept §2.2).

export const COMMANDS = [
  "REPORT_RISK",
  "TAKE_CASE",
  "DECIDE_CASE",
  "VIEW_CASE",
  "ABSENCE_CONTACT",
  "ABSENCE_SCHOOL_STEP",
  "ABSENCE_ACKNOWLEDGE",
  "ADMIN",
] as const;
export type Command = (typeof COMMANDS)[number];

export type Scope =
  /** Any learner or case of a school where the actor holds this role. */
  | "OWN_SCHOOL"
  /** Only cases the actor manages. */
  | "MANAGED_CASE"
  /** Learners of the class the actor leads (universal-level measures fall to the class teacher). */
  | "OWN_CLASS"
  /** Cases of the actor's municipality that were routed to the inter-institutional level (indicated). */
  | "MUNICIPALITY_INDICATED"
  /** Anything concerning a learner of the actor's municipality (agencies acting on a referral). */
  | "OWN_MUNICIPALITY";

/** Roles held at a school (the others belong to the municipality or an agency). */
export const SCHOOL_STAFF: Role[] = [...SCHOOL_ROLES];

/** The support team members who investigate and manage cases (IKVD concept P.3.3: "Izpēta ziņotās PMP riska situācijas"). */
export const CASE_MANAGER_ROLES: Role[] = [
  "PSYCHOLOGIST",
  "SOCIAL_PEDAGOGUE",
  "SPECIAL_EDUCATION_TEACHER",
  "SPEECH_THERAPIST",
  "SCHOOL_COORDINATOR",
];

const cells = (roles: Role[], scope: Scope): Partial<Record<Role, Scope>> =>
  Object.fromEntries(roles.map((r) => [r, scope]));

export const ACCESS_MATRIX: Record<Command, Partial<Record<Role, Scope>>> = {
  // Any school employee can report a suspected risk for a learner of their school (IKVD concept Tab.2.5, P.3.3).
  REPORT_RISK: cells(SCHOOL_STAFF, "OWN_SCHOOL"),
  TAKE_CASE: cells(CASE_MANAGER_ROLES, "OWN_SCHOOL"),
  // The case manager decides; the school coordinator may decide when the manager is away or the deadline passed.
  DECIDE_CASE: {
    ...cells(["PSYCHOLOGIST", "SOCIAL_PEDAGOGUE", "SPECIAL_EDUCATION_TEACHER", "SPEECH_THERAPIST"], "MANAGED_CASE"),
    SCHOOL_COORDINATOR: "OWN_SCHOOL",
  },
  VIEW_CASE: {
    ...cells(
      [
        "PSYCHOLOGIST",
        "SOCIAL_PEDAGOGUE",
        "SPECIAL_EDUCATION_TEACHER",
        "SPEECH_THERAPIST",
        "SCHOOL_COORDINATOR",
        "DIRECTOR",
      ],
      "OWN_SCHOOL",
    ),
    CLASS_TEACHER: "OWN_CLASS",
    ...cells(
      ["MUNICIPAL_EDUCATION_SPECIALIST", "MUNICIPAL_COORDINATOR", "COMMISSION_MEMBER"],
      "MUNICIPALITY_INDICATED",
    ),
  },
  // MK 89: the class teacher (or, without one, the social pedagogue) calls the parents the same school day and
  // alone sees their contact details; the school's coordinator and director may step in.
  ABSENCE_CONTACT: {
    CLASS_TEACHER: "OWN_CLASS",
    ...cells(["SOCIAL_PEDAGOGUE", "SCHOOL_COORDINATOR", "DIRECTOR"], "OWN_SCHOOL"),
  },
  // The director is accountable for the VIIS entry and the referral (MK 89 p.7; IKVD concept P.3.3).
  ABSENCE_SCHOOL_STEP: cells(["DIRECTOR", "SCHOOL_COORDINATOR"], "OWN_SCHOOL"),
  ABSENCE_ACKNOWLEDGE: { SOCIAL_SERVICE: "OWN_MUNICIPALITY" },
  // /pmp admin: chat links and body channels of the administrator's own municipality (bot/core/admin/).
  ADMIN: { ADMINISTRATOR: "OWN_MUNICIPALITY" },
};

export const NEEDS_TRAINING: Record<Command, boolean> = {
  REPORT_RISK: false,
  TAKE_CASE: true,
  DECIDE_CASE: true,
  VIEW_CASE: true,
  ABSENCE_CONTACT: true,
  ABSENCE_SCHOOL_STEP: true,
  ABSENCE_ACKNOWLEDGE: true,
  ADMIN: true,
};

export interface ActorRole {
  role: Role;
  schoolId: string | null;
  municipalityId: string;
  classLabel?: string | null;
}

export interface Actor {
  staffId: string;
  roles: ActorRole[];
  trainedUntil: Date | null;
}

export interface AccessTarget {
  schoolId: string;
  classLabel?: string;
  municipalityId: string;
  caseManagerId?: string | null;
  level?: PreventionLevel | null;
}

export type AccessDecision =
  { allowed: true; via: Role } | { allowed: false; reason: "NO_ROLE" | "OUT_OF_SCOPE" | "TRAINING_REQUIRED" };

/** Pure decision: may this actor run this command on this target, now? */
export function authorize(actor: Actor, command: Command, target: AccessTarget, now: Date): AccessDecision {
  const cellRoles = actor.roles.filter((r) => ACCESS_MATRIX[command][r.role]);
  if (cellRoles.length === 0) return { allowed: false, reason: "NO_ROLE" };
  const inScope = cellRoles.find((r) => withinScope(ACCESS_MATRIX[command][r.role]!, r, actor, target));
  if (!inScope) return { allowed: false, reason: "OUT_OF_SCOPE" };
  if (NEEDS_TRAINING[command] && !(actor.trainedUntil && actor.trainedUntil > now))
    return { allowed: false, reason: "TRAINING_REQUIRED" };
  return { allowed: true, via: inScope.role };
}

function withinScope(scope: Scope, role: ActorRole, actor: Actor, target: AccessTarget): boolean {
  switch (scope) {
    case "OWN_SCHOOL":
      return role.schoolId === target.schoolId;
    case "MANAGED_CASE":
      return role.schoolId === target.schoolId && target.caseManagerId === actor.staffId;
    case "OWN_CLASS":
      return role.schoolId === target.schoolId && Boolean(role.classLabel) && role.classLabel === target.classLabel;
    case "MUNICIPALITY_INDICATED":
      return role.municipalityId === target.municipalityId && target.level === "INDICATED";
    case "OWN_MUNICIPALITY":
      return role.municipalityId === target.municipalityId;
  }
}
