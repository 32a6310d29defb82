import { describe, expect, it } from "vitest";
import { decodeIntent, encodeIntent, INTENT_KINDS, type Intent } from "../../../../bot/core/messages/intents.js";

const CASE_ID = "3a7e1c9d-8b2f-4e6a-9c1d-5f0b2a4e6c8d";
const step = { learnerId: "6f1d0b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b", stepKey: "2025/26:1:PARENT_CONTACT:2025-10-06" };

const EVERY_INTENT: Intent[] = [
  { kind: "TAKE_CASE", caseId: CASE_ID },
  { kind: "OPEN_DECISION", caseId: CASE_ID, decision: "CONFIRM" },
  { kind: "OPEN_DECISION", caseId: CASE_ID, decision: "REJECT" },
  { kind: "SHOW_CONTACTS", ...step },
  { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "JUSTIFIED" },
  { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "UNJUSTIFIED" },
  { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "UNREACHABLE" },
  { kind: "OPEN_STEP_FORM", ...step, form: "VIIS_ENTERED" },
  { kind: "OPEN_STEP_FORM", ...step, form: "REFERRAL_SENT" },
  { kind: "ACKNOWLEDGE_REFERRAL", ...step },
  { kind: "RESOLVE_ABSENCES", ...step },
];

describe("intent codec", () => {
  it("round-trips every intent, and the table covers every kind", () => {
    for (const intent of EVERY_INTENT) expect(decodeIntent(encodeIntent(intent))).toEqual(intent);
    expect(new Set(EVERY_INTENT.map((i) => i.kind))).toEqual(new Set(INTENT_KINDS));
  });

  it("fits a Slack button value (2,000 characters) even at the schema's longest ids", () => {
    const longest = encodeIntent({
      kind: "RECORD_PARENT_CONTACT",
      learnerId: "x".repeat(100),
      stepKey: "y".repeat(200),
      outcome: "UNREACHABLE",
    });
    expect(longest.length).toBeLessThan(2000);
  });

  it("refuses to encode an intent that breaks the schema", () => {
    expect(() => encodeIntent({ kind: "TAKE_CASE", caseId: "" })).toThrow();
    expect(() => encodeIntent({ kind: "TAKE_CASE", caseId: "x".repeat(101) })).toThrow();
  });

  it.each([
    ["not a string", 42],
    ["undefined", undefined],
    ["not JSON", "take_case_button"],
    ["a bare case id (an old button's value)", CASE_ID],
    ["an unknown kind", JSON.stringify({ kind: "DELETE_CASE", caseId: CASE_ID })],
    ["a missing field", JSON.stringify({ kind: "TAKE_CASE" })],
    ["a forged decision", JSON.stringify({ kind: "OPEN_DECISION", caseId: CASE_ID, decision: "DELETE" })],
    ["a forged outcome", JSON.stringify({ kind: "RECORD_PARENT_CONTACT", ...step, outcome: "EXCUSED_BY_ME" })],
    ["an oversized id", JSON.stringify({ kind: "TAKE_CASE", caseId: "x".repeat(101) })],
    ["an oversized step key", JSON.stringify({ kind: "SHOW_CONTACTS", learnerId: "l", stepKey: "s".repeat(201) })],
    ["an empty id", JSON.stringify({ kind: "TAKE_CASE", caseId: "" })],
    ["an array", JSON.stringify([{ kind: "TAKE_CASE", caseId: CASE_ID }])],
    ["null", "null"],
  ])("rejects %s", (_, value) => {
    expect(decodeIntent(value)).toBeNull();
  });

  it("drops fields that are not part of the intent (nothing rides along unvalidated)", () => {
    const decoded = decodeIntent(JSON.stringify({ kind: "TAKE_CASE", caseId: CASE_ID, staffId: "someone-else" }));
    expect(decoded).toEqual({ kind: "TAKE_CASE", caseId: CASE_ID });
  });
});
