import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import {
  FREQUENCY_SCALE,
  RISK_GROUPS,
  risksInGroup,
  riskByCode,
  YES_NO_SCALE,
} from "../../../workflows/domain/risk-catalogue.js";
import { t, type Locale } from "../../core/i18n.js";
import {
  CLASS_BLOCK,
  CLASS_SELECT_ACTION,
  FREQUENCY_ACTION,
  frequencyBlockId,
  LEARNER_BLOCK,
  LEARNER_SELECT_ACTION,
  LOW_ATTAINMENT_ACTION,
  LOW_ATTAINMENT_BLOCK,
  OTHER_ACTION,
  OTHER_BLOCK,
  PARENTS_ACTION,
  PARENTS_BLOCK,
  REPORT_STEP1_CALLBACK,
  REPORT_STEP2_CALLBACK,
  RISK_SELECT_ACTION,
  riskBlockId,
} from "../ids.js";

// The two-step report form. Step 1: learner (class, then code + initials), which risks were observed (the 66 in
// their 4 groups), low grades, "other" and whether parents know. Step 2: how often each chosen risk was observed,
// on the scale the classifier gives it (0–3 or yes/no). Two steps because 66 frequency pickers would exceed
// Slack's 100-block limit for a modal.

/** Slack's 75-character limit for option texts, cut visibly (with "…") rather than mid-word without a mark. */
const fit = (text: string, max = 75) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
const plain = (text: string) => ({ type: "plain_text" as const, text: fit(text), emoji: false });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text), value });

export interface ClassChoice {
  schoolId: string;
  schoolName: string;
  classLabel: string;
}

export const classValue = (c: { schoolId: string; classLabel: string }) => `${c.schoolId}|${c.classLabel}`;
export const parseClassValue = (value: string) => {
  const [schoolId = "", classLabel = ""] = value.split("|");
  return { schoolId, classLabel };
};

export function buildReportStep1(input: {
  locale: Locale;
  classes: ClassChoice[];
  selectedClass?: string | undefined;
  learners?: Array<{ id: string; learnerCode: string; initials: string }>;
}): ModalView {
  const { locale } = input;
  const multipleSchools = new Set(input.classes.map((c) => c.schoolId)).size > 1;
  const classOptions = input.classes
    .slice(0, 100)
    .map((c) => option(multipleSchools ? `${c.schoolName} · ${c.classLabel}` : c.classLabel, classValue(c)));
  const initialClass = classOptions.find((o) => o.value === input.selectedClass);
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: CLASS_BLOCK,
      dispatch_action: true,
      label: plain(t(locale, "report.class")),
      element: {
        type: "static_select",
        action_id: CLASS_SELECT_ACTION,
        options: classOptions,
        ...(initialClass ? { initial_option: initialClass } : {}),
      },
    },
  ];
  if (input.learners?.length) {
    blocks.push({
      type: "input",
      block_id: LEARNER_BLOCK,
      label: plain(t(locale, "report.learner")),
      element: {
        type: "static_select",
        action_id: LEARNER_SELECT_ACTION,
        options: input.learners.slice(0, 100).map((l) => option(`${l.learnerCode} · ${l.initials}`, l.id)),
      },
    });
  } else {
    blocks.push({
      type: "context",
      block_id: LEARNER_BLOCK,
      elements: [{ type: "mrkdwn", text: t(locale, "report.pickClassFirst") }],
    });
  }
  for (const group of RISK_GROUPS) {
    blocks.push({
      type: "input",
      block_id: riskBlockId(group.code),
      optional: true,
      label: plain(t(locale, "report.risks", { group: locale === "lv" ? group.nameLv : group.nameEn })),
      element: {
        type: "multi_static_select",
        action_id: RISK_SELECT_ACTION,
        options: risksInGroup(group.code).map((r) =>
          option(`${r.code} ${locale === "lv" ? r.shortNameLv : r.nameEn}`, r.code),
        ),
      },
    });
  }
  blocks.push(
    {
      type: "input",
      block_id: LOW_ATTAINMENT_BLOCK,
      optional: true,
      label: plain(t(locale, "report.lowAttainment")),
      element: {
        type: "number_input",
        action_id: LOW_ATTAINMENT_ACTION,
        is_decimal_allowed: false,
        min_value: "0",
        max_value: "20",
      },
    },
    {
      type: "input",
      block_id: OTHER_BLOCK,
      optional: true,
      label: plain(t(locale, "report.other")),
      element: { type: "plain_text_input", action_id: OTHER_ACTION, multiline: true, max_length: 500 },
    },
    {
      type: "input",
      block_id: PARENTS_BLOCK,
      label: plain(t(locale, "report.parents")),
      element: {
        type: "radio_buttons",
        action_id: PARENTS_ACTION,
        options: (["YES", "NO", "NOT_YET"] as const).map((v) => option(t(locale, `report.parents.${v}`), v)),
      },
    },
  );
  return {
    type: "modal",
    callback_id: REPORT_STEP1_CALLBACK,
    title: plain(t(locale, "report.title")),
    submit: plain(t(locale, "report.next")),
    close: plain(t(locale, "report.cancel")),
    blocks,
  };
}

/** What step 1 hands to step 2 in private_metadata (codes and choices only; never names). */
export interface ReportDraft {
  learnerId: string;
  riskCodes: string[];
  otherText?: string | undefined;
  lowAttainmentSubjects?: number | undefined;
  parentsInformed: "YES" | "NO" | "NOT_YET";
}

export function buildReportStep2(input: { locale: Locale; draft: ReportDraft }): ModalView {
  const { locale, draft } = input;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: t(locale, "report.frequencyIntro") } },
  ];
  for (const code of draft.riskCodes) {
    const risk = riskByCode(code);
    if (!risk) continue;
    const options =
      risk.answerKind === "yesNo"
        ? YES_NO_SCALE.map((s) => option(locale === "lv" ? s.labelLv : s.labelEn, s.value ? "yes" : "no"))
        : FREQUENCY_SCALE.map((s) =>
            option(`${s.value} — ${locale === "lv" ? s.labelLv : s.labelEn}`, String(s.value)),
          );
    blocks.push({
      type: "input",
      block_id: frequencyBlockId(code),
      label: plain(`${risk.code} ${locale === "lv" ? risk.shortNameLv : risk.nameEn}`),
      // Preselected: "yes" for a yes/no risk, "rarely" for a frequency, since the reporter just said it was observed.
      element: { type: "static_select", action_id: FREQUENCY_ACTION, options, initial_option: options[1]! },
    });
  }
  return {
    type: "modal",
    callback_id: REPORT_STEP2_CALLBACK,
    private_metadata: JSON.stringify(draft),
    title: plain(t(locale, "report.title")),
    submit: plain(t(locale, "report.submit")),
    close: plain(t(locale, "report.cancel")),
    blocks,
  };
}

export function buildReportDone(input: { locale: Locale; ref: string; existingCase: boolean }): ModalView {
  return {
    type: "modal",
    title: plain(t(input.locale, "report.done.title")),
    close: plain("OK"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: t(input.locale, input.existingCase ? "report.done.existing" : "report.done", { ref: input.ref }),
        },
      },
    ],
  };
}
