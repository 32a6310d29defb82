import {
  buildCaseReportedMessage,
  buildManagerMessage,
  buildNotice,
  type CaseSummary,
} from "../bot/slack/blocks/case-messages.js";
import { formatRigaDateTime, t, type Locale } from "../bot/core/i18n.js";
import { authorize } from "../bot/core/access-matrix.js";
import type { CaseEvent } from "../workflows/case-messages.js";
import { riskGroupByCode, type RiskGroupCode } from "../workflows/domain/risk-catalogue.js";
import { highestLevel } from "../workflows/domain/triage.js";
import type { CaseRepository } from "../prisma/repositories/case-repository.js";
import type { ChatPerson, DirectoryRepository } from "../prisma/repositories/directory-repository.js";
import type { PrismaClient } from "../prisma/client.js";
import type { Outbox } from "./outbox.js";

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
  prisma: PrismaClient;
  cases: CaseRepository;
  directory: DirectoryRepository;
  outbox: Outbox;
}) {
  const { cases, directory, outbox } = deps;

  function summary(row: CaseRow, locale: Locale): CaseSummary {
    const groups = new Set<RiskGroupCode>();
    for (const report of row.reports)
      for (const risk of report.risks) groups.add(risk.riskCode.charAt(0) as RiskGroupCode);
    return {
      caseId: row.id,
      ref: row.ref,
      level: highestLevel(row.reports.map((r) => (r.triage as { level?: CaseSummary["level"] }).level ?? "UNIVERSAL")),
      groups: [...groups]
        .sort()
        .map((code) => (locale === "lv" ? riskGroupByCode(code)?.nameLv : riskGroupByCode(code)?.nameEn) ?? code),
      deadline: row.investigationDueAt?.toISOString() ?? null,
    };
  }

  async function toChannel(
    row: CaseRow,
    purpose: "SUPPORT_TEAM" | "SCHOOL_COORDINATION" | "MUNICIPAL_COORDINATION",
    key: string,
    build: (s: CaseSummary) => ReturnType<typeof buildNotice>,
    replaces?: string,
  ) {
    const channel =
      purpose === "MUNICIPAL_COORDINATION"
        ? await directory.slackChannel({ municipalityId: row.school.municipalityId, purpose })
        : await directory.slackChannel({ schoolId: row.schoolId, purpose });
    if (!channel) return;
    const message = build(summary(row, "lv"));
    await outbox.deliver({
      idempotencyKey: key,
      workspaceId: channel.workspaceId,
      target: channel.channelId,
      message,
      ...(replaces ? { replaces } : {}),
    });
  }

  async function toPerson(
    row: CaseRow,
    person: ChatPerson | null,
    key: string,
    build: (s: CaseSummary, locale: Locale) => ReturnType<typeof buildNotice>,
  ) {
    if (!person?.slack) return;
    const message = build(summary(row, person.locale), person.locale);
    await outbox.deliver({
      idempotencyKey: `${key}:${person.staffId}`,
      workspaceId: person.slack.workspaceId,
      target: person.slack.userId,
      message,
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
          await toChannel(row, "SUPPORT_TEAM", firstReportKey(caseId), (s) =>
            buildCaseReportedMessage(s, "lv", { first: true }),
          );
        } else if (row.caseManagerId) {
          await toPerson(
            row,
            await directory.person({ staffId: row.caseManagerId }),
            `${base}:report:${event.reportId}`,
            (s, l) => buildCaseReportedMessage(s, l, { first: false, takenBy: row.caseManager?.displayName ?? null }),
          );
        } else {
          await toChannel(row, "SUPPORT_TEAM", `${base}:report:${event.reportId}`, (s) =>
            buildCaseReportedMessage(s, "lv", { first: false }),
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
          (s) => buildCaseReportedMessage(s, "lv", { first: true, takenBy: manager?.displayName ?? "—" }),
          firstReportKey(caseId),
        );
        await toPerson(row, manager, `${base}:manager`, (s, l) => buildManagerMessage(s, l));
        return;
      }
      case "REMINDER": {
        const text = (l: Locale) =>
          t(l, "case.reminder", { ref: row.ref, deadline: formatRigaDateTime(event.deadline, l) });
        if (row.caseManagerId)
          await toPerson(row, await directory.person({ staffId: row.caseManagerId }), `${base}:reminder`, (_s, l) =>
            buildNotice(text(l)),
          );
        else await toChannel(row, "SUPPORT_TEAM", `${base}:reminder`, () => buildNotice(text("lv")));
        return;
      }
      case "OVERDUE": {
        const text = (l: Locale) =>
          t(l, "case.overdue", { ref: row.ref, deadline: formatRigaDateTime(event.deadline, l) });
        for (const coordinator of await directory.peopleWithRole({
          roles: ["SCHOOL_COORDINATOR"],
          schoolId: row.schoolId,
        })) {
          await toPerson(row, coordinator, `${base}:overdue`, (_s, l) => buildNotice(text(l)));
        }
        await toChannel(row, "SCHOOL_COORDINATION", `${base}:overdue:channel`, () => buildNotice(text("lv")));
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
            (s) => ({
              ...buildCaseReportedMessage(s, "lv", { first: true, takenBy: row.caseManager?.displayName ?? "—" }),
              ...buildNotice(t("lv", "case.rejected", { ref: row.ref })),
            }),
            firstReportKey(caseId),
          );
          return;
        }
        const routed = (l: Locale) => t(l, `case.route.${decision.level}`, { ref: row.ref });
        if (decision.level === "UNIVERSAL") {
          for (const teacher of await directory.peopleWithRole({
            roles: ["CLASS_TEACHER"],
            schoolId: row.schoolId,
            classLabel: row.learner.classLabel,
          })) {
            await toPerson(row, teacher, `${base}:routed`, (_s, l) => buildNotice(routed(l)));
          }
        } else {
          await toChannel(row, "SUPPORT_TEAM", `${base}:routed`, () => buildNotice(routed("lv")));
          if (decision.level === "INDICATED")
            await toChannel(row, "MUNICIPAL_COORDINATION", `${base}:routed:municipal`, () => buildNotice(routed("lv")));
        }
        return;
      }
    }
  }

  /** Each reporter learns the outcome as far as their role allows: details only for those entitled to see the case. */
  async function tellReporters(
    row: CaseRow,
    kind: "CONFIRM" | "REJECT",
    level: CaseSummary["level"] | null,
  ): Promise<void> {
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
      await toPerson(row, person, `case:${row.id}:outcome`, (_s, l) =>
        buildNotice(
          entitled
            ? t(l, `case.outcome.full.${kind}`, { ref: row.ref, level: level ? t(l, `level.${level}`) : "" })
            : t(l, `case.outcome.limited.${kind}`, { ref: row.ref }),
        ),
      );
    }
  }

  return { notify };
}
