/**
 * The scenario's world in its throwaway database: the municipality's rule set with the scenario's overrides, the
 * scenario's learners (pseudonymous codes only, contacts as placeholders in the vault), their moves, and their
 * absences through the real importer.
 */
import type pg from "pg";
import type { PrismaClient } from "../../prisma/client.js";
import type { Prisma } from "../../prisma/client.js";
import { createAbsenceImporter } from "../../prisma/absences/importer.js";
import { publicRefFor } from "../../prisma/public-ref.js";
import { seedMunicipalityDefaults } from "../../prisma/seed/index.js";
import { neighbourIds, seedDemoNeighbour } from "../../prisma/seed/demo-neighbour.js";
import type { PersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createRuleSetRepository } from "../../prisma/repositories/rule-set-repository.js";
import type { IsoDate } from "../../workflows/domain/calendar/index.js";
import { rigaDateOf } from "../../workflows/domain/calendar/index.js";
import { applyRuleSetOverrides } from "./rule-set-overrides.js";
import { ScenarioError, type Scenario, type ScenarioEvent, type ScenarioLearner } from "./scenario.js";

export interface WorldLearner {
  code: string;
  id: string;
  schoolId: string;
  municipalityId: string;
}

const JUSTIFIED: Record<string, string> = { yes: "yes", no: "no", unknown: "unknown", withdrawn: "withdrawn" };

const defaultClass = (grade: number) => (grade === 0 ? "PII" : `${grade}.a`);

