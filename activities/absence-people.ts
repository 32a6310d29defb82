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
        schoolId: true,
        school: { select: { kind: true, nameLv: true, municipalityId: true } },
      },
    });
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

  return { directory, learnerOf, escalationOf, assignees };
}

export type AbsencePeople = ReturnType<typeof createAbsencePeople>;
export type AbsenceLearner = Awaited<ReturnType<AbsencePeople["learnerOf"]>>;
