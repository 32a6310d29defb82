import { Context } from "@temporalio/activity";
import type { Prisma, PrismaClient } from "../prisma/client.js";
import { openCaseFor } from "../prisma/repositories/case-repository.js";
import { DEFAULT_CASE_CONFIG, riskReportedSignal, type RiskReported } from "../workflows/case-messages.js";
import { riskByCode, type RiskAnswer } from "../workflows/domain/risk-catalogue.js";
import { triage, type TriageResult } from "../workflows/domain/triage.js";
import type { AgencyKind, MeetingBody, Role } from "../prisma/generated/enums.js";
import { createAgendaRepository } from "../prisma/repositories/agenda-repository.js";
import { createAuditLogRepository } from "../prisma/repositories/audit-log-repository.js";
import { calendarScopesFor, createCalendarRepository } from "../prisma/repositories/calendar-repository.js";
import { createEscalationRepository } from "../prisma/repositories/escalation-repository.js";
import { createRuleSetRepository } from "../prisma/repositories/rule-set-repository.js";
import type { Logger } from "../prisma/runtime/logger.js";
import {
  absenceWorkflowId,
  type AbsenceNotice,
  type AbsenceStep,
  type StepStatus,
} from "../workflows/absence-messages.js";
import type { AbsenceProgramme, AbsenceRuleSet } from "../workflows/domain/absence-rules.js";
import { rigaDateOf, semestersFor, type Grade, type IsoDate } from "../workflows/domain/calendar/index.js";
import { composeCalendarMissing } from "../bot/core/messages/composers/absence-messages.js";
import { createAbsenceNotifier } from "./absence-notifier.js";
import { createAbsencePeople, type Ref } from "./absence-people.js";
import type { Recipients } from "./delivery/recipients.js";

