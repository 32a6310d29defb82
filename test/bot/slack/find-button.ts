import { decodeIntent, type Intent } from "../../../bot/core/messages/intents.js";
import type { CapturedCall } from "../../support/slack/fake-slack-api.js";

export interface FoundButton {
  action_id: string;
  value: string;
  intent: Intent;
}

// Buttons of messages composed before the intent codec, still accepted by the listeners (legacy-buttons.ts).
const LEGACY: Record<string, (value: string) => Intent> = {
  take_case_button: (caseId) => ({ kind: "TAKE_CASE", caseId }),
  confirm_case_button: (caseId) => ({ kind: "OPEN_DECISION", caseId, decision: "CONFIRM" }),
  reject_case_button: (caseId) => ({ kind: "OPEN_DECISION", caseId, decision: "REJECT" }),
};

/** Every button of a captured Slack message, with the intent its click carries. */
export function buttonsIn(call: CapturedCall): FoundButton[] {
  const blocks = Array.isArray(call.body.blocks) ? (call.body.blocks as Array<Record<string, unknown>>) : [];
  return blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements as Array<{ type: string; action_id: string; value?: string }>) ?? [])
    .filter((e) => e.type === "button" && typeof e.value === "string")
    .flatMap((e) => {
      const intent = decodeIntent(e.value) ?? LEGACY[e.action_id]?.(e.value!) ?? null;
      return intent ? [{ action_id: e.action_id, value: e.value!, intent }] : [];
    });
}

/** The button of a message whose click means `matches`, or a failed expectation. */
export function buttonIn(call: CapturedCall, matches: (intent: Intent) => boolean): FoundButton {
  const found = buttonsIn(call).find((b) => matches(b.intent));
  if (!found) throw new Error(`no such button in ${call.method}: ${JSON.stringify(call.body.blocks)}`);
  return found;
}
