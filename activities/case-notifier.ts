import { authorize } from "../bot/core/access-matrix.js";
import { localName, type Locale } from "../bot/core/i18n.js";
import {
  composeCaseCard,
  composeCaseOverdue,
  composeCaseRejected,
  composeCaseReminder,
  composeCaseRouted,
  composeManagerMessage,
  composeReporterOutcome,
  type CaseSummary,
} from "../bot/core/messages/composers/case-messages.js";
import type { CaseEvent } from "../workflows/case-messages.js";
import { riskGroupByCode, type RiskGroupCode } from "../workflows/domain/risk-catalogue.js";
import type { PreventionLevel } from "../workflows/domain/triage.js";
import { levelFromReports, type CaseRepository } from "../prisma/repositories/case-repository.js";
import type { ChatPerson, DirectoryRepository } from "../prisma/repositories/directory-repository.js";
import type { Message } from "../bot/core/messages/model.js";
import type { Recipients } from "./delivery/recipients.js";
import { assertNever } from "./assert-never.js";

/** A case with its reports, loaded once per notification and shared by every message it produces. */
type CaseRow = NonNullable<Awaited<ReturnType<CaseRepository["byId"]>>> & {
  reports: Awaited<ReturnType<CaseRepository["reports"]>>;
};

/**
 * Turns a case event into chat messages for the right people and channels, and hands them to the outbox with
 * keys derived from the event, so a retried activity never posts twice. Channels get the pseudonymous reference,
 * level, risk groups and the action needed; details stay behind `/pmp case`.
 */
