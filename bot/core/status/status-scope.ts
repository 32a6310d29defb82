// Who may ask `/pmp status` about what, as data: the role decides the institution the figures cover, which
// figures are shown and whether small counts are suppressed. Pure, so the rule is tested without a database.

import type { Role } from "../../../prisma/generated/enums.js";
import { ACCESS_MATRIX, type Actor, type ActorRole } from "../access-matrix.js";

/** The figures `/pmp status` can show, each produced by one named query (bot/core/status/status-queries.ts). */
export const STATUS_FIGURES = [
  "openCasesByLevel",
  "openCasesByRiskGroup",
  "plansByStatus",
  "overdueTasks",
  "learnersPastThresholds",
  "escalationsWaiting",
  "deliveredHoursBySpecialist",
] as const;
export type StatusFigure = (typeof STATUS_FIGURES)[number];

/**
 * The aggregates agreed for the social service and the police (MK 545 cooperation group): how many open cases
 * at which level, how many learners past the absence marks, how many escalations wait. No risk groups, plans,
 * task or hours figures: those describe the school's own work and, in a small municipality, single families.
 */
export const AGREED_AGGREGATES: readonly StatusFigure[] = [
  "openCasesByLevel",
  "learnersPastThresholds",
  "escalationsWaiting",
];

/** Counts below this are shown as "<5" to roles without case access (IKVD concept §2.2, minimum necessary). */
export const SUPPRESS_BELOW = 5;

type Breadth = "SCHOOL" | "MUNICIPALITY";
interface RoleRule {
  breadth: Breadth;
  figures: readonly StatusFigure[];
}

const ALL: readonly StatusFigure[] = STATUS_FIGURES;

/** Roles that may ask at all; a role not listed is refused. */
export const STATUS_ROLES: Partial<Record<Role, RoleRule>> = {
  DIRECTOR: { breadth: "SCHOOL", figures: ALL },
  SCHOOL_COORDINATOR: { breadth: "SCHOOL", figures: ALL },
  MUNICIPAL_COORDINATOR: { breadth: "MUNICIPALITY", figures: ALL },
  MUNICIPAL_EDUCATION_SPECIALIST: { breadth: "MUNICIPALITY", figures: ALL },
  MANAGER: { breadth: "MUNICIPALITY", figures: ALL },
  SOCIAL_SERVICE: { breadth: "MUNICIPALITY", figures: AGREED_AGGREGATES },
  MUNICIPAL_POLICE: { breadth: "MUNICIPALITY", figures: AGREED_AGGREGATES },
  STATE_POLICE: { breadth: "MUNICIPALITY", figures: AGREED_AGGREGATES },
};

export type StatusScope = {
  municipalityId: string;
  /** Null: the whole municipality. */
  schoolId: string | null;
  figures: readonly StatusFigure[];
  /** Counts below SUPPRESS_BELOW read "<5". */
  suppressSmallCounts: boolean;
  via: Role;
};

export type StatusScopeDecision =
  { allowed: true; scope: StatusScope } | { allowed: false; reason: "NO_ROLE" | "OUT_OF_SCOPE" };

/**
 * The widest scope the actor's roles give for the school asked about (null: none named). A municipal role sees
 * the municipality or any of its schools; a school role only its own school. Small counts are suppressed unless
 * the role may open cases (ACCESS_MATRIX.VIEW_CASE) and the person's data-protection training is current.
 */
export function statusScopeFor(
  actor: Actor,
  asked: { schoolId: string | null; schoolMunicipalityId: string | null },
  now: Date,
): StatusScopeDecision {
  const eligible = actor.roles.filter((r) => STATUS_ROLES[r.role]);
  if (eligible.length === 0) return { allowed: false, reason: "NO_ROLE" };
  const candidates = eligible
    .map((role) => scopeVia(role, asked, actor, now))
    .filter((s): s is StatusScope => s !== null)
    // The fullest view first: more figures, then unsuppressed, then the wider institution.
    .sort(
      (a, b) =>
        b.figures.length - a.figures.length ||
        Number(a.suppressSmallCounts) - Number(b.suppressSmallCounts) ||
        Number(a.schoolId !== null) - Number(b.schoolId !== null),
    );
  const best = candidates[0];
  return best ? { allowed: true, scope: best } : { allowed: false, reason: "OUT_OF_SCOPE" };
}

function scopeVia(
  role: ActorRole,
  asked: { schoolId: string | null; schoolMunicipalityId: string | null },
  actor: Actor,
  now: Date,
): StatusScope | null {
  const rule = STATUS_ROLES[role.role]!;
  const caseAccess =
    Boolean(ACCESS_MATRIX.VIEW_CASE[role.role]) && Boolean(actor.trainedUntil && actor.trainedUntil > now);
  const base = {
    municipalityId: role.municipalityId,
    figures: rule.figures,
    suppressSmallCounts: !caseAccess,
    via: role.role,
  };
  if (rule.breadth === "SCHOOL") {
    if (!role.schoolId) return null;
    if (asked.schoolId !== null && asked.schoolId !== role.schoolId) return null;
    return { ...base, schoolId: role.schoolId };
  }
  if (asked.schoolId !== null && asked.schoolMunicipalityId !== role.municipalityId) return null;
  return { ...base, schoolId: asked.schoolId };
}

/** A count as shown: exact, or "<5" when suppressed and below the threshold (zero included: "none" is a count too). */
export function shownCount(count: number, suppress: boolean): string {
  return suppress && count < SUPPRESS_BELOW ? `<${SUPPRESS_BELOW}` : String(count);
}
