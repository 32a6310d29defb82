// Buttons of messages composed before the intent codec: one action id per button, the case id or `{l, s}` step
// JSON as value. Messages stay in people's channels for weeks, so these clicks are translated into intents and
// take the same path as every other button.

import type { ButtonAction } from "@slack/bolt";
import { intentSchema, type Intent } from "../../../core/messages/intents.js";
import {
  ABSENCE_ACK_ACTION,
  ABSENCE_CONTACTED_ACTIONS,
  ABSENCE_CONTACTS_ACTION,
  ABSENCE_REFERRAL_SENT_ACTION,
  ABSENCE_RESOLVED_ACTION,
  ABSENCE_VIIS_ACTION,
  CONFIRM_CASE_ACTION,
  REJECT_CASE_ACTION,
  TAKE_CASE_ACTION,
} from "../../ids.js";

function stepOf(value: string | undefined): { learnerId: unknown; stepKey: unknown } | null {
  try {
    const parsed = JSON.parse(value ?? "") as { l?: unknown; s?: unknown };
    return { learnerId: parsed.l, stepKey: parsed.s };
  } catch {
    return null;
  }
}

const LEGACY: Record<string, (value: string | undefined) => unknown> = {
  [TAKE_CASE_ACTION]: (caseId) => ({ kind: "TAKE_CASE", caseId }),
  [CONFIRM_CASE_ACTION]: (caseId) => ({ kind: "OPEN_DECISION", caseId, decision: "CONFIRM" }),
  [REJECT_CASE_ACTION]: (caseId) => ({ kind: "OPEN_DECISION", caseId, decision: "REJECT" }),
  [ABSENCE_CONTACTS_ACTION]: (v) => ({ kind: "SHOW_CONTACTS", ...stepOf(v) }),
  ...Object.fromEntries(
    Object.entries(ABSENCE_CONTACTED_ACTIONS).map(([outcome, actionId]) => [
      actionId,
      (v: string | undefined) => ({ kind: "RECORD_PARENT_CONTACT", outcome, ...stepOf(v) }),
    ]),
  ),
  [ABSENCE_VIIS_ACTION]: (v) => ({ kind: "OPEN_STEP_FORM", form: "VIIS_ENTERED", ...stepOf(v) }),
  [ABSENCE_REFERRAL_SENT_ACTION]: (v) => ({ kind: "OPEN_STEP_FORM", form: "REFERRAL_SENT", ...stepOf(v) }),
  [ABSENCE_ACK_ACTION]: (v) => ({ kind: "ACKNOWLEDGE_REFERRAL", ...stepOf(v) }),
  [ABSENCE_RESOLVED_ACTION]: (v) => ({ kind: "RESOLVE_ABSENCES", ...stepOf(v) }),
};

export const LEGACY_ACTION_IDS = Object.keys(LEGACY);

/** The intent an old button meant, validated by the same schema as every intent; null for anything else. */
export function legacyIntent(action: Pick<ButtonAction, "action_id" | "value">): Intent | null {
  const translate = LEGACY[action.action_id];
  if (!translate) return null;
  const parsed = intentSchema.safeParse(translate(action.value));
  return parsed.success ? parsed.data : null;
}
