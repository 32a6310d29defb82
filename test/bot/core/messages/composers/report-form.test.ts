import { describe, expect, it } from "vitest";
import { t } from "../../../../../bot/core/i18n.js";
import {
  CLASS_FIELD,
  classValue,
  composeReportStep1,
  composeReportStep2,
  frequencyField,
  LEARNER_FIELD,
  LOW_ATTAINMENT_FIELD,
  OTHER_FIELD,
  parseClassValue,
  PARENTS_FIELD,
  readReportStep1,
  readReportStep2,
  riskField,
  type ClassChoice,
  type ReportDraft,
} from "../../../../../bot/core/messages/composers/forms/report-form.js";
import { replyToReport } from "../../../../../bot/core/messages/replies.js";
import type { ReportOutcome } from "../../../../../bot/core/report-risk.js";
import { riskReportSubmissionSchema } from "../../../../../bot/core/report-risk.js";
import { blockIdFor, fieldActionId } from "../../../../../bot/slack/ids.js";
import { renderSlackFormReply, renderSlackModal } from "../../../../../bot/slack/render/modal.js";
import {
  FREQUENCY_SCALE,
  RISK_CODES,
  RISK_GROUPS,
  RISKS,
  riskByCode,
  risksInGroup,
  YES_NO_SCALE,
} from "../../../../../workflows/domain/risk-catalogue.js";
import { inputBlock, LIMITS, modalViolations, optionsOf } from "../../../slack/render/slack-limits.js";

// The report form as composed (neutral) and as Slack shows it: the callback and block ids the listeners and
// the e2e tests rely on, the data each field carries, and Slack's limits.

const step1 = (input: Parameters<typeof composeReportStep1>[0]) => renderSlackModal(composeReportStep1(input));
const step2 = (input: Parameters<typeof composeReportStep2>[0]) => renderSlackModal(composeReportStep2(input));
const REPORT_STEP1_CALLBACK = "pmp_report_step1";
const REPORT_STEP2_CALLBACK = "pmp_report_step2";
const CLASS_BLOCK = blockIdFor(CLASS_FIELD);
const CLASS_SELECT_ACTION = fieldActionId(CLASS_FIELD);
const LEARNER_BLOCK = blockIdFor(LEARNER_FIELD);
const LEARNER_SELECT_ACTION = fieldActionId(LEARNER_FIELD);
const riskBlockId = (group: string) => blockIdFor(riskField(group));
const LOW_ATTAINMENT_BLOCK = blockIdFor(LOW_ATTAINMENT_FIELD);
const LOW_ATTAINMENT_ACTION = fieldActionId(LOW_ATTAINMENT_FIELD);
const OTHER_BLOCK = blockIdFor(OTHER_FIELD);
const OTHER_ACTION = fieldActionId(OTHER_FIELD);
const PARENTS_BLOCK = blockIdFor(PARENTS_FIELD);
const PARENTS_ACTION = fieldActionId(PARENTS_FIELD);
const frequencyBlockId = (code: string) => blockIdFor(frequencyField(code));

const SCHOOL_A = "0b7c6a2e-5a43-4d8e-9a0e-111111111111";
const SCHOOL_B = "0b7c6a2e-5a43-4d8e-9a0e-222222222222";
const oneSchool: ClassChoice[] = ["1.a", "1.b", "7.a", "12.b"].map((classLabel) => ({
  schoolId: SCHOOL_A,
  schoolName: "Demo vidusskola",
  classLabel,
}));
const twoSchools: ClassChoice[] = [
  ...oneSchool,
  { schoolId: SCHOOL_B, schoolName: "Demo pamatskola", classLabel: "7.a" },
];
const learners = Array.from({ length: 30 }, (_, i) => ({
  id: `learner-id-${String(i).padStart(3, "0")}`,
  learnerCode: `L-${String(100000 + i)}`,
  initials: `${String.fromCharCode(65 + (i % 26))}.Ž.`,
}));
const LEARNER_ID = "6f1d0b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b";

