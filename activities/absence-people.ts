import type { PrismaClient } from "../prisma/client.js";
import type { Role } from "../prisma/generated/enums.js";
import { createDirectoryRepository, type ChatPerson } from "../prisma/repositories/directory-repository.js";
import { createEscalationRepository } from "../prisma/repositories/escalation-repository.js";
import type { AbsenceStep, SemesterKey } from "../workflows/absence-messages.js";
import type { AbsenceRuleSet } from "../workflows/domain/absence-rules.js";

// The learner, escalation, rule set and responsible people an absence-escalation activity works with; shared by
// the activities that keep the records and the notifier that tells people.

export type Ref = { learnerId: string; term: SemesterKey };

/** Who acts on each kind of step (the rule set names the parent-contact role; the rest follow MK 89 practice). */
const ASSIGNEES: Record<AbsenceStep["kind"], Role | "PARENT_CONTACT_ROLE"> = {
  PARENT_CONTACT: "PARENT_CONTACT_ROLE",
  VIIS_ENTRY: "DIRECTOR",
  SOCIAL_SERVICE_REFERRAL: "DIRECTOR",
  REFERRAL_ACKNOWLEDGEMENT: "SOCIAL_SERVICE",
};

/** Side effects of the absence-escalation workflow: its records, its tasks and who is told. */
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

  /** The people who act on a step (as the Task row's holder is found: the directory's holdersOf). */
  async function assignees(
    learner: AbsenceLearner,
    kind: AbsenceStep["kind"],
    parentContactRole: Role,
  ): Promise<{ role: Role; people: ChatPerson[] }> {
    const spec = ASSIGNEES[kind];
    return directory.holdersOf({
      role: spec === "PARENT_CONTACT_ROLE" ? parentContactRole : spec,
      schoolId: learner.schoolId,
      municipalityId: learner.school.municipalityId,
      classLabel: learner.classLabel,
    });
  }

  async function rulesOf(ref: Ref): Promise<AbsenceRuleSet> {
    return escalations.pinnedRules(ref);
  }

  return { directory, learnerOf, escalationOf, assignees, rulesOf };
}

export type AbsencePeople = ReturnType<typeof createAbsencePeople>;
export type AbsenceLearner = Awaited<ReturnType<AbsencePeople["learnerOf"]>>;
