// `/pmp status [school] [semester]`: the figures a manager asks for, scoped by role and institution
// (bot/core/status/status-scope.ts), each from one named query (prisma/repositories/status-repository.ts).
// Aggregates only: no learner, no case reference, so nothing here is personal data.

import { createStatusRepository, STATUS_QUERY_IDS } from "../../../prisma/repositories/status-repository.js";
import type { KnownActor } from "../actor.js";
import type { CoreDeps } from "../deps.js";
import { currentSemester, parseSemester, type SchoolSemester } from "./semester.js";
import { shownCount, STATUS_ROLES, statusScopeFor, type StatusFigure } from "./status-scope.js";

export interface StatusRow {
  /** What the row counts: a level, risk group code, plan status, task state, mark or role. */
  key: string;
  /** As shown: a number, "<5", or hours with one decimal. */
  value: string;
  /** A name from reference data (risk groups), when the key is a code of it. */
  name?: { nameLv: string; nameEn: string };
}

export interface StatusSection {
  figure: StatusFigure;
  queryId: string;
  rows: StatusRow[];
}

export interface StatusView {
  /** The school's name, or null for the whole municipality. */
  school: { nameLv: string; nameEn: string | null } | null;
  municipality: { nameLv: string; nameEn: string };
  period: SchoolSemester;
  suppressed: boolean;
  sections: StatusSection[];
  asOf: Date;
}

export type StatusOutcome =
  | { kind: "OK"; view: StatusView }
  | { kind: "FORBIDDEN" }
  | { kind: "UNKNOWN_SCHOOL"; code: string }
  | { kind: "BAD_ARGUMENTS" };

/** `status` arguments: a school code and/or a semester, in either order. */
export function parseStatusArgs(
  args: readonly string[],
  now: Date,
): { schoolCode: string | null; period: SchoolSemester } | null {
  let schoolCode: string | null = null;
  let period: SchoolSemester | null = null;
  for (const arg of args) {
    const semester = parseSemester(arg, now);
    if (semester && !period) period = semester;
    else if (!schoolCode && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(arg)) schoolCode = arg;
    else return null;
  }
  return { schoolCode, period: period ?? currentSemester(now) };
}

export async function statusFor(
  deps: CoreDeps,
  input: { actor: KnownActor; args: readonly string[] },
): Promise<StatusOutcome> {
  const now = deps.now();
  const parsed = parseStatusArgs(input.args, now);
  if (!parsed) return { kind: "BAD_ARGUMENTS" };
  if (!input.actor.roles.some((r) => STATUS_ROLES[r.role])) return { kind: "FORBIDDEN" };
  const school = parsed.schoolCode
    ? await deps.prisma.school.findUnique({
        where: { code: parsed.schoolCode },
        select: { id: true, municipalityId: true, nameLv: true, nameEn: true },
      })
    : null;
  // A school of another municipality reads as unknown: its existence is not ours to confirm.
  const inActorsMunicipality = school && input.actor.roles.some((r) => r.municipalityId === school.municipalityId);
  if (parsed.schoolCode && !inActorsMunicipality) {
    return { kind: "UNKNOWN_SCHOOL", code: parsed.schoolCode };
  }
  const decision = statusScopeFor(
    input.actor,
    { schoolId: school?.id ?? null, schoolMunicipalityId: school?.municipalityId ?? null },
    now,
  );
  if (!decision.allowed) return { kind: "FORBIDDEN" };
  const { scope } = decision;
  const [municipality, scopedSchool] = await Promise.all([
    deps.prisma.municipality.findUniqueOrThrow({
      where: { id: scope.municipalityId },
      select: { nameLv: true, nameEn: true },
    }),
    scope.schoolId && !school
      ? deps.prisma.school.findUniqueOrThrow({ where: { id: scope.schoolId }, select: { nameLv: true, nameEn: true } })
      : Promise.resolve(school),
  ]);
  const repository = createStatusRepository(deps.prisma);
  const queryScope = { ...parsed.period, municipalityId: scope.municipalityId, schoolId: scope.schoolId, now };
  const count = (n: number) => shownCount(n, scope.suppressSmallCounts);
  const sections = await Promise.all(
    scope.figures.map(async (figure): Promise<StatusSection> => {
      const queryId = STATUS_QUERY_IDS[figure];
      if (figure === "deliveredHoursBySpecialist") {
        const rows = await repository.deliveredHoursBySpecialist(queryScope);
        return { figure, queryId, rows: rows.map((r) => ({ key: r.key, value: Number(r.hours).toFixed(1) })) };
      }
      const rows = await repository[figure](queryScope);
      const names =
        figure === "openCasesByRiskGroup"
          ? new Map(
              (await deps.prisma.riskGroup.findMany({ select: { code: true, nameLv: true, nameEn: true } })).map(
                (g) => [g.code, { nameLv: g.nameLv, nameEn: g.nameEn }],
              ),
            )
          : null;
      return {
        figure,
        queryId,
        rows: rows.map((r) => {
          const name = names?.get(r.key);
          return { key: r.key, value: count(r.count), ...(name ? { name } : {}) };
        }),
      };
    }),
  );
  return {
    kind: "OK",
    view: {
      school: scopedSchool ? { nameLv: scopedSchool.nameLv, nameEn: scopedSchool.nameEn } : null,
      municipality,
      period: parsed.period,
      suppressed: scope.suppressSmallCounts,
      sections,
      asOf: now,
    },
  };
}