describe("report step 1", () => {
  const view = step1({ locale: "lv", classes: oneSchool });

  it("is the step-1 modal with the class picker, four risk groups, low grades, other and parents, in that order", () => {
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe(REPORT_STEP1_CALLBACK);
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      CLASS_BLOCK,
      LEARNER_BLOCK,
      ...RISK_GROUPS.map((g) => riskBlockId(g.code)),
      LOW_ATTAINMENT_BLOCK,
      OTHER_BLOCK,
      PARENTS_BLOCK,
    ]);
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      "class_block",
      "learner_block",
      "risks_A_block",
      "risks_B_block",
      "risks_C_block",
      "risks_D_block",
      "low_attainment_block",
      "other_block",
      "parents_block",
    ]);
  });

  it("dispatches the class choice (so the learner list can follow) and asks for a class first", () => {
    const cls = inputBlock(view.blocks, CLASS_BLOCK);
    expect(cls.dispatch_action).toBe(true);
    expect(cls.element).toMatchObject({ type: "static_select", action_id: CLASS_SELECT_ACTION });
    expect(optionsOf(cls).map((o) => o.text.text)).toEqual(["1.a", "1.b", "7.a", "12.b"]);
    expect(optionsOf(cls).map((o) => o.value)).toEqual(oneSchool.map(classValue));
    expect(cls.element).not.toHaveProperty("initial_option");
    const learner = view.blocks.find((b) => b.block_id === LEARNER_BLOCK);
    expect(learner).toEqual({
      type: "section",
      block_id: LEARNER_BLOCK,
      text: { type: "mrkdwn", text: t("lv", "report.pickClassFirst") },
    });
  });

  it("names the school next to the class when the reporter has classes in more than one school", () => {
    const options = optionsOf(inputBlock(step1({ locale: "lv", classes: twoSchools }).blocks, CLASS_BLOCK));
    expect(options.map((o) => o.text.text)).toEqual([
      "Demo vidusskola · 1.a",
      "Demo vidusskola · 1.b",
      "Demo vidusskola · 7.a",
      "Demo vidusskola · 12.b",
      "Demo pamatskola · 7.a",
    ]);
    // The same class label in two schools stays two distinct values.
    expect(new Set(options.map((o) => o.value)).size).toBe(5);
  });

  it("round-trips class values through parseClassValue", () => {
    for (const c of twoSchools)
      expect(parseClassValue(classValue(c))).toEqual({ schoolId: c.schoolId, classLabel: c.classLabel });
    expect(parseClassValue("")).toEqual({ schoolId: "", classLabel: "" });
  });

  it("lists the learners of the chosen class by code and initials only, with their id as the value", () => {
    const chosen = classValue(oneSchool[2]!);
    const withLearners = step1({ locale: "lv", classes: oneSchool, selectedClass: chosen, learners });
    const cls = inputBlock(withLearners.blocks, CLASS_BLOCK);
    expect(cls.element).toMatchObject({ initial_option: { value: chosen, text: { text: "7.a" } } });
    const learner = inputBlock(withLearners.blocks, LEARNER_BLOCK);
    expect(learner.element).toMatchObject({ type: "static_select", action_id: LEARNER_SELECT_ACTION });
    expect(learner.label.text).toBe(t("lv", "report.learner"));
    const options = optionsOf(learner);
    expect(options).toHaveLength(learners.length);
    options.forEach((o, i) => {
      expect(o.text.text).toBe(`${learners[i]!.learnerCode} · ${learners[i]!.initials}`);
      expect(o.value).toBe(learners[i]!.id);
    });
    expect(modalViolations(withLearners)).toEqual([]);
  });

  it("ignores a selected class that is not among the options", () => {
    const cls = inputBlock(
      step1({ locale: "lv", classes: oneSchool, selectedClass: `${SCHOOL_B}|9.c` }).blocks,
      CLASS_BLOCK,
    );
    expect(cls.element).not.toHaveProperty("initial_option");
  });

  it("lists all 66 risks across the 4 group selects, in catalogue order, with their codes as values", () => {
    const groups = RISK_GROUPS.map((g) => inputBlock(view.blocks, riskBlockId(g.code)));
    expect(groups).toHaveLength(4);
    for (const [i, block] of groups.entries()) {
      const group = RISK_GROUPS[i]!;
      expect(block.optional).toBe(true);
      expect(block.element).toMatchObject({
        type: "multi_static_select",
        action_id: fieldActionId(riskField(group.code)),
      });
      expect(block.label.text).toBe(t("lv", "report.risks", { group: group.nameLv }));
      expect(optionsOf(block).map((o) => o.value)).toEqual(risksInGroup(group.code).map((r) => r.code));
      for (const o of optionsOf(block)) expect(o.text.text.startsWith(`${o.value} `)).toBe(true);
    }
    const values = groups.flatMap((b) => optionsOf(b).map((o) => o.value));
    expect(values).toHaveLength(66);
    expect(values).toEqual([...RISK_CODES]);
  });

  it("labels risks with the Latvian short name, or the English name in English", () => {
    const en = step1({ locale: "en", classes: oneSchool });
    const text = (v: typeof view, code: string) =>
      RISK_GROUPS.flatMap((g) => optionsOf(inputBlock(v.blocks, riskBlockId(g.code)))).find((o) => o.value === code)
        ?.text.text;
    for (const risk of RISKS) {
      const lv = `${risk.code} ${risk.shortNameLv}`;
      expect(text(view, risk.code)).toEqual(lv.length <= LIMITS.optionText ? lv : expect.stringMatching(/…$/));
      expect(text(en, risk.code)).toBe(`${risk.code} ${risk.nameEn}`);
    }
  });

  it("shortens a risk name that would not fit an option (75 chars) with an ellipsis, keeping the code", () => {
    const long = RISKS.filter((r) => `${r.code} ${r.shortNameLv}`.length > LIMITS.optionText);
    expect(long.length).toBeGreaterThan(0); // A16 and D55 in the catalogue as it stands
    const options = RISK_GROUPS.flatMap((g) => optionsOf(inputBlock(view.blocks, riskBlockId(g.code))));
    for (const risk of long) {
      const text = options.find((o) => o.value === risk.code)!.text.text;
      expect(text.length).toBeLessThanOrEqual(LIMITS.optionText);
      expect(text).toMatch(new RegExp(`^${risk.code} `));
      expect(text.endsWith("…")).toBe(true);
      expect(`${risk.code} ${risk.shortNameLv}`.startsWith(text.slice(0, -1).trimEnd())).toBe(true);
    }
  });

  it("bounds low grades to 0–20, limits 'other' to 500 chars and offers the three parent answers", () => {
    expect(inputBlock(view.blocks, LOW_ATTAINMENT_BLOCK)).toMatchObject({
      optional: true,
      element: {
        type: "number_input",
        action_id: LOW_ATTAINMENT_ACTION,
        is_decimal_allowed: false,
        min_value: "0",
        max_value: "20",
      },
    });
    expect(inputBlock(view.blocks, OTHER_BLOCK)).toMatchObject({
      optional: true,
      element: { type: "plain_text_input", action_id: OTHER_ACTION, multiline: true, max_length: 500 },
    });
    const parents = inputBlock(view.blocks, PARENTS_BLOCK);
    expect(parents.optional).toBeFalsy();
    expect(parents.element).toMatchObject({ type: "radio_buttons", action_id: PARENTS_ACTION });
    expect(optionsOf(parents).map((o) => [o.value, o.text.text])).toEqual([
      ["YES", "Jā"],
      ["NO", "Nē"],
      ["NOT_YET", "Vēl nē, informēšu"],
    ]);
  });

  it("is in Latvian by default and in English when asked", () => {
    expect(view.title.text).toBe("Ziņot par PMP risku");
    expect(view.submit?.text).toBe("Tālāk");
    expect(view.close?.text).toBe("Atcelt");
    expect(inputBlock(view.blocks, CLASS_BLOCK).label.text).toBe("Klase");
    const en = step1({ locale: "en", classes: oneSchool });
    expect(en.title.text).toBe("Report a PMP risk");
    expect(en.submit?.text).toBe("Next");
    expect(en.close?.text).toBe("Cancel");
    expect(inputBlock(en.blocks, CLASS_BLOCK).label.text).toBe("Class");
    expect(inputBlock(en.blocks, riskBlockId("D")).label.text).toBe("Family-related risks: risks observed");
    expect(optionsOf(inputBlock(en.blocks, PARENTS_BLOCK)).map((o) => o.text.text)).toEqual([
      "Yes",
      "No",
      "Not yet, I will",
    ]);
  });

  it("stays within Slack's limits in both languages, also with 150 classes and 150 learners (capped at 100 options)", () => {
    const manyClasses: ClassChoice[] = Array.from({ length: 150 }, (_, i) => ({
      schoolId: i % 2 ? SCHOOL_A : SCHOOL_B,
      schoolName: "Ļoti gara skolas nosaukuma daļa ".repeat(3),
      classLabel: `${(i % 12) + 1}.${i}`,
    }));
    const manyLearners = Array.from({ length: 150 }, (_, i) => ({
      id: `id-${i}`,
      learnerCode: `L-${200000 + i}`,
      initials: "A.B.",
    }));
    for (const locale of ["lv", "en"] as const) {
      const big = step1({
        locale,
        classes: manyClasses,
        selectedClass: classValue(manyClasses[3]!),
        learners: manyLearners,
      });
      expect(modalViolations(big)).toEqual([]);
      expect(modalViolations(step1({ locale, classes: oneSchool }))).toEqual([]);
      expect(optionsOf(inputBlock(big.blocks, CLASS_BLOCK))).toHaveLength(LIMITS.selectOptions);
      expect(optionsOf(inputBlock(big.blocks, LEARNER_BLOCK))).toHaveLength(LIMITS.selectOptions);
    }
  });
});

