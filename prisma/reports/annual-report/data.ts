// The annual report's figures for a municipality and school year, each from one named query. Deterministic:
// every list has a total order and every number is computed in SQL from stored rows, so the same period and data
// always give the same numbers (the report is generated at any time, twice, and must agree with itself).

import { z } from "zod";
import { Prisma, type PrismaClient } from "../../client.js";
import type { IndicatorUnit, ProgrammeArea } from "../../generated/enums.js";

export const ANNUAL_QUERY_IDS = {
  programmeActivities: "annual.programme-activities.v1",
  indicators: "annual.indicators.v1",
  plansBySemesterStatus: "annual.plans-by-semester-status.v1",
  hoursBySpecialist: "annual.hours-by-specialist.v1",
  checkpoints: "annual.checkpoints.v1",
  casesOpenedByLevel: "annual.cases-opened-by-level.v1",
  learnersWithPlan: "annual.learners-with-plan.v1",
} as const;

/** Indicators the data can answer, by IKMS code: the query that computes the municipality's value for the year. */
export const COMPUTED_INDICATORS = {
  // IKMS VID007: learners who received support against early school leaving (count: at least one attended session).
  VID007: "annual.indicator.vid007-learners-supported.v1",
  // IKMS VAI002: long-term unjustified non-attendance, % of basic-education learners (grades 1–9): more than 20
  // unexcused lessons in a semester of the year (MK 89 p.7).
  VAI002: "annual.indicator.vai002-long-term-non-attendance.v1",
} as const;
type ComputedIkms = keyof typeof COMPUTED_INDICATORS;

export interface ReportActivity {
  area: ProgrammeArea | null;
  goal: string | null;
  title: string;
  responsible: string | null;
  plannedFunding: string | null;
  actualFunding: string | null;
  plannedResult: string | null;
  actualResult: string | null;
  participants: number | null;
  helpingFactors: string | null;
  hinderingFactors: string | null;
}

export interface ReportIndicator {
  code: string;
  nameLv: string;
  nameEn: string;
  unit: IndicatorUnit;
  ikmsCode: string | null;
  risFlag: boolean;
  baselineValue: string | null;
  baselineYear: string | null;
  targets: Array<{ year: string; value: string | null }>;
  dataSource: string | null;
  /** The year's value, or null when neither computed nor entered. */
  value: string | null;
  valueSource: "COMPUTED" | "ENTERED" | "NONE";
  /** The query that computed the value, or the one that read the entered value. */
  queryId: string;
}

export interface AnnualReportData {
  municipality: { code: string; nameLv: string; nameEn: string };
  schoolYear: string;
  period: { from: string; to: string };
  activities: ReportActivity[];
  indicators: ReportIndicator[];
  plansBySemesterStatus: Array<{ semester: number; status: string; count: number }>;
  hoursBySpecialist: Array<{ role: string; planned: string; delivered: string }>;
  checkpoints: { due: number; completed: number; overdue: number };
  casesOpenedByLevel: Array<{ level: string; count: number }>;
  learnersWithPlan: number;
}

const num = z.union([z.bigint(), z.number(), z.string()]).transform(Number);
const dec = z.union([z.string(), z.number(), z.custom<Prisma.Decimal>((v) => Prisma.Decimal.isDecimal(v))]);
const fixed = (value: unknown, places: number) => new Prisma.Decimal(String(value)).toFixed(places);

