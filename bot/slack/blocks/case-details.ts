import type { KnownBlock } from "@slack/types";
import { formatRigaDateTime, t, type Locale } from "../../core/i18n.js";
import type { CaseDetails } from "../../core/view-case.js";
import type { TriageClearance, TriageReason } from "../../../workflows/domain/triage.js";
import type { SlackMessage } from "./case-messages.js";

/** The ephemeral answer to `/pmp case <ref>`: pseudonymous details for an authorised role. */
export function buildCaseDetails(details: CaseDetails, locale: Locale): SlackMessage {
  const level = details.level ?? details.triage?.level ?? null;
  const lines = [
    t(locale, "details.learner", {
      code: details.learner.code,
      initials: details.learner.initials,
      class: details.learner.classLabel,
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
          .map(
            (r) =>
              `${r.code} ${locale === "lv" ? r.nameLv : r.nameEn} (${r.present === null ? r.frequency : r.present ? "✓" : "✗"})`,
          )
          .join("; ") || "—",
    }),
  ];
  if (details.triage) {
    lines.push(
      t(locale, "details.why", { why: details.triage.reasons.map((r) => describeReason(r, locale)).join("; ") }),
    );
    lines.push(
      t(locale, "details.clears", {
        clears: details.triage.clearsWhen.map((c) => describeClearance(c, locale)).join("; "),
      }),
    );
  }
  const title = t(locale, "details.title", { ref: details.ref });
  return { text: title, blocks: [{ type: "header", text: { type: "plain_text", text: title } }, ...sections(lines)] };
}

/** Slack's limit for a section's text. A case with many risks (all 66 run to ~4,900 characters) needs several. */
const SECTION_MAX = 3000;

/** The lines packed into as few sections as fit; a line too long for one section breaks after a "; ". */
function sections(lines: string[]): KnownBlock[] {
  const texts: string[] = [];
  for (const piece of lines.flatMap(splitLine)) {
    const last = texts.at(-1);
    if (last !== undefined && last.length + 1 + piece.length <= SECTION_MAX)
      texts[texts.length - 1] = `${last}\n${piece}`;
    else texts.push(piece);
  }
  return texts.map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

function splitLine(line: string): string[] {
  if (line.length <= SECTION_MAX) return [line];
  const out: string[] = [];
  let current = "";
  for (const part of line.split("; ")) {
    const next = current ? `${current}; ${part}` : part;
    if (next.length < SECTION_MAX) current = next;
    else {
      if (current) out.push(`${current};`);
      current = part.slice(0, SECTION_MAX - 1);
    }
  }
  if (current) out.push(current);
  return out;
}

export function describeReason(reason: TriageReason, locale: Locale): string {
  const lv = locale === "lv";
  switch (reason.code) {
    case "CRISIS_RISK":
      return lv
        ? `drošību apdraudoši riski (${reason.risks.join(", ")})`
        : `risks to safety (${reason.risks.join(", ")})`;
    case "LONG_LASTING_SIGNIFICANT":
      return lv
        ? `ilgstoši (${reason.sinceDays} d.) būtiski riski (${reason.risks.join(", ")})`
        : `long-lasting (${reason.sinceDays} d) significant risks (${reason.risks.join(", ")})`;
    case "LOW_ATTAINMENT_PERSISTENT":
      return lv
        ? `atkārtoti zemi vērtējumi ${reason.subjects} priekšmetos`
        : `repeatedly low grades in ${reason.subjects} subjects`;
    case "IMMEDIATE_RISK":
      return lv
        ? `tūlītēju intervenci prasoši riski (${reason.risks.join(", ")})`
        : `risks needing immediate intervention (${reason.risks.join(", ")})`;
    case "LOW_ATTAINMENT":
      return lv ? `zemi vērtējumi ${reason.subjects} priekšmetos` : `low grades in ${reason.subjects} subjects`;
    case "REPEATED":
      return lv
        ? `atkārtoti ziņoti riski (${reason.risks.join(", ")})`
        : `repeatedly reported risks (${reason.risks.join(", ")})`;
    case "LONG_LASTING":
      return lv
        ? `ilgstoši riski (${reason.risks.join(", ")}, ${reason.sinceDays} d.)`
        : `long-lasting risks (${reason.risks.join(", ")}, ${reason.sinceDays} d)`;
    case "MANY_RISKS":
      return lv
        ? `vairāki bieži novēroti riski (${reason.risks.join(", ")})`
        : `several frequently observed risks (${reason.risks.join(", ")})`;
    case "FIRST_TIME_LOW":
      return lv ? "pirmreizējs, zemas varbūtības risks" : "first-time, low-probability risk";
  }
}

export function describeClearance(clearance: TriageClearance, locale: Locale): string {
  const lv = locale === "lv";
  switch (clearance.code) {
    case "RISKS_BELOW_OFTEN":
      return lv
        ? `${clearance.risks.join(", ")} vairs netiek novēroti bieži`
        : `${clearance.risks.join(", ")} no longer observed often`;
    case "CRISIS_RULED_OUT":
      return lv
        ? `izpētē izslēgts apdraudējums (${clearance.risks.join(", ")})`
        : `the investigation rules out the threat (${clearance.risks.join(", ")})`;
    case "ATTAINMENT_IMPROVES":
      return lv
        ? `zemi vērtējumi mazāk nekā ${clearance.belowSubjects} priekšmetos`
        : `low grades in fewer than ${clearance.belowSubjects} subjects`;
    case "NO_NEW_REPORT_UNTIL":
      return lv ? `nav jaunu ziņojumu līdz ${clearance.date}` : `no new report until ${clearance.date}`;
    case "FEWER_STRONG_RISKS":
      return lv
        ? `mazāk nekā ${clearance.below} bieži novēroti riski`
        : `fewer than ${clearance.below} frequently observed risks`;
  }
}