describe("report step 2", () => {
  const draft: ReportDraft = {
    learnerId: LEARNER_ID,
    riskCodes: ["A02", "B19", "D58"],
    parentsInformed: "NOT_YET",
    lowAttainmentSubjects: 3,
    otherText: "Bieži kavē pirmdienās",
  };

  it("is the step-2 modal with one frequency picker per chosen risk, in the draft's order", () => {
    const view = step2({ locale: "lv", draft });
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe(REPORT_STEP2_CALLBACK);
    expect(view.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: t("lv", "report.frequencyIntro") },
    });
    expect(view.blocks.slice(1).map((b) => b.block_id)).toEqual(["freq_A02_block", "freq_B19_block", "freq_D58_block"]);
    for (const code of draft.riskCodes) {
      const block = inputBlock(view.blocks, frequencyBlockId(code));
      expect(block.element).toMatchObject({ type: "static_select", action_id: fieldActionId(frequencyField(code)) });
      expect(block.label.text).toBe(`${code} ${riskByCode(code)!.shortNameLv}`);
    }
  });

  it("shows each risk on its scale from the catalogue: 0–3 frequency (preset 'rarely') or yes/no (preset 'yes')", () => {
    const all: ReportDraft = { learnerId: LEARNER_ID, riskCodes: [...RISK_CODES], parentsInformed: "YES" };
    for (const locale of ["lv", "en"] as const) {
      const view = step2({ locale, draft: all });
      for (const risk of RISKS) {
        const block = inputBlock(view.blocks, frequencyBlockId(risk.code));
        const options = optionsOf(block);
        if (risk.answerKind === "yesNo") {
          expect(options.map((o) => o.value)).toEqual(["no", "yes"]);
          expect(options.map((o) => o.text.text)).toEqual(
            YES_NO_SCALE.map((s) => (locale === "en" ? s.labelEn : s.labelLv)),
          );
          expect(block.element).toMatchObject({ initial_option: { value: "yes" } });
        } else {
          expect(options.map((o) => o.value)).toEqual(["0", "1", "2", "3"]);
          expect(options.map((o) => o.text.text)).toEqual(
            FREQUENCY_SCALE.map((s) => `${s.value} — ${locale === "en" ? s.labelEn : s.labelLv}`),
          );
          expect(block.element).toMatchObject({ initial_option: { value: "1" } });
        }
      }
    }
    // Both kinds are in the catalogue, so both branches above ran.
    expect(new Set(RISKS.map((r) => r.answerKind))).toEqual(new Set(["frequency", "yesNo"]));
  });

  it("skips codes that are not in the catalogue (a tampered or stale draft)", () => {
    const view = step2({ locale: "lv", draft: { ...draft, riskCodes: ["A02", "Z99", "A00"] } });
    expect(view.blocks.slice(1).map((b) => b.block_id)).toEqual([frequencyBlockId("A02")]);
  });

  it("carries the draft in private_metadata and gets it back unchanged", () => {
    const view = step2({ locale: "lv", draft });
    expect(JSON.parse(view.private_metadata ?? "")).toEqual(draft);
    const minimal: ReportDraft = {
      learnerId: LEARNER_ID,
      riskCodes: [],
      otherText: "tikai cits",
      parentsInformed: "NO",
    };
    expect(JSON.parse(step2({ locale: "en", draft: minimal }).private_metadata ?? "")).toEqual(minimal);
  });

  it("stays within Slack's limits with all 66 risks and a 500-char 'other' text, even one full of characters JSON escapes", () => {
    const texts = ["ā".repeat(500), `"\\\n`.repeat(167).slice(0, 500), "Ģimene 👪 ".repeat(50).slice(0, 500)];
    for (const otherText of texts) {
      const worst: ReportDraft = {
        learnerId: LEARNER_ID,
        riskCodes: [...RISK_CODES],
        otherText,
        lowAttainmentSubjects: 20,
        parentsInformed: "NOT_YET",
      };
      for (const locale of ["lv", "en"] as const) {
        const view = step2({ locale, draft: worst });
        expect(view.blocks).toHaveLength(67);
        expect(modalViolations(view)).toEqual([]);
        expect((view.private_metadata ?? "").length).toBeLessThanOrEqual(LIMITS.privateMetadata);
        expect(JSON.parse(view.private_metadata ?? "")).toEqual(worst);
      }
    }
  });

  it("is in Latvian by default and in English when asked", () => {
    const lv = step2({ locale: "lv", draft });
    expect([lv.title.text, lv.submit?.text, lv.close?.text]).toEqual(["Ziņot par PMP risku", "Iesniegt", "Atcelt"]);
    const en = step2({ locale: "en", draft });
    expect([en.title.text, en.submit?.text, en.close?.text]).toEqual(["Report a PMP risk", "Submit", "Cancel"]);
    expect(inputBlock(en.blocks, frequencyBlockId("A02")).label.text).toBe(`A02 ${riskByCode("A02")!.nameEn}`);
    expect(en.blocks[0]).toMatchObject({ text: { text: "Say how often each risk has been observed." } });
  });
});

