/**
 * Per-school-year absence totals from the per-semester AbsenceCounter rows, with the marks each learner is
 * over (MK 89's semester thresholds and the municipality's yearly 100/200-lesson marks, docs/domain.md §8, the municipal requirements list
 * item 18). For reports and `/pmp status`; aggregates by pseudonymous learner code only.
 */
import type { Prisma, PrismaClient } from "../client.js";
import type { SchoolKind } from "../generated/enums.js";
import {
  thresholdsExceeded,
  type AbsenceProgramme,
  type AbsenceRuleSet,
} from "../../workflows/domain/absence-rules.js";

export interface SemesterTotals {
  semester: 1 | 2;
  unexcusedLessons: number;
  justifiedLessons: number;
  unexcusedDays: number;
}

export interface LearnerYearTotals {
  learnerId: string;
  learnerCode: string;
  schoolId: string;
  programme: AbsenceProgramme;
  schoolYear: string;
  unjustifiedLessons: number;
  unknownLessons: number;
  /** unjustified + unknown: what MK 89 p.7 counts. */
  unexcusedLessons: number;
  justifiedLessons: number;
  unexcusedDays: number;
  semesters: SemesterTotals[];
  /** Ids of the threshold rules exceeded this year (a semester rule counts when either semester exceeds it). */
  exceeded: string[];
}

const counterSelect = {
  learnerId: true,
  semester: true,
  unjustifiedLessons: true,
  unknownLessons: true,
  justifiedLessons: true,
  unexcusedDays: true,
  learner: { select: { learnerCode: true, schoolId: true, grade: true, school: { select: { kind: true } } } },
} satisfies Prisma.AbsenceCounterSelect;

/** Same rule as the importer's scope table: the pre-school group of a general school counts days. */
export function programmeOf(grade: number, schoolKind: SchoolKind): AbsenceProgramme {
  if (schoolKind === "PRESCHOOL" || grade === 0) return "PRESCHOOL";
  return schoolKind === "VOCATIONAL" ? "VOCATIONAL" : "GENERAL";
}

export function createAbsenceTotalsRepository(prisma: PrismaClient) {
  return {
    /** Totals of every learner with absences in `schoolYear`, in one school or one municipality. */
    async yearTotals(input: {
      schoolYear: string;
      where: { schoolId: string } | { municipalityId: string };
      rules: AbsenceRuleSet;
    }): Promise<LearnerYearTotals[]> {
      const rows = await prisma.absenceCounter.findMany({
        where: {
          schoolYear: input.schoolYear,
          learner:
            "schoolId" in input.where
              ? { schoolId: input.where.schoolId }
              : { school: { municipalityId: input.where.municipalityId } },
        },
        select: counterSelect,
        orderBy: [{ learner: { learnerCode: "asc" } }, { semester: "asc" }],
      });
      const byLearner = new Map<string, LearnerYearTotals>();
      for (const row of rows) {
        const programme = programmeOf(row.learner.grade, row.learner.school.kind);
        const totals = byLearner.get(row.learnerId) ?? {
          learnerId: row.learnerId,
          learnerCode: row.learner.learnerCode,
          schoolId: row.learner.schoolId,
          programme,
          schoolYear: input.schoolYear,
          unjustifiedLessons: 0,
          unknownLessons: 0,
          unexcusedLessons: 0,
          justifiedLessons: 0,
          unexcusedDays: 0,
          semesters: [],
          exceeded: [],
        };
        totals.unjustifiedLessons += row.unjustifiedLessons;
        totals.unknownLessons += row.unknownLessons;
        totals.unexcusedLessons += row.unjustifiedLessons + row.unknownLessons;
        totals.justifiedLessons += row.justifiedLessons;
        totals.unexcusedDays += row.unexcusedDays;
        totals.semesters.push({
          semester: row.semester === 1 ? 1 : 2,
          unexcusedLessons: row.unjustifiedLessons + row.unknownLessons,
          justifiedLessons: row.justifiedLessons,
          unexcusedDays: row.unexcusedDays,
        });
        byLearner.set(row.learnerId, totals);
      }
      for (const totals of byLearner.values()) {
        const exceeded = new Set<string>();
        for (const semester of totals.semesters) {
          const measures = {
            SEMESTER_UNEXCUSED_LESSONS: semester.unexcusedLessons,
            SEMESTER_UNEXCUSED_DAYS: semester.unexcusedDays,
            YEAR_UNEXCUSED_LESSONS: totals.unexcusedLessons,
            YEAR_UNEXCUSED_DAYS: totals.unexcusedDays,
          };
          for (const rule of thresholdsExceeded(measures, input.rules, totals.programme)) exceeded.add(rule.id);
        }
        totals.exceeded = input.rules.thresholds.map((r) => r.id).filter((id) => exceeded.has(id));
      }
      return [...byLearner.values()];
    },
  };
}

export type AbsenceTotalsRepository = ReturnType<typeof createAbsenceTotalsRepository>;

/** How many learners are over each mark: the "absence thresholds crossed" aggregate of `/pmp status`. */
export function markCounts(totals: readonly LearnerYearTotals[], rules: AbsenceRuleSet): Record<string, number> {
  return Object.fromEntries(
    rules.thresholds.map((r) => [r.id, totals.filter((t) => t.exceeded.includes(r.id)).length]),
  );
}
