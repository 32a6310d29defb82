// Channel and direct messages about a case. They carry the pseudonymous case reference, the level, the risk
// groups and the action needed; never a learner's name, code or initials.

import type { PreventionLevel } from "../../../../workflows/domain/triage.js";
import { formatRigaDateTime, t, type Locale } from "../../i18n.js";
import type { Block, Message } from "../model.js";
import { caseRef, plain, spansText, strong, textMessage, tSpans } from "../spans.js";

export interface CaseSummary {
  caseId: string;
  ref: string;
  level: PreventionLevel;
  /** Risk group names, already localised. */
  groups: string[];
  /** The investigation deadline (ISO string or date), null before the workflow set one. */
  deadline: string | Date | null;
}

const deadlineText = (deadline: string | Date | null, locale: Locale) =>
  deadline ? formatRigaDateTime(deadline, locale) : "—";

/** "Level from the report: targeted / Risk groups: …", shared by the card and the manager's message. */
function levelAndGroups(summary: CaseSummary, locale: Locale): Block {
  return {
    kind: "text",
    spans: [
      ...tSpans(locale, "case.level", { level: strong(t(locale, `level.${summary.level}`)) }),
      plain("\n"),
      ...tSpans(locale, "case.groups", { groups: summary.groups.join(", ") }),
    ],
  };
}

/**
 * The support team's card for a report: a new case, or a new report on an open one. Until somebody takes the
 * case it asks for that ("Take the case"); once taken it says who did, and the button is gone.
 */
export function composeCaseCard(
  summary: CaseSummary,
  locale: Locale,
  options: { first: boolean; takenBy?: string | null },
): Message {
  const title = tSpans(locale, options.first ? "case.new" : "case.newOnExisting", { ref: caseRef(summary.ref) });
  const blocks: Block[] = [{ kind: "text", spans: title }, levelAndGroups(summary, locale)];
  if (options.takenBy) {
    blocks.push({ kind: "context", spans: tSpans(locale, "case.takenBy", { name: options.takenBy }) });
  } else {
    blocks.push(
      {
        kind: "context",
        spans: tSpans(locale, "case.actionInvestigate", { deadline: deadlineText(summary.deadline, locale) }),
      },
      {
        kind: "actions",
        buttons: [
          { label: t(locale, "case.take"), style: "primary", intent: { kind: "TAKE_CASE", caseId: summary.caseId } },
        ],
      },
    );
  }
  return { summary: spansText(title), blocks };
}

/** The case manager's message: the deadline and the two decisions (each opens the decision form). */
export function composeManagerMessage(summary: CaseSummary, locale: Locale): Message {
  const intro = tSpans(locale, "case.youManage", {
    ref: caseRef(summary.ref),
    deadline: deadlineText(summary.deadline, locale),
  });
  return {
    summary: spansText(intro),
    blocks: [
      { kind: "text", spans: intro },
      levelAndGroups(summary, locale),
      {
        kind: "actions",
        buttons: [
          {
            label: t(locale, "case.confirm"),
            style: "primary",
            intent: { kind: "OPEN_DECISION", caseId: summary.caseId, decision: "CONFIRM" },
          },
          {
            label: t(locale, "case.reject"),
            style: "danger",
            intent: { kind: "OPEN_DECISION", caseId: summary.caseId, decision: "REJECT" },
          },
        ],
      },
    ],
  };
}

/** To the case manager (or the support channel while nobody manages it) a school day before the deadline. */
export function composeCaseReminder(input: { ref: string; deadline: string | Date }, locale: Locale): Message {
  return textMessage(
    tSpans(locale, "case.reminder", { ref: caseRef(input.ref), deadline: formatRigaDateTime(input.deadline, locale) }),
  );
}

/** To the school coordinators and their channel when the investigation deadline passed. */
export function composeCaseOverdue(input: { ref: string; deadline: string | Date }, locale: Locale): Message {
  return textMessage(
    tSpans(locale, "case.overdue", { ref: caseRef(input.ref), deadline: formatRigaDateTime(input.deadline, locale) }),
  );
}

/** Where a confirmed case goes next, by level (class teacher, support team's IAP, inter-institutional group). */
export function composeCaseRouted(input: { ref: string; level: PreventionLevel }, locale: Locale): Message {
  return textMessage(tSpans(locale, `case.route.${input.level}`, { ref: caseRef(input.ref) }));
}

/** The support channel's card once the case manager rejected the case (replaces the card). */
export function composeCaseRejected(input: { ref: string }, locale: Locale): Message {
  return textMessage(tSpans(locale, "case.rejected", { ref: caseRef(input.ref) }));
}

/** A case confirmed: level and intensity (for those entitled to the case). */
export function composeCaseConfirmed(
  input: { ref: string; level: PreventionLevel; intensity: number },
  locale: Locale,
): Message {
  return textMessage(
    tSpans(locale, "case.confirmed", {
      ref: caseRef(input.ref),
      level: t(locale, `level.${input.level}`),
      intensity: input.intensity,
    }),
  );
}

/**
 * What a reporter learns about their report: the level only when their role entitles them to the case (as the
 * access matrix decides), otherwise only that it was reviewed.
 */
export function composeReporterOutcome(
  input: { ref: string; decision: "CONFIRM" | "REJECT"; level: PreventionLevel | null; entitled: boolean },
  locale: Locale,
): Message {
  return textMessage(
    input.entitled
      ? tSpans(locale, `case.outcome.full.${input.decision}`, {
          ref: caseRef(input.ref),
          level: input.level ? t(locale, `level.${input.level}`) : "",
        })
      : tSpans(locale, `case.outcome.limited.${input.decision}`, { ref: caseRef(input.ref) }),
  );
}