describe("report done", () => {
  const registered = (ref: string, newCase: boolean): ReportOutcome =>
    ({
      kind: "REGISTERED",
      caseId: "c",
      caseRef: ref,
      newCase,
      duplicate: false,
      triage: {},
    }) as unknown as ReportOutcome;
  const done = (outcome: ReportOutcome, locale: "lv" | "en") => {
    const reply = renderSlackFormReply(replyToReport(outcome, locale, "x"));
    if (!("view" in reply)) throw new Error("expected a view");
    return reply.view;
  };

  it("thanks the reporter with the case reference, new or existing, in either language, and has only a close button", () => {
    const lv = done(registered("PMP-2025-0042", true), "lv");
    expect(lv.title.text).toBe("Paldies!");
    expect(lv.submit).toBeUndefined();
    expect(lv.close?.text).toBe("Labi");
    expect(lv.blocks).toEqual([
      {
        type: "section",
        text: { type: "mrkdwn", text: "Ziņojums reģistrēts lietā *PMP-2025-0042*. Atbalsta komanda to izskatīs." },
      },
    ]);
    const en = done(registered("PMP-2025-0042", false), "en");
    expect(en.title.text).toBe("Thank you!");
    expect(en.close?.text).toBe("OK");
    expect(en.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "Report added to the existing case *PMP-2025-0042*." } },
    ]);
    expect(modalViolations(lv)).toEqual([]);
    expect(modalViolations(en)).toEqual([]);
  });

  it("keeps a refusal in the form, next to the field it is given", () => {
    expect(replyToReport({ kind: "FORBIDDEN" }, "lv", "freq_A02")).toEqual({
      kind: "errors",
      errors: { freq_A02: t("lv", "error.forbidden") },
    });
  });
});

