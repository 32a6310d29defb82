// The private answer to `/pmp case <ref>`: pseudonymous details (learner code, initials, class) for a role
// entitled to the case; every read is audited by the use case before this is composed.

import type { TriageClearance, TriageReason } from "../../../../workflows/domain/triage.js";
import { formatClass, formatRigaDate, formatRigaDateTime, localName, t, type Locale } from "../../i18n.js";
import type { CaseDetails } from "../../view-case.js";
import type { Message } from "../model.js";
import { plain } from "../spans.js";

export function composeCaseDetails(details: CaseDetails, locale: Locale): Message {
  const level = details.level ?? details.triage?.level ?? null;
  const answer = (r: CaseDetails["risks"][number]) =>
    r.present === null ? String(r.frequency) : r.present ? "✓" : "✗";
  const lines = [
    t(locale, "details.learner", {
      code: details.learner.code,
      initials: details.learner.initials,
      class: formatClass(details.learner.classLabel, locale),
    }),
    t(locale, "details.status", {
      status: t(locale, `status.${details.status as "REPORTED"}`),
      level: level ? t(locale, `level.${level as "UNIVERSAL"}`) : "—",
    }),
    details.caseManager ? t(locale, "details.manager", { name: details.caseManager }) : t(locale, "details.noManager"),
    ...(details.deadline
      ? [t(locale, "details.deadline", { deadline: formatRigaDateTime(details.deadline, locale) })]
      : []),
    t(locale, "details.reports", {
      count: details.reports,
      first: details.firstReportAt ? formatRigaDateTime(details.firstReportAt, locale) : "—",
    }),
    t(locale, "details.risks", {
      risks:
        details.risks
          .map((r) => t(locale, "details.risk", { code: r.code, name: localName(r, locale), answer: answer(r) }))
          .join("; ") || "—",
    }),
  ];
  if (details.triage) {
    lines.push(
      t(locale, "details.why", { why: details.triage.reasons.map((r) => describeReason(r, locale)).join("; ") }),
      t(locale, "details.clears", {
        clears: details.triage.clearsWhen.map((c) => describeClearance(c, locale)).join("; "),
      }),
    );
  }
  const title = t(locale, "details.title", { ref: details.ref });
  // One text block; a surface with a length limit per block (Slack: 3,000) splits it at line ends and "; ".
  return {
    summary: title,
    blocks: [
      { kind: "heading", text: title },
      { kind: "text", spans: [plain(lines.join("\n"))] },
    ],
  };
}

/** Why triage chose the level, in words (the triage reason codes of the classifier). */
export function describeReason(reason: TriageReason, locale: Locale): string {
  const risks = "risks" in reason ? reason.risks.join(", ") : "";
  switch (reason.code) {
    case "CRISIS_RISK":
    case "IMMEDIATE_RISK":
    case "REPEATED":
    case "MANY_RISKS":
      return t(locale, `reason.${reason.code}`, { risks });
    case "LONG_LASTING_SIGNIFICANT":
    case "LONG_LASTING":
      return t(locale, `reason.${reason.code}`, { risks, days: reason.sinceDays });
    case "LOW_ATTAINMENT_PERSISTENT":
    case "LOW_ATTAINMENT":
      return t(locale, `reason.${reason.code}`, { subjects: reason.subjects });
    case "FIRST_TIME_LOW":
      return t(locale, "reason.FIRST_TIME_LOW");
  }
}

/** What would lower the level again. */
export function describeClearance(clearance: TriageClearance, locale: Locale): string {
  switch (clearance.code) {
    case "RISKS_BELOW_OFTEN":
    case "CRISIS_RULED_OUT":
      return t(locale, `clears.${clearance.code}`, { risks: clearance.risks.join(", ") });
    case "ATTAINMENT_IMPROVES":
      return t(locale, "clears.ATTAINMENT_IMPROVES", { subjects: clearance.belowSubjects });
    case "NO_NEW_REPORT_UNTIL":
      return t(locale, "clears.NO_NEW_REPORT_UNTIL", { date: formatRigaDate(clearance.date, locale) });
    case "FEWER_STRONG_RISKS":
      return t(locale, "clears.FEWER_STRONG_RISKS", { below: clearance.below });
  }
}