export function createCaseNotifier(deps: {
  cases: CaseRepository;
  directory: DirectoryRepository;
  recipients: Recipients;
}) {
  const { cases, directory, recipients } = deps;

  function summary(row: CaseRow, locale: Locale): CaseSummary {
    const groups = new Set<RiskGroupCode>();
    for (const report of row.reports)
      for (const risk of report.risks) groups.add(risk.riskCode.charAt(0) as RiskGroupCode);
    return {
      caseId: row.id,
      ref: row.ref,
      level: levelFromReports(row.reports),
      groups: [...groups].sort().map((code) => {
        const group = riskGroupByCode(code);
        return group ? localName(group, locale) : code;
      }),
      deadline: row.investigationDueAt?.toISOString() ?? null,
    };
  }

  /** To a body's channels; the message is composed from the case's summary in the channel's language. */
  async function toChannel(
    row: CaseRow,
    purpose: "SUPPORT_TEAM" | "SCHOOL_COORDINATION" | "MUNICIPAL_COORDINATION",
    key: string,
    compose: (s: CaseSummary, locale: Locale) => Message,
    replaces?: string,
  ) {
    const where =
      purpose === "MUNICIPAL_COORDINATION"
        ? { municipalityId: row.school.municipalityId, purpose }
        : { schoolId: row.schoolId, purpose };
    await recipients.toBody(where, key, (locale) => compose(summary(row, locale), locale), {
      municipalityId: row.school.municipalityId,
      ...(replaces ? { replaces } : {}),
    });
  }

  /** To people, each in their own language. */
  async function toPeople(
    row: CaseRow,
    people: ReadonlyArray<ChatPerson | null>,
    key: string,
    compose: (s: CaseSummary, locale: Locale) => Message,
  ) {
    await recipients.toPeople(people, key, (locale) => compose(summary(row, locale), locale), {
      municipalityId: row.school.municipalityId,
    });
  }

  const firstReportKey = (caseId: string) => `case:${caseId}:card`;

  async function notify(caseId: string, event: CaseEvent): Promise<void> {
    const found = await cases.byId({ caseId });
    if (!found) throw new Error(`case ${caseId} not found`);
    const row: CaseRow = { ...found, reports: await cases.reports({ caseId }) };
    const base = `case:${caseId}`;
    switch (event.kind) {
      case "REPORTED": {
        if (event.first) {
          await toChannel(row, "SUPPORT_TEAM", firstReportKey(caseId), (s, l) =>
            composeCaseCard(s, l, { first: true }),
          );
        } else if (row.caseManagerId) {
          const manager = await directory.person({ staffId: row.caseManagerId });
          await toPeople(row, [manager], `${base}:report:${event.reportId}`, (s, l) =>
            composeCaseCard(s, l, { first: false, takenBy: row.caseManager?.displayName ?? null }),
          );
        } else {
          await toChannel(row, "SUPPORT_TEAM", `${base}:report:${event.reportId}`, (s, l) =>
            composeCaseCard(s, l, { first: false }),
          );
        }
        return;
      }
      case "TAKEN": {
        const manager = await directory.person({ staffId: event.staffId });
        await toChannel(
          row,
          "SUPPORT_TEAM",
          `${base}:card:taken`,
          (s, l) => composeCaseCard(s, l, { first: true, takenBy: manager?.displayName ?? "—" }),
          firstReportKey(caseId),
        );
        await toPeople(row, [manager], `${base}:manager`, (s, l) => composeManagerMessage(s, l));
        return;
      }
      case "REMINDER": {
        const compose = (_s: CaseSummary, l: Locale) =>
          composeCaseReminder({ ref: row.ref, deadline: event.deadline }, l);
        if (row.caseManagerId)
          await toPeople(row, [await directory.person({ staffId: row.caseManagerId })], `${base}:reminder`, compose);
        else await toChannel(row, "SUPPORT_TEAM", `${base}:reminder`, compose);
        return;
      }
      case "OVERDUE": {
        const compose = (_s: CaseSummary, l: Locale) =>
          composeCaseOverdue({ ref: row.ref, deadline: event.deadline }, l);
        const coordinators = await directory.peopleWithRole({ roles: ["SCHOOL_COORDINATOR"], schoolId: row.schoolId });
        await toPeople(row, coordinators, `${base}:overdue`, compose);
        await toChannel(row, "SCHOOL_COORDINATION", `${base}:overdue:channel`, compose);
        return;
      }
      case "DECIDED": {
        const decision = event.decision;
        const level = decision.kind === "CONFIRM" ? decision.level : null;
        await tellReporters(row, decision.kind, level);
        if (decision.kind === "REJECT") {
          await toChannel(
            row,
            "SUPPORT_TEAM",
            `${base}:card:decided`,
            (_s, l) => composeCaseRejected({ ref: row.ref }, l),
            firstReportKey(caseId),
          );
          return;
        }
        const routed = (_s: CaseSummary, l: Locale) => composeCaseRouted({ ref: row.ref, level: decision.level }, l);
        if (decision.level === "UNIVERSAL") {
          const teachers = await directory.peopleWithRole({
            roles: ["CLASS_TEACHER"],
            schoolId: row.schoolId,
            classLabel: row.learner.classLabel,
          });
          await toPeople(row, teachers, `${base}:routed`, routed);
        } else {
          await toChannel(row, "SUPPORT_TEAM", `${base}:routed`, routed);
          if (decision.level === "INDICATED")
            await toChannel(row, "MUNICIPAL_COORDINATION", `${base}:routed:municipal`, routed);
        }
        return;
      }
      case "NOBODY_TO_ASSIGN":
        await recipients.nobodyToAssign({
          key: `${base}:${event.taskKey}`,
          role: event.role,
          handedTo: event.handedTo,
          municipalityId: row.school.municipalityId,
        });
        return;
      default:
        // A new event kind must be told to somebody: the compiler stops here until it is.
        return assertNever(event);
    }
  }

  /** Each reporter learns the outcome as far as their role allows: details only for those entitled to see the case. */
  async function tellReporters(row: CaseRow, kind: "CONFIRM" | "REJECT", level: PreventionLevel | null): Promise<void> {
    const reporterIds = [...new Set(row.reports.map((r) => r.reporterId))];
    for (const reporterId of reporterIds) {
      const person = await directory.person({ staffId: reporterId });
      const roles = await directory.rolesOf({ staffId: reporterId });
      // The question is what the reporter's role entitles them to, not whether their training is current: the
      // outcome line carries no personal data either way. (8.64e15 ms is the latest date JavaScript can hold.)
      const entitled = authorize(
        { staffId: reporterId, roles, trainedUntil: new Date(8.64e15) },
        "VIEW_CASE",
        {
          schoolId: row.schoolId,
          municipalityId: row.school.municipalityId,
          classLabel: row.learner.classLabel,
          caseManagerId: row.caseManagerId,
          level,
        },
        new Date(),
      ).allowed;
      await toPeople(row, [person], `case:${row.id}:outcome`, (_s, l) =>
        composeReporterOutcome({ ref: row.ref, decision: kind, level, entitled }, l),
      );
    }
  }

  return { notify };
}
