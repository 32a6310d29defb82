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
const ASSIGNEES: Record<AbsenceStep["kind"], { role: Role; level: "school" | "municipality" } | "PARENT_CONTACT_ROLE"> =
  {
    PARENT_CONTACT: "PARENT_CONTACT_ROLE",
    VIIS_ENTRY: { role: "DIRECTOR", level: "school" },
    SOCIAL_SERVICE_REFERRAL: { role: "DIRECTOR", level: "school" },
    REFERRAL_ACKNOWLEDGEMENT: { role: "SOCIAL_SERVICE", level: "municipality" },
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

  async function assignees(
    learner: AbsenceLearner,
    kind: AbsenceStep["kind"],
    parentContactRole: Role,
  ): Promise<{ role: Role; people: ChatPerson[] }> {
    const spec = ASSIGNEES[kind];
    if (spec === "PARENT_CONTACT_ROLE") {
      const byClass = parentContactRole === "CLASS_TEACHER" ? { classLabel: learner.classLabel } : {};
      const people = await directory.peopleWithRole({
        roles: [parentContactRole],
        schoolId: learner.schoolId,
        ...byClass,
      });
      // No class teacher on record: the school's social pedagogue takes the call rather than nobody.
      return people.length
        ? { role: parentContactRole, people }
        : {
            role: "SOCIAL_PEDAGOGUE",
            people: await directory.peopleWithRole({ roles: ["SOCIAL_PEDAGOGUE"], schoolId: learner.schoolId }),
          };
    }
    const where =
      spec.level === "school" ? { schoolId: learner.schoolId } : { municipalityId: learner.school.municipalityId };
    return { role: spec.role, people: await directory.peopleWithRole({ roles: [spec.role], ...where }) };
  }

  async function rulesOf(ref: Ref): Promise<AbsenceRuleSet> {
    return escalations.pinnedRules(ref);
  }

  return { directory, learnerOf, escalationOf, assignees, rulesOf };
}

export type AbsencePeople = ReturnType<typeof createAbsencePeople>;
export type AbsenceLearner = Awaited<ReturnType<AbsencePeople["learnerOf"]>>;