describe("reading the submitted values", () => {
  const filled = {
    [LEARNER_FIELD]: LEARNER_ID,
    [riskField("A")]: ["A02", "A07"],
    [riskField("D")]: ["D50"],
    [LOW_ATTAINMENT_FIELD]: "3",
    [OTHER_FIELD]: "  Bieži kavē pirmdienās  ",
    [PARENTS_FIELD]: "YES",
  };

  it("step 1 → the draft: the learner, the risks in group order, the count, the trimmed text, the parents' answer", () => {
    expect(readReportStep1(filled, "lv")).toEqual({
      kind: "OK",
      draft: {
        learnerId: LEARNER_ID,
        riskCodes: ["A02", "A07", "D50"],
        lowAttainmentSubjects: 3,
        otherText: "Bieži kavē pirmdienās",
        parentsInformed: "YES",
      },
    });
    const minimal = readReportStep1(
      { [LEARNER_FIELD]: LEARNER_ID, [OTHER_FIELD]: "cits", [PARENTS_FIELD]: "NO" },
      "en",
    );
    expect(minimal).toEqual({
      kind: "OK",
      draft: { learnerId: LEARNER_ID, riskCodes: [], otherText: "cits", parentsInformed: "NO" },
    });
  });

  it("step 1 → errors next to the fields: no learner (next to the class before one is chosen), no risk, bad numbers", () => {
    expect(readReportStep1({ ...filled, [LEARNER_FIELD]: null }, "lv")).toEqual({
      kind: "ERRORS",
      errors: { [LEARNER_FIELD]: t("lv", "report.error.learner") },
    });
    const { [LEARNER_FIELD]: _, ...noPicker } = filled;
    expect(readReportStep1(noPicker, "lv")).toMatchObject({
      errors: { [CLASS_FIELD]: t("lv", "report.error.learner") },
    });
    expect(
      readReportStep1({ ...filled, [riskField("A")]: [], [riskField("D")]: [], [OTHER_FIELD]: " " }, "en"),
    ).toEqual({ kind: "ERRORS", errors: { [riskField("A")]: t("en", "report.error.noRisk") } });
    for (const count of ["21", "-1", "2.5", "abc"])
      expect(readReportStep1({ ...filled, [LOW_ATTAINMENT_FIELD]: count }, "lv")).toEqual({
        kind: "ERRORS",
        errors: { [LOW_ATTAINMENT_FIELD]: t("lv", "report.error.lowAttainment") },
      });
    expect(readReportStep1({ ...filled, [OTHER_FIELD]: "x".repeat(501) }, "lv")).toMatchObject({
      errors: { [OTHER_FIELD]: "Ne vairāk kā 500 rakstzīmes (tagad 501)." },
    });
  });

  it("step 2 → a submission the report use case accepts: frequencies as numbers, yes/no as present", () => {
    const yesNo = RISKS.find((r) => r.answerKind === "yesNo")!.code;
    const draft: ReportDraft = { learnerId: LEARNER_ID, riskCodes: ["A02", yesNo], parentsInformed: "NOT_YET" };
    const submission = readReportStep2({ [frequencyField("A02")]: "2", [frequencyField(yesNo)]: "yes" }, draft);
    expect(submission).toEqual({
      ...draft,
      answers: [
        { code: "A02", frequency: 2 },
        { code: yesNo, present: true },
      ],
    });
    expect(riskReportSubmissionSchema.safeParse(submission).success).toBe(true);
  });
});
