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
import { MUNICIPALITY_SCOPE, PRESCHOOL_SCOPE } from "./import-calendars.js";
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
 * One row per learner code in scope. A code is looked up through the learner's enrolments first (a person has an
 * enrolment per school, each with that school's e-journal code and grade), then, for learners without enrolment
 * rows, through Learner.schoolId and learnerCode. `matches` > 1 marks a code that names several people of the
 * municipality. A code names one enrolment: the latest, when a person left a school and came back under the same
 * code. Columns:
 *   - learner_id, school_id: the person and the school the absence happened at (AbsenceRecord.schoolId);
 *   - owner_school_id: the learner's current school (Learner.schoolId), whose staff hold the escalation's tasks;
 *   - programme: how MK 89 counts (the pre-school group of a general school, grade 0, counts days);
 *   - calendar_scope: the calendar the dates are checked against (import-calendars.ts), among `scopes`.
 */
export async function loadScopeTable(
  client: pg.PoolClient,
  scope: ResolvedScope,
  scopes: readonly string[],
): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE ${SCOPE_TABLE} ON COMMIT DROP AS
     WITH codes AS (
       SELECT e."learnerCode" AS code, e."learnerId" AS learner_id, e."schoolId" AS school_id, e.grade,
              e."programmeCode" AS programme_code, e."startedOn" AS started_on
       FROM "Enrolment" e JOIN "School" s ON s.id = e."schoolId"
       WHERE s."municipalityId" = $1 AND ($2::text IS NULL OR s.id = $2::text)
       UNION ALL
       SELECT l."learnerCode", l.id, l."schoolId", l.grade, NULL, NULL
       FROM "Learner" l JOIN "School" s ON s.id = l."schoolId"
       WHERE s."municipalityId" = $1 AND ($2::text IS NULL OR s.id = $2::text)
         AND NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."learnerId" = l.id)
     ),
     latest AS (SELECT DISTINCT ON (code) * FROM codes ORDER BY code, started_on DESC NULLS LAST),
     people AS (SELECT code, count(DISTINCT learner_id) AS matches FROM codes GROUP BY code)
     SELECT c.code, c.learner_id, c.school_id, l."schoolId" AS owner_school_id, c.grade,
            LEAST(GREATEST(c.grade, 0), 12) AS calendar_grade, p.programme,
            CASE WHEN 'programme:' || c.programme_code = ANY($3::text[]) THEN 'programme:' || c.programme_code
                 WHEN 'school:' || s.code = ANY($3::text[]) THEN 'school:' || s.code
                 WHEN p.programme = 'PRESCHOOL' AND '${PRESCHOOL_SCOPE}' = ANY($3::text[]) THEN '${PRESCHOOL_SCOPE}'
                 ELSE '${MUNICIPALITY_SCOPE}' END AS calendar_scope,
            m.matches
     FROM latest c
     JOIN people m ON m.code = c.code
     JOIN "School" s ON s.id = c.school_id
     JOIN "Learner" l ON l.id = c.learner_id
     CROSS JOIN LATERAL (SELECT CASE WHEN s.kind = 'PRESCHOOL' OR c.grade = 0 THEN 'PRESCHOOL'
                                     WHEN s.kind = 'VOCATIONAL' THEN 'VOCATIONAL' ELSE 'GENERAL' END AS programme) p`,
    [scope.municipalityId, scope.schoolId, scopes],
  );
  await client.query(`CREATE UNIQUE INDEX ON ${SCOPE_TABLE} (code)`);
  await client.query(`ANALYZE ${SCOPE_TABLE}`);
}