/** 1 September to 31 August of a school year "2025/26". */
export function schoolYearPeriod(schoolYear: string): { from: string; to: string } {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

export async function annualReportData(
  prisma: PrismaClient,
  input: { municipalityId: string; schoolYear: string; asOf: Date },
): Promise<AnnualReportData> {
  const { municipalityId, schoolYear } = input;
  const period = schoolYearPeriod(schoolYear);
  const from = new Date(`${period.from}T00:00:00Z`);
  const to = new Date(`${period.to}T00:00:00Z`);
  // Checkpoints count as overdue against the end of the year or, while it runs, the moment of the report's data.
  const cutoff = input.asOf < to ? input.asOf : to;
  const inMunicipality = Prisma.sql`c."schoolId" IN (SELECT s."id" FROM "School" s WHERE s."municipalityId" = ${municipalityId})`;

  const municipality = await prisma.municipality.findUniqueOrThrow({
    where: { id: municipalityId },
    select: { code: true, nameLv: true, nameEn: true },
  });

  const [activities, indicators, plans, hours, checkpoints, cases, learners] = await Promise.all([
    // annual.programme-activities.v1
    prisma.programmeActivity.findMany({
      where: {
        municipalityId,
        AND: [
          { OR: [{ startsOn: null }, { startsOn: { lte: to } }] },
          { OR: [{ endsOn: null }, { endsOn: { gte: from } }] },
        ],
      },
      orderBy: [
        { area: { sort: "asc", nulls: "last" } },
        { goal: { sort: "asc", nulls: "last" } },
        { title: "asc" },
        { id: "asc" },
      ],
    }),
    // annual.indicators.v1: the registry with target rows and the value entered for the year (municipality-wide).
    prisma.indicator.findMany({
      where: { municipalityId },
      include: {
        targets: { orderBy: { year: "asc" } },
        values: {
          where: { period: schoolYear, schoolId: null },
          orderBy: [{ recordedAt: "desc" }, { id: "asc" }],
          take: 1,
        },
      },
    }),
    // annual.plans-by-semester-status.v1
    prisma.$queryRaw(Prisma.sql`
      SELECT i."semester", i."status"::text AS "status", count(*) AS "count"
      FROM "Iap" i JOIN "Case" c ON c."id" = i."caseId"
      WHERE ${inMunicipality} AND i."schoolYear" = ${schoolYear}
      GROUP BY 1, 2 ORDER BY 1, 2`),
    // annual.hours-by-specialist.v1: planned hours of the year's plans and hours attended, by provider role.
    prisma.$queryRaw(Prisma.sql`
      WITH acts AS (
        SELECT a."id", a."providerRole"::text AS "role", a."plannedHours"
        FROM "IapActivity" a JOIN "Iap" i ON i."id" = a."iapId" JOIN "Case" c ON c."id" = i."caseId"
        WHERE ${inMunicipality} AND i."schoolYear" = ${schoolYear}
      ), delivered AS (
        SELECT d."activityId", sum(d."hours") AS "hours" FROM "IapDeliveryLog" d
        WHERE d."attendance" = 'ATTENDED'::"Attendance" AND d."activityId" IN (SELECT "id" FROM acts)
        GROUP BY 1
      )
      SELECT acts."role", sum(acts."plannedHours")::text AS "planned", COALESCE(sum(delivered."hours"), 0)::text AS "delivered"
      FROM acts LEFT JOIN delivered ON delivered."activityId" = acts."id"
      GROUP BY 1 ORDER BY 1`),
    // annual.checkpoints.v1
    prisma.$queryRaw(Prisma.sql`
      SELECT count(*) AS "due",
        count(*) FILTER (WHERE k."completedAt" IS NOT NULL) AS "completed",
        count(*) FILTER (WHERE k."completedAt" IS NULL AND k."dueOn" < ${cutoff}) AS "overdue"
      FROM "IapCheckpoint" k JOIN "Iap" i ON i."id" = k."iapId" JOIN "Case" c ON c."id" = i."caseId"
      WHERE ${inMunicipality} AND i."schoolYear" = ${schoolYear} AND k."dueOn" BETWEEN ${from} AND ${to}`),
    // annual.cases-opened-by-level.v1
    prisma.$queryRaw(Prisma.sql`
      SELECT COALESCE(c."level"::text, 'UNDECIDED') AS "level", count(*) AS "count"
      FROM "Case" c
      WHERE ${inMunicipality} AND c."openedAt" >= ${from} AND c."openedAt" < ${new Date(to.getTime() + 86_400_000)}
      GROUP BY 1 ORDER BY 1`),
    // annual.learners-with-plan.v1
    prisma.$queryRaw(Prisma.sql`
      SELECT count(DISTINCT c."learnerId") AS "count"
      FROM "Iap" i JOIN "Case" c ON c."id" = i."caseId"
      WHERE ${inMunicipality} AND i."schoolYear" = ${schoolYear}`),
  ]);

  const computed = await computedIndicatorValues(prisma, { municipalityId, schoolYear });

  return {
    municipality,
    schoolYear,
    period,
    activities: activities.map((a) => ({
      area: a.area,
      goal: a.goal,
      title: a.title,
      responsible: a.responsible,
      plannedFunding: a.plannedFunding === null ? null : fixed(a.plannedFunding, 2),
      actualFunding: a.actualFunding === null ? null : fixed(a.actualFunding, 2),
      plannedResult: a.plannedResult,
      actualResult: a.actualResult,
      participants: a.participants,
      helpingFactors: a.helpingFactors,
      hinderingFactors: a.hinderingFactors,
    })),
    indicators: indicators
      .map((i): ReportIndicator => {
        const computedBy = i.ikmsCode && i.ikmsCode in COMPUTED_INDICATORS ? (i.ikmsCode as ComputedIkms) : null;
        const entered = i.values[0];
        const places = i.unit === "PERCENT" ? 2 : 0;
        const value =
          computedBy !== null
            ? {
                value: fixed(computed[computedBy], places),
                valueSource: "COMPUTED" as const,
                queryId: COMPUTED_INDICATORS[computedBy],
              }
            : entered
              ? {
                  value: fixed(entered.value, places),
                  valueSource: "ENTERED" as const,
                  queryId: ANNUAL_QUERY_IDS.indicators,
                }
              : { value: null, valueSource: "NONE" as const, queryId: ANNUAL_QUERY_IDS.indicators };
        return {
          code: i.code,
          nameLv: i.nameLv,
          nameEn: i.nameEn,
          unit: i.unit,
          ikmsCode: i.ikmsCode,
          risFlag: i.risFlag,
          baselineValue: i.baselineValue === null ? null : i.baselineValue.toString(),
          baselineYear: i.baselineYear,
          targets: i.targets.map((t) => ({ year: t.year, value: t.value === null ? null : t.value.toString() })),
          dataSource: i.dataSource,
          ...value,
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code, "lv", { numeric: true })),
    plansBySemesterStatus: z.array(z.object({ semester: num, status: z.string(), count: num })).parse(plans),
    hoursBySpecialist: z
      .array(z.object({ role: z.string(), planned: dec, delivered: dec }))
      .parse(hours)
      .map((h) => ({ role: h.role, planned: fixed(h.planned, 1), delivered: fixed(h.delivered, 1) })),
    checkpoints: z.object({ due: num, completed: num, overdue: num }).parse(z.array(z.unknown()).parse(checkpoints)[0]),
    casesOpenedByLevel: z.array(z.object({ level: z.string(), count: num })).parse(cases),
    learnersWithPlan: z.object({ count: num }).parse(z.array(z.unknown()).parse(learners)[0]).count,
  };
}

/** The values of COMPUTED_INDICATORS for the municipality and year. */
async function computedIndicatorValues(
  prisma: PrismaClient,
  input: { municipalityId: string; schoolYear: string },
): Promise<Record<ComputedIkms, string>> {
  const schools = Prisma.sql`(SELECT s."id" FROM "School" s WHERE s."municipalityId" = ${input.municipalityId})`;
  const [supported, nonAttendance] = await Promise.all([
    // annual.indicator.vid007-learners-supported.v1
    prisma.$queryRaw(Prisma.sql`
      SELECT count(DISTINCT c."learnerId")::text AS "value"
      FROM "IapDeliveryLog" d JOIN "IapActivity" a ON a."id" = d."activityId"
      JOIN "Iap" i ON i."id" = a."iapId" JOIN "Case" c ON c."id" = i."caseId"
      WHERE c."schoolId" IN ${schools} AND i."schoolYear" = ${input.schoolYear} AND d."attendance" = 'ATTENDED'::"Attendance"`),
    // annual.indicator.vai002-long-term-non-attendance.v1
    prisma.$queryRaw(Prisma.sql`
      WITH basic AS (
        SELECT l."id" FROM "Learner" l WHERE l."schoolId" IN ${schools} AND l."active" AND l."grade" BETWEEN 1 AND 9
      )
      SELECT CASE WHEN (SELECT count(*) FROM basic) = 0 THEN '0' ELSE
        (100.0 * (SELECT count(DISTINCT a."learnerId") FROM "AbsenceCounter" a
                  WHERE a."learnerId" IN (SELECT "id" FROM basic) AND a."schoolYear" = ${input.schoolYear}
                    AND a."unjustifiedLessons" + a."unknownLessons" > 20)
         / (SELECT count(*) FROM basic))::text END AS "value"`),
  ]);
  const value = (rows: unknown) => z.array(z.object({ value: z.string() })).parse(rows)[0]!.value;
  return { VID007: value(supported), VAI002: value(nonAttendance) };
}
