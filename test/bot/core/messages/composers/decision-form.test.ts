import { describe, expect, it } from "vitest";
import {
  composeDecisionForm,
  INTENSITY_FIELD,
  LEVEL_FIELD,
  readDecision,
  REASON_FIELD,
  type DecisionState,
} from "../../../../../bot/core/messages/composers/forms/decision-form.js";
import { blockIdFor, fieldActionId } from "../../../../../bot/slack/ids.js";
import { renderSlackModal } from "../../../../../bot/slack/render/modal.js";
import { allText, inputBlock, modalViolations, optionsOf } from "../../../slack/render/slack-limits.js";

const buildDecisionModal = (input: Parameters<typeof composeDecisionForm>[0]) =>
  renderSlackModal(composeDecisionForm(input));
type DecisionMetadata = DecisionState;
const DECIDE_CALLBACK = "pmp_decide";
const INTENSITY_BLOCK = blockIdFor(INTENSITY_FIELD);
const INTENSITY_ACTION = fieldActionId(INTENSITY_FIELD);
const LEVEL_BLOCK = blockIdFor(LEVEL_FIELD);
const LEVEL_ACTION = fieldActionId(LEVEL_FIELD);
const REASON_BLOCK = blockIdFor(REASON_FIELD);
const REASON_ACTION = fieldActionId(REASON_FIELD);

const CASE_ID = "3a7e1c9d-8b2f-4e6a-9c1d-5f0b2a4e6c8d";
const base = { caseId: CASE_ID, ref: "PMP-2025-0007", suggestedLevel: "TARGETED" } as const;

