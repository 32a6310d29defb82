import type { KnownBlock } from "@slack/types";
import { formatRigaDateTime, t, type Locale } from "../../core/i18n.js";
import { CONFIRM_CASE_ACTION, REJECT_CASE_ACTION, TAKE_CASE_ACTION } from "../ids.js";

// Channel and direct messages about a case. They carry the pseudonymous case reference, the level, the risk
// groups and the action needed; never a learner's name, code or initials.

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface CaseSummary {
  caseId: string;
  ref: string;
  level: "UNIVERSAL" | "TARGETED" | "INDICATED";
  /** Risk group names, already localised. */
  groups: string[];
  deadline: string | null;
}

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });

export function buildCaseReportedMessage(
  summary: CaseSummary,
  locale: Locale,
  options: { first: boolean; takenBy?: string | null },
): SlackMessage {
  const title = t(locale, options.first ? "case.new" : "case.newOnExisting", { ref: summary.ref });
  const blocks: KnownBlock[] = [
    section(title),
    section(
      `${t(locale, "case.level", { level: t(locale, `level.${summary.level}`) })}\n${t(locale, "case.groups", { groups: summary.groups.join(", ") })}`,
    ),
  ];
  if (options.takenBy) {
    blocks.push(context(t(locale, "case.takenBy", { name: options.takenBy })));
  } else {
    const deadline = summary.deadline ? formatRigaDateTime(summary.deadline, locale) : "—";
    blocks.push(context(t(locale, "case.actionInvestigate", { deadline })));
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: TAKE_CASE_ACTION,
          style: "primary",
          value: summary.caseId,
          text: { type: "plain_text", text: t(locale, "case.take") },
        },
      ],
    });
  }
  return { text: title, blocks };
}

/** The case manager's message: deadline and the two decisions. */
export function buildManagerMessage(summary: CaseSummary, locale: Locale): SlackMessage {
  const text = t(locale, "case.youManage", {
    ref: summary.ref,
    deadline: summary.deadline ? formatRigaDateTime(summary.deadline, locale) : "—",
  });
  return {
    text,
    blocks: [
      section(text),
      section(
        `${t(locale, "case.level", { level: t(locale, `level.${summary.level}`) })}\n${t(locale, "case.groups", { groups: summary.groups.join(", ") })}`,
      ),
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: CONFIRM_CASE_ACTION,
            style: "primary",
            value: summary.caseId,
            text: { type: "plain_text", text: t(locale, "case.confirm") },
          },
          {
            type: "button",
            action_id: REJECT_CASE_ACTION,
            style: "danger",
            value: summary.caseId,
            text: { type: "plain_text", text: t(locale, "case.reject") },
          },
        ],
      },
    ],
  };
}

/** A plain notice (reminder, escalation, routing, outcome) as one section. */
export function buildNotice(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