export async function createWorld(deps: { prisma: PrismaClient; pool: pg.Pool; vault: PersonalDataVault }) {
  const { prisma } = deps;
  const learners = new Map<string, WorldLearner>();
  const byId = new Map<string, string>();

  async function schoolByCode(code: string, path: string) {
    const school = await prisma.school.findUnique({
      where: { code },
      select: { id: true, municipalityId: true, gradeFrom: true, gradeTo: true },
    });
    if (!school) throw new ScenarioError([`${path}: no school ${code} in the seeded data`]);
    return school;
  }

  return {
    learners,
    /** The scenario's code for a learner id, for the timeline. */
    codeOf: (learnerId: string) => byId.get(learnerId),

    /** Stores the municipality's rule set with the overrides as a new version in force from the start. */
    /** The demo municipality's neighbour (KAIMINI), where a scenario's learner may be declared (`declaredIn`). */
    async addNeighbour(): Promise<void> {
      await seedDemoNeighbour(prisma);
      await seedMunicipalityDefaults(prisma, neighbourIds.municipality());
    },

    async applyRuleSet(scenario: Scenario): Promise<void> {
      const municipality = await prisma.municipality.findUnique({
        where: { code: scenario.municipality },
        select: { id: true },
      });
      if (!municipality) throw new ScenarioError([`municipality: no municipality ${scenario.municipality}`]);
      if (Object.keys(scenario.ruleSet).length === 0) return;
      const start = rigaDateOf(new Date(scenario.start));
      const base = await createRuleSetRepository(prisma).absenceRulesInForce(municipality.id, start);
      const latest = await prisma.ruleSet.aggregate({
        where: { municipalityId: municipality.id, kind: "ABSENCE_ESCALATION" },
        _max: { version: true },
      });
      const version = Math.max(latest._max.version ?? 0, base.version) + 1;
      const rules = applyRuleSetOverrides(base, scenario.ruleSet, version);
      await prisma.ruleSet.create({
        data: {
          municipalityId: municipality.id,
          kind: "ABSENCE_ESCALATION",
          version,
          effectiveFrom: new Date("2000-01-01T00:00:00Z"),
          definition: rules as unknown as Prisma.InputJsonObject,
          note: "simulator scenario overrides",
        },
      });
    },

    async addLearners(scenario: Scenario): Promise<void> {
      const startDate = rigaDateOf(new Date(scenario.start));
      for (const [i, learner] of scenario.learners.entries()) {
        const path = `learners[${i}]`;
        const school = await schoolByCode(learner.school, `${path}.school`);
        if (learner.grade < school.gradeFrom || learner.grade > school.gradeTo)
          throw new ScenarioError([
            `${path}.grade: ${learner.school} teaches grades ${school.gradeFrom}–${school.gradeTo}`,
          ]);
        const id = await createLearner(learner, school.id, startDate);
        learners.set(learner.code, {
          code: learner.code,
          id,
          schoolId: school.id,
          municipalityId: school.municipalityId,
        });
        byId.set(id, learner.code);
      }
    },

    /** A change of school: the old enrolment ends the day before, the new one starts on the event's day. */
    async move(event: NonNullable<ScenarioEvent["move"]>, at: number, path: string): Promise<void> {
      const learner = learners.get(event.learner)!;
      const school = await schoolByCode(event.school, `${path}.school`);
      const day = rigaDateOf(new Date(at));
      const classLabel = event.class ?? defaultClass(event.grade);
      await prisma.$transaction(async (tx) => {
        await tx.enrolment.updateMany({
          where: { learnerId: learner.id, endedOn: null },
          data: { endedOn: new Date(`${day}T00:00:00Z`) },
        });
        await tx.enrolment.create({
          data: {
            learnerId: learner.id,
            schoolId: school.id,
            learnerCode: event.learner,
            grade: event.grade,
            classLabel,
            startedOn: new Date(`${day}T00:00:00Z`),
          },
        });
        await tx.learner.update({
          where: { id: learner.id },
          data: { schoolId: school.id, grade: event.grade, classLabel },
        });
      });
      learner.schoolId = school.id;
      learner.municipalityId = school.municipalityId;
    },

    /**
     * One import per school, as each school's e-journal export would arrive, through the real importer.
     * Answers the rejections, by learner.
     */
    async importAbsences(
      absences: NonNullable<ScenarioEvent["absences"]>,
      at: number,
    ): Promise<{ learner: string; date: IsoDate; code: string; lessons: number }[]> {
      const bySchool = new Map<string, typeof absences>();
      for (const a of absences) {
        const schoolId = learners.get(a.learner)!.schoolId;
        bySchool.set(schoolId, [...(bySchool.get(schoolId) ?? []), a]);
      }
      const importer = createAbsenceImporter({ prisma, pool: deps.pool });
      // One rejection per learner, day and reason, however many lessons it covered.
      const rejected = new Map<string, { learner: string; date: IsoDate; code: string; lessons: number }>();
      for (const [schoolId, rows] of bySchool) {
        const records = rows.flatMap((a) =>
          a.lessons.map((lesson) => ({
            learner_code: a.learner,
            date: a.date,
            lesson: String(lesson),
            subject: a.subject ?? null,
            reason: null,
            justified: JUSTIFIED[a.justified]!,
          })),
        );
        const result = await importer.importRecords(records, {
          scope: { schoolId },
          label: "simulator",
          today: rigaDateOf(new Date(at)),
        });
        for (const rejection of result.rejections) {
          const record = records[rejection.position];
          const learner = record?.learner_code ?? "?";
          const date = (record?.date ?? "") as IsoDate;
          const key = `${learner}|${date}|${rejection.code}`;
          const seen = rejected.get(key) ?? { learner, date, code: rejection.code, lessons: 0 };
          seen.lessons += 1;
          rejected.set(key, seen);
        }
      }
      return [...rejected.values()];
    },
  };

  async function createLearner(learner: ScenarioLearner, schoolId: string, startDate: IsoDate): Promise<string> {
    const id = crypto.randomUUID();
    const classLabel = learner.class ?? defaultClass(learner.grade);
    await prisma.$transaction(async (tx) => {
      await tx.learner.create({
        data: {
          id,
          publicRef: publicRefFor("LRN", id),
          schoolId,
          learnerCode: learner.code,
          initials: "—",
          grade: learner.grade,
          classLabel,
          careSetting: learner.care,
          ...(learner.adultFrom ? { adultFrom: new Date(`${learner.adultFrom}T00:00:00Z`) } : {}),
          ...(learner.declaredIn ? { declaredMunicipalityCode: learner.declaredIn } : {}),
        },
      });
      await tx.enrolment.create({
        data: {
          learnerId: id,
          schoolId,
          learnerCode: learner.code,
          grade: learner.grade,
          classLabel,
          startedOn: new Date(`${startDate}T00:00:00Z`),
        },
      });
      await tx.careSettingPeriod.create({
        data: { learnerId: id, careSetting: learner.care, startedOn: new Date(`${startDate}T00:00:00Z`) },
      });
      for (const relation of learner.contacts) {
        // Placeholders: a scenario never holds anyone's real name or number.
        await deps.vault.addContact(
          { learnerId: id, relation, details: { name: `${relation} of ${learner.code}`, phone: "+371 20000000" } },
          tx,
        );
      }
    });
    return id;
  }
}

export type World = Awaited<ReturnType<typeof createWorld>>;
