import type { PrismaClient } from "../prisma/client.js";
import type { Role } from "../prisma/generated/enums.js";
import { createDirectoryRepository, type ChatPerson } from "../prisma/repositories/directory-repository.js";
import { createEscalationRepository } from "../prisma/repositories/escalation-repository.js";
import type { SemesterKey } from "../workflows/absence-messages.js";

// The learner, escalation and responsible people an absence-escalation activity works with; shared by
// the activities that keep the records and the notifier that tells people.

export type Ref = { learnerId: string; term: SemesterKey };

/** Look-ups the absence activities and the absence notifier share. */
export function createAbsencePeople(prisma: PrismaClient) {
  const directory = createDirectoryRepository(prisma);
  const escalations = createEscalationRepository(prisma);

  async function learnerOf(learnerId: string) {
    return prisma.learner.findUniqueOrThrow({
      where: { id: learnerId },
      select: {
        id: true,
        publicRef: true,
        learnerCode: true,
        classLabel: true,
        grade: true,
        careSetting: true,
        adultFrom: true,
        declaredMunicipalityCode: true,
        schoolId: true,
        school: { select: { kind: true, code: true, nameLv: true, municipalityId: true } },
        // The current enrolment (the school that owns the tasks): the latest one that has not ended.
        enrolments: {
          where: { endedOn: null },
          orderBy: { startedOn: "desc" },
          take: 1,
          select: { programmeCode: true, mk89Excluded: true },
        },
      },
    });
  }

  /**
   * The municipality a learner's MK 89 p.7.2 notice and referral go to: the one of the declared residence when
   * it differs from the school's (by code; null id when no such municipality is on record), else the school's.
   */
  async function routedMunicipality(
    learner: AbsenceLearner,
  ): Promise<{ municipalityId: string | null; code: string | null; elsewhere: boolean }> {
    const code = learner.declaredMunicipalityCode;
    if (!code) return { municipalityId: learner.school.municipalityId, code: null, elsewhere: false };
    const found = await prisma.municipality.findUnique({ where: { code }, select: { id: true } });
    if (found?.id === learner.school.municipalityId) return { municipalityId: found.id, code, elsewhere: false };
    return { municipalityId: found?.id ?? null, code, elsewhere: true };
  }

  async function escalationOf(ref: Ref) {
    return escalations.ofTerm(ref);
  }

  /** The people who hold a step's role for the learner (as the Task row's holder is found: holdersOf). */
  async function assignees(learner: AbsenceLearner, role: Role): Promise<{ role: Role; people: ChatPerson[] }> {
    return directory.holdersOf({
      role,
      schoolId: learner.schoolId,
      municipalityId: learner.school.municipalityId,
      classLabel: learner.classLabel,
    });
  }

  return { directory, learnerOf, escalationOf, assignees, routedMunicipality };
}

export type AbsencePeople = ReturnType<typeof createAbsencePeople>;
export type AbsenceLearner = Awaited<ReturnType<AbsencePeople["learnerOf"]>>;
