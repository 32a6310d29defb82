// Slack callback, block and action ids in one place. Only the Slack renderer and listeners use them: the
// neutral model knows forms by id, fields by id and buttons by intent.

import type { FormId } from "../core/messages/forms.js";
import { FORM_IDS } from "../core/messages/forms.js";
import { INTENT_KINDS, type IntentKind } from "../core/messages/intents.js";

/** A form's modal callback id (pmp_report_step1, pmp_report_step2, pmp_decide, pmp_absence_step). */
export const callbackIdFor = (form: FormId) => `pmp_${form}`;
export function formIdOf(callbackId: string): FormId | null {
  const id = callbackId.startsWith("pmp_") ? callbackId.slice(4) : "";
  return (FORM_IDS as readonly string[]).includes(id) ? (id as FormId) : null;
}

/** A field's input block; submitted values come back under it (view.state.values[blockId]). */
export const blockIdFor = (fieldId: string) => `${fieldId}_block`;
export const fieldIdOf = (blockId: string) => (blockId.endsWith("_block") ? blockId.slice(0, -6) : blockId);

/** A field's element; only fields that refresh the form on change ever send it back as a block action. */
export const fieldActionId = (fieldId: string) => `pmp_field:${fieldId}`;
export const FIELD_ACTION = /^pmp_field:(.+)$/;

/**
 * A button's action id: the intent kind and its position, so ids are unique within a message (Slack rejects a
 * message with two equal action ids). The listener matches them all with one pattern and decodes the value.
 */
export const intentActionId = (kind: IntentKind, index: number) => `pmp_intent:${kind}:${index}`;
export const INTENT_ACTION = /^pmp_intent:([A-Z_]+):\d+$/;
export const intentKindOfAction = (actionId: string): IntentKind | null => {
  const kind = INTENT_ACTION.exec(actionId)?.[1];
  return kind && (INTENT_KINDS as string[]).includes(kind) ? (kind as IntentKind) : null;
};

// Buttons of messages posted before the intent codec: one action id per button, the case id or {l, s} step JSON
// as value. The listeners translate them into intents (legacy-buttons.ts), so those messages keep working while
// they are still in people's channels.
export const TAKE_CASE_ACTION = "take_case_button";
export const CONFIRM_CASE_ACTION = "confirm_case_button";
export const REJECT_CASE_ACTION = "reject_case_button";
export const ABSENCE_CONTACTS_ACTION = "absence_contacts_button";
export const ABSENCE_CONTACTED_ACTIONS = {
  JUSTIFIED: "absence_contacted_justified",
  UNJUSTIFIED: "absence_contacted_unjustified",
  UNREACHABLE: "absence_contacted_unreachable",
} as const;
export const ABSENCE_VIIS_ACTION = "absence_viis_button";
export const ABSENCE_RESOLVED_ACTION = "absence_resolved_button";
export const ABSENCE_REFERRAL_SENT_ACTION = "absence_referral_sent_button";
export const ABSENCE_ACK_ACTION = "absence_ack_button";
