// The two-step report form. Step 1: the learner (class, then code + initials), which risks were observed (the
// 66 in their 4 groups), low grades, "other" and whether parents know. Step 2: how often each chosen risk was
// observed, on the scale the classifier gives it (0–3 or yes/no). Two steps because 66 frequency pickers in one
// form would be unusable (and exceed Slack's 100 blocks per modal).

import { z } from "zod";
import {
  FREQUENCY_SCALE,
  RISK_GROUPS,
  riskByCode,
  risksInGroup,
  YES_NO_SCALE,
  type Risk,
} from "../../../../../workflows/domain/risk-catalogue.js";
import { localName, t, type Locale } from "../../../i18n.js";
import {
  field,
  many,
  note,
  single,
  type FieldOption,
  type Form,
  type FormErrors,
  type FormValues,
} from "../../forms.js";
import { plain } from "../../spans.js";
import { textLengthError } from "./text-length.js";

export interface ClassChoice {
  schoolId: string;
  schoolName: string;
  classLabel: string;
}

export const CLASS_FIELD = "class";
export const LEARNER_FIELD = "learner";
export const riskField = (group: string) => `risks_${group}`;
export const LOW_ATTAINMENT_FIELD = "low_attainment";
export const OTHER_FIELD = "other";
export const PARENTS_FIELD = "parents";
export const frequencyField = (code: string) => `freq_${code}`;

/** A class as one select value: the school and the label. */
export const classValue = (c: { schoolId: string; classLabel: string }) => `${c.schoolId}|${c.classLabel}`;
export const parseClassValue = (value: string) => {
  const [schoolId = "", classLabel = ""] = value.split("|");
  return { schoolId, classLabel };
};

/** A risk as a person reads it: its code and the short Latvian name (teachers' wording) or the English name. */
export const riskLabel = (risk: Risk, locale: Locale) =>
  `${risk.code} ${localName({ nameLv: risk.shortNameLv, nameEn: risk.nameEn }, locale)}`;

const MAX_OPTIONS = 100;

export function composeReportStep1(input: {
  locale: Locale;
  classes: ClassChoice[];
  selectedClass?: string | undefined;
  learners?: Array<{ id: string; learnerCode: string; initials: string }>;
}): Form {
  const { locale } = input;
  const multipleSchools = new Set(input.classes.map((c) => c.schoolId)).size > 1;
  const classOptions: FieldOption[] = input.classes.slice(0, MAX_OPTIONS).map((c) => ({
    label: multipleSchools ? `${c.schoolName} · ${c.classLabel}` : c.classLabel,
    value: classValue(c),
  }));
  const selected = classOptions.find((o) => o.value === input.selectedClass)?.value;
  return {
    id: "report_step1",
    title: t(locale, "report.title"),
    submit: t(locale, "report.next"),
    cancel: t(locale, "report.cancel"),
    step: { index: 1, count: 2 },
    state: {},
    items: [
      field({
        kind: "select",
        id: CLASS_FIELD,
        label: t(locale, "report.class"),
        options: classOptions,
        refreshOnChange: true,
        ...(selected ? { initial: selected } : {}),
      }),
      input.learners?.length
        ? field({
            kind: "select",
            id: LEARNER_FIELD,
            label: t(locale, "report.learner"),
            options: input.learners
              .slice(0, MAX_OPTIONS)
              .map((l) => ({ label: `${l.learnerCode} · ${l.initials}`, value: l.id })),
          })
        : note([plain(t(locale, "report.pickClassFirst"))], LEARNER_FIELD),
      ...RISK_GROUPS.map((group) =>
        field({
          kind: "multiSelect",
          id: riskField(group.code),
          optional: true,
          label: t(locale, "report.risks", { group: localName(group, locale) }),
          options: risksInGroup(group.code).map((r) => ({ label: riskLabel(r, locale), value: r.code })),
        }),
      ),
      field({
        kind: "number",
        id: LOW_ATTAINMENT_FIELD,
        optional: true,
        integer: true,
        min: 0,
        max: 20,
        label: t(locale, "report.lowAttainment"),
      }),
      field({
        kind: "text",
        id: OTHER_FIELD,
        optional: true,
        multiline: true,
        maxLength: 500,
        label: t(locale, "report.other"),
      }),
      field({
        kind: "radio",
        id: PARENTS_FIELD,
        label: t(locale, "report.parents"),
        options: (["YES", "NO", "NOT_YET"] as const).map((v) => ({
          label: t(locale, `report.parents.${v}`),
          value: v,
        })),
      }),
    ],
  };
}

