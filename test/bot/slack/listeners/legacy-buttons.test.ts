import { describe, expect, it } from "vitest";
import { legacyIntent, LEGACY_ACTION_IDS } from "../../../../bot/slack/listeners/actions/legacy-buttons.js";

const CASE_ID = "3a7e1c9d-8b2f-4e6a-9c1d-5f0b2a4e6c8d";
const step = { learnerId: "6f1d0b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b", stepKey: "2025/26:1:PARENT_CONTACT:2025-10-06" };
const stepValue = JSON.stringify({ l: step.learnerId, s: step.stepKey });

// Messages posted before the intent codec stay in channels for weeks; their buttons must still mean the same.
describe("buttons of older messages", () => {
  it.each([
    ["take_case_button", CASE_ID, { kind: "TAKE_CASE", caseId: CASE_ID }],
    ["confirm_case_button", CASE_ID, { kind: "OPEN_DECISION", caseId: CASE_ID, decision: "CONFIRM" }],
    ["reject_case_button", CASE_ID, { kind: "OPEN_DECISION", caseId: CASE_ID, decision: "REJECT" }],
    ["absence_contacts_button", stepValue, { kind: "SHOW_CONTACTS", ...step }],
    ["absence_contacted_justified", stepValue, { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "JUSTIFIED" }],
    ["absence_contacted_unjustified", stepValue, { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "UNJUSTIFIED" }],
    ["absence_contacted_unreachable", stepValue, { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "UNREACHABLE" }],
    ["absence_viis_button", stepValue, { kind: "OPEN_STEP_FORM", ...step, form: "VIIS_ENTERED" }],
    ["absence_referral_sent_button", stepValue, { kind: "OPEN_STEP_FORM", ...step, form: "REFERRAL_SENT" }],
    ["absence_ack_button", stepValue, { kind: "ACKNOWLEDGE_REFERRAL", ...step }],
    ["absence_resolved_button", stepValue, { kind: "RESOLVE_ABSENCES", ...step }],
  ])("%s becomes the intent it meant", (action_id, value, intent) => {
    expect(legacyIntent({ action_id, value })).toEqual(intent);
  });

  it("covers every old action id, and validates values with the intent schema", () => {
    expect(LEGACY_ACTION_IDS).toHaveLength(11);
    expect(legacyIntent({ action_id: "take_case_button", value: "" })).toBeNull();
    expect(legacyIntent({ action_id: "take_case_button", value: "x".repeat(101) })).toBeNull();
    expect(legacyIntent({ action_id: "absence_ack_button", value: "not json" })).toBeNull();
    expect(legacyIntent({ action_id: "absence_ack_button", value: JSON.stringify({ l: 1, s: "k" }) })).toBeNull();
    expect(legacyIntent({ action_id: "delete_everything", value: CASE_ID })).toBeNull();
  });
});
