import type { AgencyKind, Role } from "../prisma/generated/enums.js";
import type { PrismaClient } from "../prisma/client.js";
import type { ChatPerson } from "../prisma/repositories/directory-repository.js";
import {
  composeAbsenceAgenda,
  composeAbsenceAlert,
  composeAbsenceCountCorrected,
  composeAbsenceCourtInformed,
  composeAbsenceInformed,
  composeCatchUpContactTask,
  composeAbsenceOverdue,
  composeAbsenceReminder,
  composeAcknowledgementTask,
  composeParentContactTask,
  composeReferralTask,
  composeViisTask,
  type LearnerLabel,
  type StepNote,
} from "../bot/core/messages/composers/absence-messages.js";
import type { Locale } from "../bot/core/i18n.js";
import type { Message } from "../bot/core/messages/model.js";
import type { AbsenceNotice, StepDetail } from "../workflows/absence-messages.js";
import { createAbsencePeople, type AbsenceLearner, type Ref } from "./absence-people.js";
import type { Recipients } from "./delivery/recipients.js";
import { assertNever } from "./assert-never.js";
import { isSchoolRole } from "../workflows/domain/role-scope.js";

/** Turns an absence-escalation notice into messages for the people it concerns (one per person per notice). */
export function createAbsenceNotifier(deps: { prisma: PrismaClient; recipients: Recipients }) {
  const { prisma, recipients } = deps;
  const { directory, learnerOf, assignees, routedMunicipality } = createAbsencePeople(prisma);

  /** The municipality whose people hear of a routed step or notice (MK 89 p.7.2): by code, else the school's. */
  async function municipalityFor(learner: AbsenceLearner, code: string | undefined): Promise<string> {
    if (!code) return learner.school.municipalityId;
    const routed = await routedMunicipality(learner);
    return routed.code === code && routed.municipalityId ? routed.municipalityId : learner.school.municipalityId;
  }

  const notesOf = (detail: StepDetail | undefined): StepNote[] => [
    ...(detail?.noneOnFile ? (["noneOnFile"] as const) : []),
    ...(detail?.provisional ? (["provisional"] as const) : []),
    ...(detail?.beyondCalendar ? (["beyondCalendar"] as const) : []),
  ];

  /**
   * To the people holding `role` for this learner; nobody holding it is an operator alert, once per duty when
   * the message is about a step (`dutyKey`, shared with the workflow's own NOBODY_TO_ASSIGN report).
   */
  async function send(
    learner: AbsenceLearner,
    role: Role,
    people: ChatPerson[],
    key: string,
    compose: (locale: Locale) => Message,
    dutyKey?: string,
  ): Promise<void> {
    await recipients.toPeople(people, key, compose, {
      municipalityId: learner.school.municipalityId,
      role,
      ...(dutyKey ? { dutyKey } : {}),
    });
  }

  const label = (learner: AbsenceLearner): LearnerLabel => ({
    code: learner.learnerCode,
    classLabel: learner.classLabel,
    schoolName: learner.school.nameLv,
  });
  const keyOf = (ref: Ref, ...parts: string[]) =>
    ["absence", ref.learnerId, ref.term.schoolYear, String(ref.term.semester), ...parts].join(":");

  return {
    /** Tells the people a notice concerns, through the delivery queue (one message per person per notice). */
    async notifyAbsence(input: Ref & { notice: AbsenceNotice }) {
      const learner = await learnerOf(input.learnerId);
      const notice = input.notice;
      switch (notice.kind) {
        case "STEP_OPENED": {
          const step = notice.step;
          const detail = notice.detail;
          const routedTo = await municipalityFor(learner, detail?.municipalityCode);
          // A step routed to another municipality (the declared residence) goes to that municipality's people;
          // a school's own step about it (the director preparing the referral) stays with the school, and only
          // the agency it is addressed to is the other municipality's.
          const { role, people } =
            routedTo === learner.school.municipalityId || isSchoolRole(step.assigneeRole)
              ? await assignees(learner, step.assigneeRole as Role)
              : {
                  role: step.assigneeRole as Role,
                  people: await directory.peopleWithRole({
                    roles: [step.assigneeRole as Role],
                    municipalityId: routedTo,
                  }),
                };
          const ref = { learnerId: learner.id, stepKey: step.key };
          const agency =
            step.kind === "SOCIAL_SERVICE_REFERRAL"
              ? await prisma.agency.findFirst({
                  where: { municipalityId: routedTo, kind: (detail?.agency as AgencyKind) ?? "SOCIAL_SERVICE" },
                  select: { officialEmail: true },
                })
              : null;
          const notes = notesOf(detail);
          const outOfFamilyCare = learner.careSetting !== "FAMILY";
          await send(
            learner,
            role,
            people,
            keyOf(input, step.key, "opened"),
            (locale) => {
              switch (step.kind) {
                case "PARENT_CONTACT":
                  return composeParentContactTask({
                    locale,
                    learner: label(learner),
                    date: detail?.date ?? "",
                    due: step.dueAt,
                    outOfFamilyCare,
                    legalPoint: step.legalPoint,
                    step: ref,
                    ...(detail?.contacts ? { contacts: detail.contacts } : {}),
                    notes,
                  });
                case "CATCH_UP_CONTACT":
                  return composeCatchUpContactTask({
                    locale,
                    learner: label(learner),
                    dates: detail?.dates ?? [],
                    due: step.dueAt,
                    outOfFamilyCare,
                    legalPoint: step.legalPoint,
                    step: ref,
                    ...(detail?.contacts ? { contacts: detail.contacts } : {}),
                    notes,
                  });
                case "VIIS_ENTRY":
                  return composeViisTask({
                    locale,
                    learner: label(learner),
                    count: detail?.count ?? 0,
                    legalPoint: step.legalPoint,
                    step: ref,
                    notes,
                  });
                case "SOCIAL_SERVICE_REFERRAL":
                  return composeReferralTask({
                    locale,
                    learner: label(learner),
                    email: agency?.officialEmail ?? "—",
                    legalPoint: step.legalPoint,
                    step: ref,
                  });
                case "REFERRAL_ACKNOWLEDGEMENT":
                  return composeAcknowledgementTask({
                    locale,
                    learnerRef: learner.publicRef,
                    schoolName: learner.school.nameLv,
                    due: step.dueAt,
                    legalPoint: step.legalPoint,
                    step: ref,
                  });
              }
            },
            keyOf(input, step.key),
          );
          return;
        }
        case "STEP_REMINDER": {
          const { role, people } = await assignees(learner, notice.step.assigneeRole as Role);
          const who = notice.step.kind === "REFERRAL_ACKNOWLEDGEMENT" ? learner.publicRef : learner.learnerCode;
          await send(
            learner,
            role,
            people,
            keyOf(input, notice.step.key, "reminder"),
            (locale) => composeAbsenceReminder({ learner: who, due: notice.step.dueAt }, locale),
            keyOf(input, notice.step.key),
          );
          return;
        }
        case "STEP_OVERDUE": {
          const role = notice.escalateTo as Role;
          // School staff see the learner's code; the municipality and agencies see the pseudonymous reference.
          const atSchool = isSchoolRole(role);
          const people = await directory.peopleWithRole({
            roles: [role],
            ...(atSchool ? { schoolId: learner.schoolId } : { municipalityId: learner.school.municipalityId }),
          });
          await send(learner, role, people, keyOf(input, notice.step.key, "overdue"), (locale) =>
            composeAbsenceOverdue(
              {
                due: notice.step.dueAt,
                learner: atSchool ? learner.learnerCode : learner.publicRef,
                school: learner.school.nameLv,
                legalPoint: notice.step.legalPoint,
              },
              locale,
            ),
          );
          return;
        }
        case "INFORMED": {
          const role = notice.recipient as Role;
          const people = await directory.peopleWithRole({
            roles: [role],
            municipalityId: await municipalityFor(learner, notice.municipalityCode),
          });
          const key = keyOf(input, "informed", ...(role === "ORPHANS_COURT" ? [role] : []), notice.legalPoint);
          await send(learner, role, people, key, (locale) =>
            role === "ORPHANS_COURT"
              ? composeAbsenceCourtInformed(
                  { learnerRef: learner.publicRef, school: learner.school.nameLv, legalPoint: notice.legalPoint },
                  locale,
                )
              : composeAbsenceInformed(
                  {
                    learnerRef: learner.publicRef,
                    school: learner.school.nameLv,
                    count: notice.count,
                    legalPoint: notice.legalPoint,
                  },
                  locale,
                ),
          );
          return;
        }
        case "COUNT_CORRECTED": {
          const { role, people } = await assignees(learner, notice.step.assigneeRole as Role);
          await send(
            learner,
            role,
            people,
            keyOf(input, notice.step.key, "corrected", String(notice.count)),
            (locale) =>
              composeAbsenceCountCorrected(
                { learner: label(learner), count: notice.count, legalPoint: notice.step.legalPoint },
                locale,
              ),
          );
          return;
        }
        case "ALERT": {
          const role = notice.to as Role;
          const atSchool = isSchoolRole(role);
          const people = await directory.peopleWithRole({
            roles: [role],
            ...(atSchool ? { schoolId: learner.schoolId } : { municipalityId: learner.school.municipalityId }),
          });
          await send(learner, role, people, keyOf(input, "alert", notice.alert), (locale) =>
            composeAbsenceAlert(
              {
                alert: notice.alert,
                learner: atSchool ? learner.learnerCode : learner.publicRef,
                classLabel: learner.classLabel,
                school: learner.school.nameLv,
                ...(notice.detail ? { expected: notice.detail, code: notice.detail } : {}),
                legalPoint: notice.legalPoint,
              },
              locale,
            ),
          );
          return;
        }
        case "AGENDA": {
          await recipients.toBody(
            { municipalityId: learner.school.municipalityId, purpose: "MUNICIPAL_COORDINATION" },
            keyOf(input, "agenda", notice.ruleId),
            (locale) =>
              composeAbsenceAgenda(
                { learnerRef: learner.publicRef, school: learner.school.nameLv, count: notice.count },
                locale,
              ),
            { municipalityId: learner.school.municipalityId },
          );
          return;
        }
        case "NOBODY_TO_ASSIGN":
          await recipients.nobodyToAssign({
            key: keyOf(input, notice.stepKey),
            role: notice.role,
            handedTo: notice.handedTo,
            municipalityId: learner.school.municipalityId,
          });
          return;
        default:
          // A new notice kind must be told to somebody: the compiler stops here until it is.
          return assertNever(notice);
      }
    },
  };
}
