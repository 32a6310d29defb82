// The line of text an absence step needs before it is done: the remedial action entered in VIIS, or the
// referral document's number.

import { z } from "zod";
import { t, type Locale } from "../../../i18n.js";
import { field, single, type Form, type FormErrors, type FormValues } from "../../forms.js";
import { textLengthError, type TextLimits } from "./text-length.js";

export const STEP_TEXT_FIELD = "absence_text";
const STEP_TEXT_LIMITS: TextLimits = { min: 2, max: 500 };

export const stepTextStateSchema = z.object({
  learnerId: z.string().min(1).max(100),
  stepKey: z.string().min(1).max(200),
  kind: z.enum(["VIIS_ENTERED", "REFERRAL_SENT"]),
});
export type StepTextState = z.infer<typeof stepTextStateSchema>;

export function composeStepTextForm(input: { locale: Locale } & StepTextState): Form {
  const { locale, kind } = input;
  return {
    id: "absence_step",
    title: t(locale, kind === "VIIS_ENTERED" ? "absence.viisDone" : "absence.referralSent"),
    submit: t(locale, "report.submit"),
    cancel: t(locale, "report.cancel"),
    state: { learnerId: input.learnerId, stepKey: input.stepKey, kind } satisfies StepTextState,
    items: [
      field({
        kind: "text",
        id: STEP_TEXT_FIELD,
        label: t(locale, kind === "VIIS_ENTERED" ? "absence.remedial" : "absence.documentRef"),
        multiline: kind === "VIIS_ENTERED",
        maxLength: STEP_TEXT_LIMITS.max,
      }),
    ],
  };
}

export function readStepText(
  values: FormValues,
  locale: Locale,
): { kind: "OK"; text: string } | { kind: "ERRORS"; errors: FormErrors } {
  const text = single(values, STEP_TEXT_FIELD) ?? "";
  const error = textLengthError(text, STEP_TEXT_LIMITS, locale);
  return error === null ? { kind: "OK", text: text.trim() } : { kind: "ERRORS", errors: { [STEP_TEXT_FIELD]: error } };
}