/** What step 1 hands to step 2 (codes and choices only; never names), validated when it comes back. */
export const reportDraftSchema = z.object({
  learnerId: z.string().min(1).max(100),
  riskCodes: z.array(z.string().max(10)).max(66),
  otherText: z.string().max(500).optional(),
  lowAttainmentSubjects: z.number().optional(),
  parentsInformed: z.enum(["YES", "NO", "NOT_YET"]),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/** Step 1's values as a draft, or the errors to show next to the fields. */
export function readReportStep1(
  values: FormValues,
  locale: Locale,
): { kind: "OK"; draft: ReportDraft } | { kind: "ERRORS"; errors: FormErrors } {
  const rawCount = single(values, LOW_ATTAINMENT_FIELD);
  const otherText = single(values, OTHER_FIELD)?.trim() || undefined;
  const draft: ReportDraft = {
    learnerId: single(values, LEARNER_FIELD) ?? "",
    riskCodes: RISK_GROUPS.flatMap((g) => many(values, riskField(g.code))),
    ...(otherText ? { otherText } : {}),
    ...(rawCount === null ? {} : { lowAttainmentSubjects: Number(rawCount) }),
    parentsInformed: (single(values, PARENTS_FIELD) ?? "NOT_YET") as ReportDraft["parentsInformed"],
  };
  const errors: FormErrors = {};
  // Before a class is chosen the learner picker is not in the form: the error goes next to the class.
  if (!draft.learnerId)
    errors[LEARNER_FIELD in values ? LEARNER_FIELD : CLASS_FIELD] = t(locale, "report.error.learner");
  if (draft.riskCodes.length === 0 && !draft.otherText) errors[riskField("A")] = t(locale, "report.error.noRisk");
  const otherError = draft.otherText ? textLengthError(draft.otherText, { min: 1, max: 500 }, locale) : null;
  if (otherError) errors[OTHER_FIELD] = otherError;
  const count = draft.lowAttainmentSubjects;
  if (count !== undefined && !(Number.isInteger(count) && count >= 0 && count <= 20))
    errors[LOW_ATTAINMENT_FIELD] = t(locale, "report.error.lowAttainment");
  if (!["YES", "NO", "NOT_YET"].includes(draft.parentsInformed)) errors[PARENTS_FIELD] = t(locale, "report.parents");
  return Object.keys(errors).length ? { kind: "ERRORS", errors } : { kind: "OK", draft };
}

export function composeReportStep2(input: { locale: Locale; draft: ReportDraft }): Form {
  const { locale, draft } = input;
  const frequencies = draft.riskCodes.flatMap((code) => {
    const risk = riskByCode(code);
    if (!risk) return [];
    const options: FieldOption[] =
      risk.answerKind === "yesNo"
        ? YES_NO_SCALE.map((s) => ({
            label: localName({ nameLv: s.labelLv, nameEn: s.labelEn }, locale),
            value: s.value ? "yes" : "no",
          }))
        : FREQUENCY_SCALE.map((s) => ({
            label: `${s.value} — ${localName({ nameLv: s.labelLv, nameEn: s.labelEn }, locale)}`,
            value: String(s.value),
          }));
    // Preselected: "yes" for a yes/no risk, "rarely" for a frequency, since the reporter just said it was observed.
    return [
      field({
        kind: "select",
        id: frequencyField(code),
        label: riskLabel(risk, locale),
        options,
        initial: options[1]!.value,
      }),
    ];
  });
  return {
    id: "report_step2",
    title: t(locale, "report.title"),
    submit: t(locale, "report.submit"),
    cancel: t(locale, "report.cancel"),
    step: { index: 2, count: 2 },
    state: draft,
    items: [note([plain(t(locale, "report.frequencyIntro"))]), ...frequencies],
  };
}

/** Step 2's answers with the draft, as the report use case's submission (validated there, once). */
export function readReportStep2(values: FormValues, draft: ReportDraft): unknown {
  const answers = draft.riskCodes.map((code) => {
    const value = single(values, frequencyField(code));
    return riskByCode(code)?.answerKind === "yesNo"
      ? { code, present: value === "yes" }
      : { code, frequency: Number(value) };
  });
  return { ...draft, answers };
}
