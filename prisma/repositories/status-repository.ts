// The queries behind `/pmp status`, one per figure, each with a stable id that the answer names ("which query
// produced this number"). Scope is a municipality, optionally narrowed to one school; every query is a single
// indexed aggregate so the answer fits in Slack's 3 seconds at national scale (docs/benchmarks.md).

import { z } from "zod";
import { Prisma, type PrismaClient } from "../client.js";

export interface StatusQueryScope {
  municipalityId: string;
  schoolId: string | null;
  schoolYear: string;
  semester: 1 | 2;
  now: Date;
}

export interface CountRow {
  key: string;
  count: number;
}

/** Query ids, as the answer and docs/reporting.md name them. */
export const STATUS_QUERY_IDS = {
  openCasesByLevel: "status.open-cases-by-level.v1",
  openCasesByRiskGroup: "status.open-cases-by-risk-group.v1",
  plansByStatus: "status.plans-by-status.v1",
  overdueTasks: "status.overdue-tasks.v1",
  learnersPastThresholds: "status.learners-past-thresholds.v1",
  escalationsWaiting: "status.escalations-waiting.v1",
  deliveredHoursBySpecialist: "status.delivered-hours-by-specialist.v1",
} as const;

const OPEN_CASE = Prisma.sql`c."status" IN ('REPORTED'::"CaseStatus", 'INVESTIGATING'::"CaseStatus", 'CONFIRMED'::"CaseStatus")`;

// Raw SQL is an edge: rows are checked once here.
const countRows = z.array(z.object({ key: z.string(), count: z.union([z.bigint(), z.number()]).transform(Number) }));
const hourRows = z.array(
  z.object({ key: z.string(), hours: z.union([z.string(), z.number(), z.custom<Prisma.Decimal>()]).transform(String) }),
);

