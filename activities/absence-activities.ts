import type { Prisma, PrismaClient } from "../prisma/client.js";
import type { Role } from "../prisma/generated/enums.js";
import { loadAbsenceRules } from "../prisma/absences/rule-sets.js";
import { createCalendarRepository } from "../prisma/repositories/calendar-repository.js";
import { createDirectoryRepository, type ChatPerson } from "../prisma/repositories/directory-repository.js";
import type { Logger } from "../prisma/runtime/logger.js";
import { buildNotice } from "../bot/slack/blocks/case-messages.js";
import {
  buildAcknowledgementTask,
  buildParentContactTask,
  buildReferralTask,
  buildViisTask,
  type LearnerLabel,
} from "../bot/slack/blocks/absence-messages.js";
import { formatRigaDateTime, t, type Locale } from "../bot/core/i18n.js";
import {
  absenceWorkflowId,
  type AbsenceNotice,
  type AbsenceStep,
  type SemesterKey,
  type StepStatus,
} from "../workflows/absence-messages.js";
import type { AbsenceProgramme, AbsenceRuleSet } from "../workflows/domain/absence-rules.js";
import { rigaDateOf, semestersFor, type Grade } from "../workflows/domain/calendar/index.js";
import type { Outbox } from "./outbox.js";

type Ref = { learnerId: string; term: SemesterKey };

/** Who acts on each kind of step (the rule set names the parent-contact role; the rest follow MK 89 practice). */
const ASSIGNEES: Record<AbsenceStep["kind"], { role: Role; level: "school" | "municipality" } | "PARENT_CONTACT_ROLE"> =
  {
    PARENT_CONTACT: "PARENT_CONTACT_ROLE",
    VIIS_ENTRY: { role: "DIRECTOR", level: "school" },
    SOCIAL_SERVICE_REFERRAL: { role: "DIRECTOR", level: "school" },
    REFERRAL_ACKNOWLEDGEMENT: { role: "SOCIAL_SERVICE", level: "municipality" },
  };

