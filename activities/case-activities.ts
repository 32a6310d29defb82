import type { PrismaClient } from "../prisma/client.js";
import { createAgendaRepository } from "../prisma/repositories/agenda-repository.js";
import { createAuditLogRepository } from "../prisma/repositories/audit-log-repository.js";
import { createCalendarRepository } from "../prisma/repositories/calendar-repository.js";
import { createCaseRepository } from "../prisma/repositories/case-repository.js";
import { createDirectoryRepository } from "../prisma/repositories/directory-repository.js";
import type { Logger } from "../prisma/runtime/logger.js";
import type { CaseDecision, CaseEvent } from "../workflows/case-messages.js";
import { rigaDateOf, semesterOf, type Grade } from "../workflows/domain/calendar/index.js";
import type { PreventionLevel } from "../workflows/domain/triage.js";
import { createCaseNotifier } from "./case-notifier.js";
import type { Recipients } from "./delivery/recipients.js";

const ROUTED_TO = {
  UNIVERSAL: "CLASS_TEACHER",
  TARGETED: "SUPPORT_TEAM",
  INDICATED: "INTER_INSTITUTIONAL_GROUP",
} as const satisfies Record<PreventionLevel, string>;

/** Side effects of the case workflow: the case record, its routing, and what people are told. */
export function createCaseActivities(deps: {
  prisma: PrismaClient;
  recipients: Recipients;
  logger: Logger;
  now?: () => Date;
}) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());
  const cases = createCaseRepository(prisma);
  const calendars = createCalendarRepository(prisma);
  const agenda = createAgendaRepository(prisma);
  const audit = createAuditLogRepository(prisma);
  const notifier = createCaseNotifier({
    cases,
    directory: createDirectoryRepository(prisma),
    recipients: deps.recipients,
  });

  async function requireCase(caseId: string) {
    const row = await cases.byId({ caseId });
    if (!row) throw new Error(`case ${caseId} not found`);
    return row;
  }

  return {
    /** Calendar data and the learner's grade, so the workflow can count school days deterministically. */
    async loadCaseSchedule({ caseId }: { caseId: string }) {
      const row = await requireCase(caseId);
      const calendar = await calendars.loadMunicipalityCalendar({ municipalityId: row.school.municipalityId });
      return { ...calendar, grade: row.learner.grade, schoolId: row.schoolId };
    },

    async recordCaseTaken({ caseId, staffId }: { caseId: string; staffId: string }) {
      await cases.setManager({ caseId, staffId });
    },

    async recordInvestigationDeadline({ caseId, dueAt }: { caseId: string; dueAt: string }) {
      await cases.setInvestigationDeadline({ caseId, dueAt: new Date(dueAt) });
    },

    /**
     * Records the decision and routes a confirmed case (docs/domain.md §3, step 2; IKVD concept Tab.1.3): targeted and indicated cases
     * need an IAP (a draft for the current semester is opened); indicated cases go onto the inter-institutional
     * group's agenda for its next meeting. Safe to repeat: the draft and the agenda item are created once.
     */
    async recordCaseDecision({ caseId, decision }: { caseId: string; decision: CaseDecision }) {
      const row = await requireCase(caseId);
      const at = now();
      await audit.record({
        actorKind: "STAFF",
        actorId: decision.staffId,
        action: `CASE_${decision.kind}`,
        entityType: "Case",
        entityId: caseId,
        details: decision.kind === "CONFIRM" ? { level: decision.level, intensity: decision.intensity } : {},
      });
      if (decision.kind === "REJECT") {
        await cases.markRejected({ caseId, reason: decision.reason, at });
        return;
      }
      await cases.markConfirmed({
        caseId,
        staffId: decision.staffId,
        level: decision.level,
        intensity: decision.intensity,
        routedTo: ROUTED_TO[decision.level],
        at,
      });
      if (decision.level === "UNIVERSAL") return;
      const calendar = await calendars.loadMunicipalityCalendar({ municipalityId: row.school.municipalityId });
      const term = semesterOf(rigaDateOf(at), row.learner.grade as Grade, calendar.calendars, calendar.overrides);
      const schoolYear = term?.schoolYear ?? calendar.calendars.at(-1)?.schoolYear ?? String(at.getUTCFullYear());
      const semester = term?.semester ?? 1;
      const existing = await prisma.iap.findFirst({ where: { caseId, schoolYear, semester }, select: { id: true } });
      if (!existing) await prisma.iap.create({ data: { caseId, schoolYear, semester, status: "DRAFT" } });
      if (decision.level === "INDICATED") {
        await agenda.queueOnce({
          municipalityId: row.school.municipalityId,
          body: "INTER_INSTITUTIONAL",
          caseId,
          title: `Lieta ${row.ref}`,
          source: "CASE_ROUTING",
          dedupeKey: `case:${caseId}:indicated`,
        });
      }
    },

    async notifyCase({ caseId, event }: { caseId: string; event: CaseEvent }) {
      await notifier.notify(caseId, event);
    },
  };
}
