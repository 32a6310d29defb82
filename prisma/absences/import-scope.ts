/**
 * Which learners an import may write to, and how learner codes are resolved.
 *
 * Learner codes are unique per school only (@@unique([schoolId, learnerCode])). So:
 *   - school scope (`--school CODE`, or an API token's school): a code is looked up in that school only;
 *   - municipality scope (no `--school`): a code is looked up in every school of the municipality, and a row
 *     whose code two schools use is rejected as ambiguous rather than guessed (import that school's file
 *     with `--school`). The demo schools' codes (V…, T…) never collide.
 */
import type pg from "pg";
import type { PrismaClient } from "../client.js";
import { AbsenceImportError } from "./import-error.js";

export type AbsenceImportScope = { schoolCode: string } | { schoolId: string } | { municipalityCode?: string };

export interface ResolvedScope {
  municipalityId: string;
  /** Null for a municipality-wide import. */
  schoolId: string | null;
  /** "school DEMO-VSK" or "municipality DEMO", for messages. */
  description: string;
}

export const SCOPE_TABLE = "absence_scope";

export async function resolveScope(prisma: PrismaClient, scope: AbsenceImportScope): Promise<ResolvedScope> {
  if ("schoolCode" in scope || "schoolId" in scope) {
    const school = await prisma.school.findUnique({
      where: "schoolCode" in scope ? { code: scope.schoolCode } : { id: scope.schoolId },
      select: { id: true, code: true, municipalityId: true },
    });
    if (!school)
      throw new AbsenceImportError(`unknown school ${"schoolCode" in scope ? scope.schoolCode : scope.schoolId}`);
    return { municipalityId: school.municipalityId, schoolId: school.id, description: `school ${school.code}` };
  }
  const municipalities = await prisma.municipality.findMany({
    where: scope.municipalityCode ? { code: scope.municipalityCode } : {},
    select: { id: true, code: true },
    take: 2,
  });
  const [only, another] = municipalities;
  if (!only) {
    throw new AbsenceImportError(
      scope.municipalityCode ? `unknown municipality ${scope.municipalityCode}` : "the database has no municipality",
    );
  }
  if (another)
    throw new AbsenceImportError(
      "the database holds several municipalities: name one with --municipality CODE or a school with --school CODE",
    );
  return { municipalityId: only.id, schoolId: null, description: `municipality ${only.code}` };
}

/**
 * One row per learner code in scope. `matches` > 1 marks a code shared by schools of the municipality. The
 * programme decides how MK 89 counts: the pre-school group of a general school (grade 0) counts days.
 */
export async function loadScopeTable(client: pg.PoolClient, scope: ResolvedScope): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE ${SCOPE_TABLE} ON COMMIT DROP AS
     SELECT l."learnerCode" AS code,
            min(l.id) AS learner_id,
            min(l."schoolId") AS school_id,
            min(l.grade) AS grade,
            LEAST(GREATEST(min(l.grade), 0), 12) AS calendar_grade,
            min(CASE WHEN s.kind = 'PRESCHOOL' OR l.grade = 0 THEN 'PRESCHOOL'
                     WHEN s.kind = 'VOCATIONAL' THEN 'VOCATIONAL' ELSE 'GENERAL' END) AS programme,
            count(*) AS matches
     FROM "Learner" l JOIN "School" s ON s.id = l."schoolId"
     WHERE s."municipalityId" = $1 AND ($2::text IS NULL OR s.id = $2::text)
     GROUP BY l."learnerCode"`,
    [scope.municipalityId, scope.schoolId],
  );
  await client.query(`CREATE UNIQUE INDEX ON ${SCOPE_TABLE} (code)`);
  await client.query(`ANALYZE ${SCOPE_TABLE}`);
}