/** Side effects of the absence-escalation workflow: its records and its tasks. Telling people is the notifier's. */
export function createAbsenceActivities(deps: { prisma: PrismaClient; recipients: Recipients; logger: Logger }) {
  const { prisma } = deps;
  const calendars = createCalendarRepository(prisma);
  const escalations = createEscalationRepository(prisma);
  const ruleSets = createRuleSetRepository(prisma);
  const agenda = createAgendaRepository(prisma);
  const audit = createAuditLogRepository(prisma);
  const { directory, learnerOf, escalationOf, assignees, routedMunicipality } = createAbsencePeople(prisma);
  const notifier = createAbsenceNotifier({ prisma, recipients: deps.recipients });

  return {
    /**
     * Calendar (the learner's own scope: programme, school or pre-school dates before the municipality's),
     * programme, MK 89 p.3 exclusion, residence routing and the rule set in force today: what the workflow
     * decides a semester with.
     */
    async loadAbsenceContext(ref: Ref) {
      const learner = await learnerOf(ref.learnerId);
      const enrolment = learner.enrolments[0];
      const calendar = await calendars.loadMunicipalityCalendar({
        municipalityId: learner.school.municipalityId,
        scopes: calendarScopesFor({
          schoolCode: learner.school.code,
          programmeCode: enrolment?.programmeCode ?? null,
          preschool: learner.grade === 0 || learner.school.kind === "PRESCHOOL",
        }),
      });
      const grade = learner.grade as Grade;
      const year = calendar.calendars.find((c) => c.schoolYear === ref.term.schoolYear);
      const term = year
        ? semestersFor(year, grade, calendar.overrides.preschoolFollowsSchoolHolidays).find(
            (s) => s.semester === ref.term.semester,
          )
        : undefined;
      const programme: AbsenceProgramme =
        learner.school.kind === "PRESCHOOL" || learner.grade === 0
          ? "PRESCHOOL"
          : learner.school.kind === "VOCATIONAL"
            ? "VOCATIONAL"
            : "GENERAL";
      const routed = await routedMunicipality(learner);
      return {
        calendars: calendar.calendars,
        overrides: calendar.overrides,
        grade: learner.grade,
        schoolId: learner.schoolId,
        programme,
        ruleSet: await ruleSets.absenceRulesInForce(learner.school.municipalityId, rigaDateOf(new Date())),
        semesterEnd: term?.end ?? null,
        provisional: (calendar.provisionalYears ?? []).includes(ref.term.schoolYear),
        excluded: enrolment?.mk89Excluded ?? false,
        declaredElsewhere:
          routed.elsewhere && routed.code ? { code: routed.code, known: routed.municipalityId !== null } : null,
      };
    },

    /** Who is on file to be told of an absence, without names or phones (the rule: contactsToReach). */
    async absenceContactsOnFile(input: { learnerId: string }) {
      const learner = await prisma.learner.findUniqueOrThrow({
        where: { id: input.learnerId },
        select: {
          careSetting: true,
          adultFrom: true,
          contacts: { select: { relation: true, informOnAbsence: true, consentRecordedAt: true } },
        },
      });
      return {
        careSetting: learner.careSetting,
        adultFrom: learner.adultFrom ? (learner.adultFrom.toISOString().slice(0, 10) as IsoDate) : null,
        contacts: learner.contacts.map((c) => ({
          relation: c.relation,
          informOnAbsence: c.informOnAbsence,
          consentRecorded: c.consentRecordedAt !== null,
        })),
      };
    },

    /** A yearly mark (100, 200 lessons) reached: true the first time in the school year (AbsenceMilestone). */
    async recordAbsenceMilestone(input: { learnerId: string; schoolYear: string; mark: number }) {
      const created = await prisma.absenceMilestone.createMany({
        data: [{ learnerId: input.learnerId, schoolYear: input.schoolYear, mark: input.mark }],
        skipDuplicates: true,
      });
      return { first: created.count > 0 };
    },

    /**
     * The calendar watchdog (a scheduled job: 15 April and 1 May): every municipality without next school
     * year's calendar has its education specialist told, once per run of the job (keyed by the fire day), so
     * MK 89 deadlines never silently fall back to working days. Returns the municipalities alerted.
     */
    async checkNextYearCalendars(fireTime: string): Promise<{ missing: string[] }> {
      const day = rigaDateOf(new Date(fireTime));
      const year = Number(day.slice(0, 4));
      // From September the "next" year is the one after the current school year.
      const startYear = Number(day.slice(5, 7)) >= 9 ? year + 1 : year;
      const schoolYear = `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
      const municipalities = await prisma.municipality.findMany({
        select: { id: true, code: true, calendars: { where: { schoolYear, scope: "" }, select: { id: true } } },
        orderBy: { code: "asc" },
      });
      const missing = municipalities.filter((m) => m.calendars.length === 0);
      for (const municipality of missing) {
        const people = await directory.peopleWithRole({
          roles: ["MUNICIPAL_EDUCATION_SPECIALIST"],
          municipalityId: municipality.id,
        });
        await deps.recipients.toPeople(
          people,
          `calendar-missing:${municipality.id}:${schoolYear}:${day}`,
          (locale) => composeCalendarMissing({ schoolYear }, locale),
          { municipalityId: municipality.id, role: "MUNICIPAL_EDUCATION_SPECIALIST" },
        );
      }
      return { missing: missing.map((m) => m.code) };
    },

    /**
     * MK 89 p.7 in the case pipeline: unexcused absences are risk A02, beside the learner's other risks. Adds a
     * risk report with A02 to the open case, or opens one, and signal-with-starts the case workflow (as a report
     * from chat does). The director who holds the p.7 duty stands as the reporter of record; with no director
     * this is an operator alert and no report. Idempotent per learner and semester (a retry reuses the report).
     */
    async reportAbsenceRisk(input: Ref & { count: number }): Promise<{ caseId: string; newCase: boolean } | null> {
      const learner = await learnerOf(input.learnerId);
      const municipalityId = learner.school.municipalityId;
      const idempotencyKey = `absence:${input.learnerId}:${input.term.schoolYear}-${input.term.semester}:A02`;
      const reporter = (await assignees(learner, "DIRECTOR")).people[0];
      if (!reporter) {
        await deps.recipients.nobodyToAssign({ key: idempotencyKey, role: "DIRECTOR", handedTo: null, municipalityId });
        return null;
      }
      const a02: RiskAnswer =
        riskByCode("A02")?.answerKind === "yesNo"
          ? { code: "A02", present: true }
          : ({ code: "A02", frequency: 3 } as RiskAnswer);
      // Dated when the workflow asked (the activity's scheduled time on Temporal's clock), not when an attempt
      // runs: a retry must not move the investigation deadline, and in virtual time (the simulator, the tests)
      // the report belongs to the simulated day.
      const now = new Date(Context.current().info.scheduledTimestampMs);
      const existing = await prisma.riskReport.findUnique({
        where: { idempotencyKey },
        select: { id: true, reportedAt: true, triage: true, case: { select: { id: true, workflowId: true } } },
      });
      let report: { id: string; reportedAt: Date; level: TriageResult["level"] };
      let kase: { id: string; workflowId: string };
      let newCase = false;
      if (existing) {
        report = {
          id: existing.id,
          reportedAt: existing.reportedAt,
          level: (existing.triage as unknown as TriageResult).level,
        };
        kase = existing.case;
      } else {
        const history = await prisma.riskReport.findMany({
          where: { learnerId: learner.id },
          select: { reportedAt: true, risks: { select: { riskCode: true, frequency: true, present: true } } },
        });
        const result = triage({
          answers: [a02],
          lowAttainmentSubjects: 0,
          history: history.map((r) => ({
            reportedAt: r.reportedAt,
            answers: r.risks.map(
              (k) =>
                (k.present !== null
                  ? { code: k.riskCode, present: k.present }
                  : { code: k.riskCode, frequency: k.frequency ?? 0 }) as RiskAnswer,
            ),
          })),
          now,
        });
        const written = await prisma.$transaction(async (tx) => {
          const { kase: created, newCase: opened } = await openCaseFor(tx, learner);
          const row = await tx.riskReport.create({
            data: {
              caseId: created.id,
              learnerId: learner.id,
              reporterId: reporter.staffId,
              reportedAt: now,
              // The school informs the parents through the MK 89 contact steps, not through this report.
              parentsInformed: "NOT_YET",
              triage: result as unknown as Prisma.InputJsonObject,
              idempotencyKey,
              risks: {
                create: [
                  "present" in a02
                    ? { riskCode: "A02", present: a02.present }
                    : { riskCode: "A02", frequency: "frequency" in a02 ? a02.frequency : null },
                ],
              },
            },
            select: { id: true, reportedAt: true },
          });
          return { kase: created, report: row, newCase: opened };
        });
        kase = written.kase;
        newCase = written.newCase;
        report = { id: written.report.id, reportedAt: written.report.reportedAt, level: result.level };
      }
      const config = await ruleSets.caseConfig(municipalityId, now, DEFAULT_CASE_CONFIG);
      const signal: RiskReported = {
        reportId: report.id,
        level: report.level,
        reportedAt: report.reportedAt.toISOString(),
      };
      await Context.current().client.workflow.signalWithStart("caseWorkflow", {
        workflowId: kase.workflowId,
        taskQueue: Context.current().info.taskQueue,
        args: [{ caseId: kase.id, config }],
        signal: riskReportedSignal,
        signalArgs: [signal],
      });
      await audit.record({
        actorKind: "SYSTEM",
        actorId: null,
        action: "ABSENCE_RISK_REPORTED",
        entityType: "Case",
        entityId: kase.id,
        details: { riskCode: "A02", count: input.count, legalPoint: "MK89_P7" },
      });
      return { caseId: kase.id, newCase };
    },

    /** The escalation record of this semester, pinned to the rule-set version the workflow started with. */
    async recordEscalation(input: Ref & { ruleSetVersion: number; ruleSet?: AbsenceRuleSet }) {
      const learner = await learnerOf(input.learnerId);
      const municipalityId = learner.school.municipalityId;
      const ruleSetId = await ruleSets.absenceRuleSetId(
        municipalityId,
        input.ruleSetVersion,
        input.ruleSet ?? (await ruleSets.absenceRulesInForce(municipalityId, rigaDateOf(new Date()))),
      );
      const openCase = await prisma.case.findUnique({
        where: { openForLearnerId: input.learnerId },
        select: { id: true },
      });
      await escalations.openOnce({
        ...input,
        caseId: openCase?.id ?? null,
        ruleSetId,
        ruleVersion: input.ruleSetVersion,
        workflowId: `${absenceWorkflowId(input.learnerId)}/${input.term.schoolYear}-${input.term.semester}`,
      });
    },

    async openAbsenceStep(input: Ref & { step: AbsenceStep }) {
      const escalation = await escalationOf(input);
      const learner = await learnerOf(input.learnerId);
      const { role, people } = await assignees(learner, input.step.assigneeRole as Role);
      await escalations.openStepOnce({
        escalationId: escalation.id,
        step: input.step.key,
        assigneeRole: role,
        assigneeId: people[0]?.staffId ?? null,
        dueAt: new Date(input.step.dueAt),
      });
    },

    async updateAbsenceStep(
      input: Ref & { stepKey: string | null; status: StepStatus; outcome: Record<string, string>; actorId?: string },
    ) {
      const escalation = await escalationOf(input);
      if (input.stepKey === null) {
        await escalations.markResolved(escalation.id);
        await audit.record({
          actorKind: "STAFF",
          actorId: input.actorId ?? null,
          action: "ABSENCE_RESOLVED",
          entityType: "Escalation",
          entityId: escalation.id,
        });
        return;
      }
      const done = input.status === "DONE";
      await escalations.updateStep(escalation.id, input.stepKey, {
        status: input.status,
        outcome: input.outcome,
        ...(done ? { acknowledgedAt: new Date(), acknowledgedById: input.actorId ?? null } : {}),
        ...(input.status === "OVERDUE" || input.status === "ESCALATED" ? { escalatedAt: new Date() } : {}),
      });
    },

    /** The social-service referral: prepared, sent as an e-signed document, acknowledged. One per escalation. */
    async markReferral(
      input: Ref & {
        status: "PREPARED" | "SENT" | "ACKNOWLEDGED";
        documentRef?: string;
        ackDueAt?: string;
        /** The rule set's referral recipient (AgencyKind); left out: the social service. */
        recipient?: AgencyKind;
      },
    ) {
      const escalation = await escalationOf(input);
      const learner = await learnerOf(input.learnerId);
      // MK 89 p.7.2 routing: the agency of the municipality of the declared residence, else the school's own.
      const routed = await routedMunicipality(learner);
      const kind = input.recipient ?? "SOCIAL_SERVICE";
      const agency =
        (routed.municipalityId
          ? await prisma.agency.findFirst({
              where: { municipalityId: routed.municipalityId, kind },
              select: { id: true },
            })
          : null) ??
        (await prisma.agency.findFirst({
          where: { municipalityId: learner.school.municipalityId, kind },
          select: { id: true },
        }));
      if (!agency) throw new Error(`the municipality has no ${kind} agency on record`);
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
      await escalations.saveReferral(escalation.id, agency.id, data);
    },

    async queueAgendaItem(
      input: Ref & {
        ruleId: string;
        body: MeetingBody;
      },
    ) {
      const learner = await learnerOf(input.learnerId);
      const openCase = await prisma.case.findUnique({
        where: { openForLearnerId: input.learnerId },
        select: { id: true },
      });
      const dedupeKey = `absence:${input.learnerId}:${input.term.schoolYear}:${input.ruleId}`;
      await agenda.queueOnce({
        municipalityId: learner.school.municipalityId,
        body: input.body,
        caseId: openCase?.id ?? null,
        title: `Kavējumi: ${learner.publicRef}`,
        source: "ABSENCE_THRESHOLD",
        dedupeKey,
      });
    },

    async closeEscalation(ref: Ref) {
      await escalations.close(ref, new Date());
    },

    /** Tells the people a notice concerns, through the delivery queue (one message per person per notice). */
    async notifyAbsence(input: Ref & { notice: AbsenceNotice }) {
      await notifier.notifyAbsence(input);
    },
  };
}
