// `/pmp status`: aggregates for a school or municipality, one section per figure, the query behind each named
// at the end. No learner and no case reference appears: only counts, hours and reference-data names.

import type { StatusOutcome, StatusSection, StatusView } from "../../status/status.js";
import { SUPPRESS_BELOW } from "../../status/status-scope.js";
import { formatRigaDateTime, localName, t, type Locale, type MessageKey } from "../../i18n.js";
import type { Block, Fact, Message } from "../model.js";
import { code, plain, textMessage, tSpans } from "../spans.js";
import { REPORTING_TEXTS } from "../../texts/reporting.js";
import { composeResult } from "./results.js";

/** Texts for a row key, per section; a key this version does not know is shown as it is. */
function rowLabel(section: StatusSection, row: StatusSection["rows"][number], locale: Locale): string {
  if (row.name) return localName(row.name, locale);
  const prefix: Record<StatusSection["figure"], string> = {
    openCasesByLevel: row.key === "UNDECIDED" ? "pmpStatus.level." : "level.",
    openCasesByRiskGroup: "",
    plansByStatus: "pmpStatus.plan.",
    overdueTasks: "pmpStatus.task.",
    learnersPastThresholds: "pmpStatus.mark.",
    escalationsWaiting: "pmpStatus.escalation.",
    deliveredHoursBySpecialist: "role.",
  };
  const key = `${prefix[section.figure]}${row.key}`;
  return prefix[section.figure] && isKnownKey(key) ? t(locale, key as MessageKey) : row.key;
}

/** Level keys are the PreventionLevel enum (core texts); every other row text is this capability's. */
function isKnownKey(key: string): boolean {
  return key in REPORTING_TEXTS || /^level\.(UNIVERSAL|TARGETED|INDICATED)$/.test(key);
}

function sectionBlocks(section: StatusSection, locale: Locale): Block[] {
  const title = t(locale, `pmpStatus.section.${section.figure}` satisfies MessageKey);
  const facts: Fact[] = section.rows.map((row) => ({
    label: rowLabel(section, row, locale),
    value:
      section.figure === "deliveredHoursBySpecialist" ? t(locale, "pmpStatus.hours", { hours: row.value }) : row.value,
  }));
  return facts.length
    ? [
        { kind: "text", spans: [plain(title)] },
        { kind: "facts", facts },
      ]
    : [{ kind: "text", spans: [plain(`${title}: ${t(locale, "pmpStatus.none")}`)] }];
}

export function composeStatus(view: StatusView, locale: Locale): Message {
  const place = view.school
    ? localName({ nameLv: view.school.nameLv, nameEn: view.school.nameEn ?? view.school.nameLv }, locale)
    : localName(view.municipality, locale);
  const title = t(locale, "pmpStatus.title", { place });
  const blocks: Block[] = [
    { kind: "heading", text: title },
    {
      kind: "context",
      spans: [
        plain(
          t(locale, "pmpStatus.period", {
            schoolYear: view.period.schoolYear,
            semester: view.period.semester,
            asOf: formatRigaDateTime(view.asOf, locale),
          }),
        ),
      ],
    },
    ...view.sections.flatMap((s) => sectionBlocks(s, locale)),
  ];
  if (view.suppressed)
    blocks.push({
      kind: "context",
      spans: [plain(t(locale, "pmpStatus.suppressed", { shown: `<${SUPPRESS_BELOW}` }))],
    });
  blocks.push({
    kind: "context",
    spans: tSpans(locale, "pmpStatus.sources", { queries: code(view.sections.map((s) => s.queryId).join(", ")) }),
  });
  return { summary: title, blocks };
}

/** Any outcome of the status use case as the message the person sees. */
export function composeStatusOutcome(outcome: StatusOutcome, locale: Locale): Message {
  switch (outcome.kind) {
    case "OK":
      return composeStatus(outcome.view, locale);
    case "FORBIDDEN":
      return composeResult({ kind: "FORBIDDEN" }, locale);
    case "UNKNOWN_SCHOOL":
      return textMessage([plain(t(locale, "pmpStatus.unknownSchool", { code: outcome.code }))]);
    case "BAD_ARGUMENTS":
      return textMessage(tSpans(locale, "pmpStatus.badArguments", { example: code("/pmp status DEMO-VSK 2025/26-1") }));
  }
}
