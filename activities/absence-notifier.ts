import type { Role } from "../prisma/generated/enums.js";
import type { PrismaClient } from "../prisma/client.js";
import type { ChatPerson } from "../prisma/repositories/directory-repository.js";
import { buildNotice } from "../bot/slack/blocks/case-messages.js";
import {
  buildAcknowledgementTask,
  buildParentContactTask,
  buildReferralTask,
  buildViisTask,
  type LearnerLabel,
} from "../bot/slack/blocks/absence-messages.js";
import { formatRigaDateTime, t, type Locale } from "../bot/core/i18n.js";
import type { AbsenceNotice } from "../workflows/absence-messages.js";
import { createAbsencePeople, type AbsenceLearner, type Ref } from "./absence-people.js";
import type { Outbox } from "./outbox.js";

/** Turns an absence-escalation notice into messages for the people it concerns (one per person per notice). */
export function createAbsenceNotifier(deps: { prisma: PrismaClient; outbox: Outbox }) {
  const { prisma, outbox } = deps;
  const { directory, learnerOf, assignees, rulesOf } = createAbsencePeople(prisma);

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

  const label = (learner: AbsenceLearner): LearnerLabel => ({
    code: learner.learnerCode,
    classLabel: learner.classLabel,
    schoolName: learner.school.nameLv,
  });
  const keyOf = (ref: Ref, ...parts: string[]) =>
    ["absence", ref.learnerId, ref.term.schoolYear, String(ref.term.semester), ...parts].join(":");

  return {
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