describe("decision modal", () => {
  it("confirm: intensity 1–3 and the support level preset from triage, the case id and kind in private_metadata", () => {
    const view = buildDecisionModal({ ...base, locale: "lv", kind: "CONFIRM" });
    expect(view.callback_id).toBe(DECIDE_CALLBACK);
    expect(view.callback_id).toBe("pmp_decide");
    expect(view.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: "*PMP-2025-0007*" } });
    expect(view.blocks.map((b) => b.block_id)).toEqual([undefined, INTENSITY_BLOCK, LEVEL_BLOCK]);
    expect([INTENSITY_BLOCK, LEVEL_BLOCK, REASON_BLOCK]).toEqual(["intensity_block", "level_block", "reason_block"]);
    const intensity = inputBlock(view.blocks, INTENSITY_BLOCK);
    expect(intensity.element).toMatchObject({ type: "static_select", action_id: INTENSITY_ACTION });
    expect(intensity.element).not.toHaveProperty("initial_option");
    expect(optionsOf(intensity).map((o) => [o.value, o.text.text])).toEqual([
      ["1", "1 — zema"],
      ["2", "2 — vidēja"],
      ["3", "3 — augsta"],
    ]);
    const level = inputBlock(view.blocks, LEVEL_BLOCK);
    expect(level.element).toMatchObject({
      type: "static_select",
      action_id: LEVEL_ACTION,
      initial_option: { value: "TARGETED", text: { text: "mērķtiecīgais" } },
    });
    expect(optionsOf(level).map((o) => o.value)).toEqual(["UNIVERSAL", "TARGETED", "INDICATED"]);
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({
      caseId: CASE_ID,
      kind: "CONFIRM",
    } satisfies DecisionMetadata);
    expect([view.title.text, view.submit?.text, view.close?.text]).toEqual([
      "Lēmums par lietu",
      "Apstiprināt",
      "Atcelt",
    ]);
  });

  it("presets whichever level triage suggested", () => {
    for (const suggestedLevel of ["UNIVERSAL", "TARGETED", "INDICATED"] as const) {
      const view = buildDecisionModal({ ...base, suggestedLevel, locale: "lv", kind: "CONFIRM" });
      expect(inputBlock(view.blocks, LEVEL_BLOCK).element).toMatchObject({ initial_option: { value: suggestedLevel } });
    }
  });

  it("reject: a required free-text reason up to 500 characters, submitted as 'Reject'", () => {
    const view = buildDecisionModal({ ...base, locale: "lv", kind: "REJECT" });
    expect(view.blocks.map((b) => b.block_id)).toEqual([undefined, REASON_BLOCK]);
    const reason = inputBlock(view.blocks, REASON_BLOCK);
    expect(reason.optional).toBeFalsy();
    expect(reason.element).toEqual({
      type: "plain_text_input",
      action_id: REASON_ACTION,
      multiline: true,
      max_length: 500,
    });
    expect(reason.label.text).toBe("Noraidīšanas iemesls (bez vārdiem un personas kodiem)");
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ caseId: CASE_ID, kind: "REJECT" });
    expect(view.submit?.text).toBe("Noraidīt");
  });

  it("is in English when asked", () => {
    const confirm = buildDecisionModal({ ...base, locale: "en", kind: "CONFIRM" });
    expect([confirm.title.text, confirm.submit?.text, confirm.close?.text]).toEqual([
      "Decision on the case",
      "Confirm",
      "Cancel",
    ]);
    expect(inputBlock(confirm.blocks, INTENSITY_BLOCK).label.text).toBe("Risk intensity");
    expect(optionsOf(inputBlock(confirm.blocks, LEVEL_BLOCK)).map((o) => o.text.text)).toEqual([
      "universal",
      "targeted",
      "indicated (crisis intervention)",
    ]);
    const reject = buildDecisionModal({ ...base, locale: "en", kind: "REJECT" });
    expect(reject.submit?.text).toBe("Reject");
    expect(inputBlock(reject.blocks, REASON_BLOCK).label.text).toBe(
      "Reason for rejecting (no names or personal codes)",
    );
  });

  it("stays within Slack's modal limits for every kind, level and language, and carries no learner data", () => {
    for (const locale of ["lv", "en"] as const)
      for (const kind of ["CONFIRM", "REJECT"] as const)
        for (const suggestedLevel of ["UNIVERSAL", "TARGETED", "INDICATED"] as const) {
          const view = buildDecisionModal({ ...base, locale, kind, suggestedLevel });
          expect(modalViolations(view)).toEqual([]);
          expect(allText(view)).not.toMatch(/L-\d{6}|\d{6}-\d{5}/);
        }
  });

  it("reads the decision back: intensity and level for a confirmation, a reason of 3–500 characters for a rejection", () => {
    const confirm: DecisionState = { caseId: CASE_ID, kind: "CONFIRM" };
    expect(readDecision({ [INTENSITY_FIELD]: "2", [LEVEL_FIELD]: "TARGETED" }, confirm, "lv")).toEqual({
      kind: "OK",
      decision: { kind: "CONFIRM", intensity: 2, level: "TARGETED" },
    });
    for (const values of [
      {},
      { [INTENSITY_FIELD]: "4", [LEVEL_FIELD]: "TARGETED" },
      { [INTENSITY_FIELD]: "1", [LEVEL_FIELD]: "NONE" },
    ])
      expect(readDecision(values, confirm, "lv")).toEqual({
        kind: "ERRORS",
        errors: { [INTENSITY_FIELD]: "Izvēlieties riska intensitāti." },
      });
    const reject: DecisionState = { caseId: CASE_ID, kind: "REJECT" };
    expect(readDecision({ [REASON_FIELD]: "  nav pamata  " }, reject, "en")).toEqual({
      kind: "OK",
      decision: { kind: "REJECT", reason: "nav pamata" },
    });
    // Each wrong length is told which way it is wrong: a short answer is not told "at most 500".
    for (const [reason, error] of [
      [null, "Write at least 3 characters."],
      ["ab", "Write at least 3 characters."],
      ["x".repeat(501), "At most 500 characters (now 501)."],
    ] as const)
      expect(readDecision({ [REASON_FIELD]: reason }, reject, "en")).toEqual({
        kind: "ERRORS",
        errors: { [REASON_FIELD]: error },
      });
  });
});