/** Side effects of the absence-escalation workflow: its records, its tasks and who is told. */
export function createAbsenceActivities(deps: { prisma: PrismaClient; outbox: Outbox; logger: Logger }) {
  const { prisma, outbox } = deps;
  const calendars = createCalendarRepository(prisma);
  const directory = createDirectoryRepository(prisma);

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
  type LearnerRow = Awaited<ReturnType<typeof learnerOf>>;

  async function escalationOf(ref: Ref) {
    return prisma.escalation.findUniqueOrThrow({
      where: {
        learnerId_schoolYear_semester: {
          learnerId: ref.learnerId,
          schoolYear: ref.term.schoolYear,
          semester: ref.term.semester,
        },
      },
      select: { id: true, ruleVersion: true },
    });
  }

  async function assignees(
    learner: LearnerRow,
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
    const row = await prisma.escalation.findUniqueOrThrow({
      where: {
        learnerId_schoolYear_semester: {
          learnerId: ref.learnerId,
          schoolYear: ref.term.schoolYear,
          semester: ref.term.semester,
        },
      },
      select: { ruleSet: { select: { definition: true } } },
    });
    return row.ruleSet.definition as unknown as AbsenceRuleSet;
  }

  async function send(
    people: ChatPerson[],
    key: string,
    build: (locale: Locale) => ReturnType<typeof buildNotice>,
  ): Promise<void> {
    for (const person of people) {
      if (!person.slack) continue;
      await outbox.deliver({
        idempotencyKey: `${key}:${person.staffId}`,
        workspaceId: person.slack.workspaceId,
        target: person.slack.userId,
        message: build(person.locale),
      });
    }
  }

  const label = (learner: LearnerRow): LearnerLabel => ({
    code: learner.learnerCode,
    classLabel: learner.classLabel,
    schoolName: learner.school.nameLv,
  });
  const keyOf = (ref: Ref, ...parts: string[]) =>
    ["absence", ref.learnerId, ref.term.schoolYear, String(ref.term.semester), ...parts].join(":");

  return {
    /** Calendar, programme, care setting and the rule set in force today: everything the workflow decides with. */
    async loadAbsenceContext(ref: Ref) {
      const learner = await learnerOf(ref.learnerId);
      const calendar = await calendars.loadMunicipalityCalendar({ municipalityId: learner.school.municipalityId });
      const grade = learner.grade as Grade;
      const year = calendar.calendars.find((c) => c.schoolYear === ref.term.schoolYear);
      const term = year
        ? semestersFor(year, grade, calendar.overrides.preschoolFollowsSchoolHolidays).find(
            (s) => s.semester === ref.term.semester,
          )
        : undefined;
      const nextYear = calendar.calendars.find((c) => c.schoolYear > ref.term.schoolYear);
      const nextTerm: SemesterKey | null =
        ref.term.semester === 1
          ? { schoolYear: ref.term.schoolYear, semester: 2 }
          : nextYear
            ? { schoolYear: nextYear.schoolYear, semester: 1 }
            : null;
      const programme: AbsenceProgramme =
        learner.school.kind === "PRESCHOOL" || learner.grade === 0
          ? "PRESCHOOL"
          : learner.school.kind === "VOCATIONAL"
            ? "VOCATIONAL"
            : "GENERAL";
      return {
        calendars: calendar.calendars,
        overrides: calendar.overrides,
        grade: learner.grade,
        schoolId: learner.schoolId,
        programme,
        outOfFamilyCare: learner.careSetting !== "FAMILY",
        ruleSet: await loadAbsenceRules(prisma, learner.school.municipalityId, rigaDateOf(new Date())),
        semesterEnd: term?.end ?? null,
        nextTerm,
      };
    },

    /** The escalation record of this semester, pinned to the rule-set version the workflow started with. */
    async recordEscalation(input: Ref & { ruleSetVersion: number; ruleSet?: AbsenceRuleSet }) {
      const learner = await learnerOf(input.learnerId);
      const ruleSet = await prisma.ruleSet.findUnique({
        where: {
          municipalityId_kind_version: {
            municipalityId: learner.school.municipalityId,
            kind: "ABSENCE_ESCALATION",
            version: input.ruleSetVersion,
          },
        },
        select: { id: true },
      });
      const ruleSetId =
        ruleSet?.id ??
        (
          await prisma.ruleSet.create({
            data: {
              municipalityId: learner.school.municipalityId,
              kind: "ABSENCE_ESCALATION",
              version: input.ruleSetVersion,
              effectiveFrom: new Date("2011-02-01T00:00:00Z"),
              definition: (await loadAbsenceRules(
                prisma,
                learner.school.municipalityId,
                rigaDateOf(new Date()),
              )) as unknown as Prisma.InputJsonObject,
              note: "MK 89 defaults, recorded when the first escalation used them",
            },
            select: { id: true },
          })
        ).id;
      const openCase = await prisma.case.findUnique({
        where: { openForLearnerId: input.learnerId },
        select: { id: true },
      });
      await prisma.escalation.upsert({
        where: {
          learnerId_schoolYear_semester: {
            learnerId: input.learnerId,
            schoolYear: input.term.schoolYear,
            semester: input.term.semester,
          },
        },
        create: {
          learnerId: input.learnerId,
          caseId: openCase?.id ?? null,
          ruleSetId,
          ruleVersion: input.ruleSetVersion,
          schoolYear: input.term.schoolYear,
          semester: input.term.semester,
          workflowId: `${absenceWorkflowId(input.learnerId)}/${input.term.schoolYear}-${input.term.semester}`,
        },
        update: {},
      });
    },

    async openAbsenceStep(input: Ref & { step: AbsenceStep }) {
      const escalation = await escalationOf(input);
      const learner = await learnerOf(input.learnerId);
      const rules = await rulesOf(input);
      const { role, people } = await assignees(learner, input.step.kind, rules.parentContact.responsibleRole);
      await prisma.escalationStep.upsert({
        where: { escalationId_step_occurrence: { escalationId: escalation.id, step: input.step.key, occurrence: 1 } },
        create: {
          escalationId: escalation.id,
          step: input.step.key,
          assigneeRole: role,
          assigneeId: people[0]?.staffId ?? null,
          dueAt: new Date(input.step.dueAt),
        },
        update: {},
      });
    },

    async updateAbsenceStep(
      input: Ref & { stepKey: string | null; status: StepStatus; outcome: Record<string, string>; actorId?: string },
    ) {
      const escalation = await escalationOf(input);
      if (input.stepKey === null) {
        await prisma.escalation.update({ where: { id: escalation.id }, data: { status: "RESOLVED" } });
        await prisma.auditLog.create({
          data: {
            actorKind: "STAFF",
            actorId: input.actorId ?? null,
            action: "ABSENCE_RESOLVED",
            entityType: "Escalation",
            entityId: escalation.id,
          },
        });
        return;
      }
      const done = input.status === "DONE";
      await prisma.escalationStep.update({
        where: { escalationId_step_occurrence: { escalationId: escalation.id, step: input.stepKey, occurrence: 1 } },
        data: {
          status: input.status,
          outcome: input.outcome,
          ...(done ? { acknowledgedAt: new Date(), acknowledgedById: input.actorId ?? null } : {}),
          ...(input.status === "OVERDUE" || input.status === "ESCALATED" ? { escalatedAt: new Date() } : {}),
        },
      });
    },

    /** The social-service referral: prepared, sent as an e-signed document, acknowledged. One per escalation. */
    async markReferral(
      input: Ref & { status: "PREPARED" | "SENT" | "ACKNOWLEDGED"; documentRef?: string; ackDueAt?: string },
    ) {
      const escalation = await escalationOf(input);
      const learner = await learnerOf(input.learnerId);
      const agency = await prisma.agency.findFirst({
        where: { municipalityId: learner.school.municipalityId, kind: "SOCIAL_SERVICE" },
        select: { id: true },
      });
      if (!agency) throw new Error("the municipality has no social service on record");
      const existing = await prisma.referral.findFirst({
        where: { escalationId: escalation.id },
        select: { id: true },
      });
      const data = {
        status: input.status,
        ...(input.status === "SENT"
          ? {
              sentAt: new Date(),
              documentRef: input.documentRef ?? null,
              ackDueAt: input.ackDueAt ? new Date(input.ackDueAt) : null,
            }
          : {}),
        ...(input.status === "ACKNOWLEDGED" ? { acknowledgedAt: new Date() } : {}),
      };
      if (existing) await prisma.referral.update({ where: { id: existing.id }, data });
      else await prisma.referral.create({ data: { agencyId: agency.id, escalationId: escalation.id, ...data } });
    },

    async queueAgendaItem(
      input: Ref & {
        ruleId: string;
        body: "SUPPORT_TEAM" | "INTER_PROFESSIONAL" | "INTER_INSTITUTIONAL" | "MANAGEMENT";
      },
    ) {
      const learner = await learnerOf(input.learnerId);
      const openCase = await prisma.case.findUnique({
        where: { openForLearnerId: input.learnerId },
        select: { id: true },
      });
      const dedupeKey = `absence:${input.learnerId}:${input.term.schoolYear}:${input.ruleId}`;
      await prisma.agendaItem.upsert({
        where: { dedupeKey },
        create: {
          municipalityId: learner.school.municipalityId,
          body: input.body,
          caseId: openCase?.id ?? null,
          title: `Kavējumi: ${learner.publicRef}`,
          source: "ABSENCE_THRESHOLD",
          dedupeKey,
        },
        update: {},
      });
    },

    async closeEscalation(ref: Ref) {
      await prisma.escalation.updateMany({
        where: {
          learnerId: ref.learnerId,
          schoolYear: ref.term.schoolYear,
          semester: ref.term.semester,
          status: { not: "CLOSED" },
        },
        data: { status: "CLOSED", closedAt: new Date() },
      });
    },

    /** Tells the people a notice concerns, through the outbox (one message per person per notice). */
    async notifyAbsence(input: Ref & { notice: AbsenceNotice }) {
      const learner = await learnerOf(input.learnerId);
      const rules = await rulesOf(input);
      const notice = input.notice;
      switch (notice.kind) {
        case "STEP_OPENED": {
          const step = notice.step;
          const { people } = await assignees(learner, step.kind, rules.parentContact.responsibleRole);
          const value = { learnerId: learner.id, stepKey: step.key };
          const agency =
            step.kind === "SOCIAL_SERVICE_REFERRAL"
              ? await prisma.agency.findFirst({
                  where: { municipalityId: learner.school.municipalityId, kind: "SOCIAL_SERVICE" },
                  select: { officialEmail: true },
                })
              : null;
          await send(people, keyOf(input, step.key, "opened"), (locale) => {
            switch (step.kind) {
              case "PARENT_CONTACT":
                return buildParentContactTask({
                  locale,
                  learner: label(learner),
                  date: notice.detail?.date ?? "",
                  due: step.dueAt,
                  outOfFamilyCare: learner.careSetting !== "FAMILY",
                  legalPoint: step.legalPoint,
                  value,
                });
              case "VIIS_ENTRY":
                return buildViisTask({
                  locale,
                  learner: label(learner),
                  count: notice.detail?.count ?? 0,
                  legalPoint: step.legalPoint,
                  value,
                });
              case "SOCIAL_SERVICE_REFERRAL":
                return buildReferralTask({
                  locale,
                  learner: label(learner),
                  email: agency?.officialEmail ?? "—",
                  legalPoint: step.legalPoint,
                  value,
                });
              case "REFERRAL_ACKNOWLEDGEMENT":
                return buildAcknowledgementTask({
                  locale,
                  learnerRef: learner.publicRef,
                  schoolName: learner.school.nameLv,
                  due: step.dueAt,
                  legalPoint: step.legalPoint,
                  value,
                });
            }
          });
          return;
        }
        case "STEP_REMINDER": {
          const { people } = await assignees(learner, notice.step.kind, rules.parentContact.responsibleRole);
          const who = notice.step.kind === "REFERRAL_ACKNOWLEDGEMENT" ? learner.publicRef : learner.learnerCode;
          await send(people, keyOf(input, notice.step.key, "reminder"), (locale) =>
            buildNotice(
              t(locale, "absence.reminder", { learner: who, due: formatRigaDateTime(notice.step.dueAt, locale) }),
            ),
          );
          return;
        }
        case "STEP_OVERDUE": {
          const role = notice.escalateTo as Role;
          const atSchool = role === "SCHOOL_COORDINATOR" || role === "DIRECTOR" || role === "SOCIAL_PEDAGOGUE";
          const people = await directory.peopleWithRole({
            roles: [role],
            ...(atSchool ? { schoolId: learner.schoolId } : { municipalityId: learner.school.municipalityId }),
          });
          await send(people, keyOf(input, notice.step.key, "overdue"), (locale) =>
            buildNotice(
              t(locale, "absence.overdue", {
                due: formatRigaDateTime(notice.step.dueAt, locale),
                learner: atSchool ? learner.learnerCode : learner.publicRef,
                school: learner.school.nameLv,
                point: notice.step.legalPoint,
              }),
            ),
          );
          return;
        }
        case "INFORMED": {
          const people = await directory.peopleWithRole({
            roles: [notice.recipient as Role],
            municipalityId: learner.school.municipalityId,
          });
          await send(people, keyOf(input, "informed", notice.legalPoint), (locale) =>
            buildNotice(
              t(locale, "absence.informed", {
                learner: learner.publicRef,
                school: learner.school.nameLv,
                count: notice.count,
                point: notice.legalPoint,
              }),
            ),
          );
          return;
        }
        case "AGENDA": {
          const channel = await directory.slackChannel({
            municipalityId: learner.school.municipalityId,
            purpose: "MUNICIPAL_COORDINATION",
          });
          if (!channel) return;
          await outbox.deliver({
            idempotencyKey: keyOf(input, "agenda", notice.ruleId),
            workspaceId: channel.workspaceId,
            target: channel.channelId,
            message: buildNotice(
              t("lv", "absence.agenda", {
                learner: learner.publicRef,
                school: learner.school.nameLv,
                count: notice.count,
              }),
            ),
          });
          return;
        }
      }
    },
  };
}