export function createStatusRepository(prisma: PrismaClient) {
  /** Schools in scope: the one asked for, or every school of the municipality. */
  const schools = (scope: StatusQueryScope, alias: string) =>
    scope.schoolId
      ? Prisma.sql`${Prisma.raw(alias)}."schoolId" = ${scope.schoolId}`
      : Prisma.sql`${Prisma.raw(alias)}."schoolId" IN (SELECT s."id" FROM "School" s WHERE s."municipalityId" = ${scope.municipalityId})`;

  const counts = async (sql: Prisma.Sql): Promise<CountRow[]> => countRows.parse(await prisma.$queryRaw(sql));

  return {
    /** Open cases (reported, investigating, confirmed) by prevention level; "UNDECIDED" before the decision. */
    openCasesByLevel: (scope: StatusQueryScope) =>
      counts(Prisma.sql`
        SELECT COALESCE(c."level"::text, 'UNDECIDED') AS "key", count(*) AS "count"
        FROM "Case" c WHERE ${schools(scope, "c")} AND ${OPEN_CASE}
        GROUP BY 1 ORDER BY 1`),

    /** Open cases by the risk groups of the risks reported for them (a case with risks in two groups counts in both). */
    openCasesByRiskGroup: (scope: StatusQueryScope) =>
      counts(Prisma.sql`
        SELECT r."groupCode" AS "key", count(DISTINCT c."id") AS "count"
        FROM "Case" c
        JOIN "RiskReport" rr ON rr."caseId" = c."id"
        JOIN "ReportedRisk" x ON x."reportId" = rr."id"
        JOIN "Risk" r ON r."code" = x."riskCode"
        WHERE ${schools(scope, "c")} AND ${OPEN_CASE} AND (x."present" IS TRUE OR x."frequency" > 0)
        GROUP BY 1 ORDER BY 1`),

    /** Support plans of the semester by status. */
    plansByStatus: (scope: StatusQueryScope) =>
      counts(Prisma.sql`
        SELECT i."status"::text AS "key", count(*) AS "count"
        FROM "Iap" i JOIN "Case" c ON c."id" = i."caseId"
        WHERE ${schools(scope, "c")} AND i."schoolYear" = ${scope.schoolYear} AND i."semester" = ${scope.semester}
        GROUP BY 1 ORDER BY 1`),

    /**
     * Human tasks past their deadline and not done: marked overdue or escalated by their workflow, or still open
     * with the deadline gone (the workflow's timer may not have fired yet). Municipal tasks (no school) count for
     * the municipality only.
     */
    overdueTasks: (scope: StatusQueryScope) =>
      counts(Prisma.sql`
        SELECT t."state"::text AS "key", count(*) AS "count"
        FROM "Task" t
        WHERE t."municipalityId" = ${scope.municipalityId}
          ${scope.schoolId ? Prisma.sql`AND t."schoolId" = ${scope.schoolId}` : Prisma.empty}
          AND (t."state" IN ('OVERDUE'::"TaskState", 'ESCALATED'::"TaskState")
               OR (t."state" = 'OPEN'::"TaskState" AND t."dueAt" < ${scope.now}))
        GROUP BY 1 ORDER BY 1`),

    /**
     * Learners past the absence marks, unexcused = unjustified + unknown (MK 89 p.7): more than 20 lessons in the
     * semester ("SEMESTER_20"), more than 100 and 200 in the school year ("YEAR_100", "YEAR_200").
     */
    learnersPastThresholds: (scope: StatusQueryScope) =>
      counts(Prisma.sql`
        WITH per_learner AS (
          SELECT a."learnerId",
            sum(a."unjustifiedLessons" + a."unknownLessons") FILTER (WHERE a."semester" = ${scope.semester}) AS semester_lessons,
            sum(a."unjustifiedLessons" + a."unknownLessons") AS year_lessons
          FROM "AbsenceCounter" a JOIN "Learner" l ON l."id" = a."learnerId"
          WHERE ${schools(scope, "l")} AND a."schoolYear" = ${scope.schoolYear}
          GROUP BY a."learnerId"
        )
        SELECT m."key", count(p."learnerId") FILTER (WHERE
            (m."key" = 'SEMESTER_20' AND p.semester_lessons > 20) OR
            (m."key" = 'YEAR_100' AND p.year_lessons > 100) OR
            (m."key" = 'YEAR_200' AND p.year_lessons > 200)) AS "count"
        FROM (VALUES ('SEMESTER_20'), ('YEAR_100'), ('YEAR_200')) AS m("key") LEFT JOIN per_learner p ON TRUE
        GROUP BY m."key" ORDER BY m."key"`),

    /** Open absence escalations (any semester) with a step still waiting for someone, by the step's state. */
    escalationsWaiting: (scope: StatusQueryScope) =>
      counts(Prisma.sql`
        SELECT 'WAITING' AS "key", count(*) AS "count"
        FROM "Escalation" e JOIN "Learner" l ON l."id" = e."learnerId"
        WHERE ${schools(scope, "l")} AND e."status" = 'OPEN'::"EscalationStatus"
          AND EXISTS (SELECT 1 FROM "EscalationStep" st WHERE st."escalationId" = e."id"
                      AND st."status" IN ('OPEN'::"StepStatus", 'OVERDUE'::"StepStatus", 'ESCALATED'::"StepStatus"))`),

    /** Hours delivered (attended sessions) under the semester's plans, by the provider's role (specialist type). */
    deliveredHoursBySpecialist: async (scope: StatusQueryScope) =>
      hourRows.parse(
        await prisma.$queryRaw(Prisma.sql`
          SELECT a."providerRole"::text AS "key", sum(d."hours")::text AS "hours"
          FROM "IapDeliveryLog" d
          JOIN "IapActivity" a ON a."id" = d."activityId"
          JOIN "Iap" i ON i."id" = a."iapId"
          JOIN "Case" c ON c."id" = i."caseId"
          WHERE ${schools(scope, "c")} AND i."schoolYear" = ${scope.schoolYear} AND i."semester" = ${scope.semester}
            AND d."attendance" = 'ATTENDED'::"Attendance"
          GROUP BY 1 ORDER BY 1`),
      ),
  };
}

export type StatusRepository = ReturnType<typeof createStatusRepository>;
