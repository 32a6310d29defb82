// The case manager's decision: confirm (intensity and level, the level preset from triage) or reject (reason).

import { z } from "zod";
import { PREVENTION_LEVELS, type PreventionLevel } from "../../../../../workflows/domain/triage.js";
import { t, type Locale } from "../../../i18n.js";
import { field, note, single, type Form, type FormErrors, type FormItem, type FormValues } from "../../forms.js";
import { caseRef } from "../../spans.js";
import { textLengthError, type TextLimits } from "./text-length.js";

export const INTENSITY_FIELD = "intensity";
export const LEVEL_FIELD = "level";
export const REASON_FIELD = "reason";

export const decisionStateSchema = z.object({
  caseId: z.string().min(1).max(100),
  kind: z.enum(["CONFIRM", "REJECT"]),
});
export type DecisionState = z.infer<typeof decisionStateSchema>;

export function composeDecisionForm(input: {
  locale: Locale;
  caseId: string;
  ref: string;
  kind: "CONFIRM" | "REJECT";
  suggestedLevel: PreventionLevel;
}): Form {
  const { locale } = input;
  const fields: FormItem[] =
    input.kind === "CONFIRM"
      ? [
          field({
            kind: "select",
            id: INTENSITY_FIELD,
            label: t(locale, "decide.intensity"),
            options: ([1, 2, 3] as const).map((i) => ({ label: t(locale, `decide.intensity.${i}`), value: String(i) })),
          }),
          field({
            kind: "select",
            id: LEVEL_FIELD,
            label: t(locale, "decide.level"),
            options: PREVENTION_LEVELS.map((l) => ({ label: t(locale, `level.${l}`), value: l })),
            initial: input.suggestedLevel,
          }),
        ]
      : [
          field({
            kind: "text",
            id: REASON_FIELD,
            label: t(locale, "decide.reason"),
            multiline: true,
            maxLength: REASON_LIMITS.max,
          }),
        ];
  return {
    id: "decide",
    title: t(locale, "decide.title"),
    submit: t(locale, input.kind === "CONFIRM" ? "case.confirm" : "case.reject"),
    cancel: t(locale, "report.cancel"),
    state: { caseId: input.caseId, kind: input.kind } satisfies DecisionState,
    items: [note([caseRef(input.ref)]), ...fields],
  };
}

const REASON_LIMITS: TextLimits = { min: 3, max: 500 };

const decisionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("CONFIRM"),
    intensity: z.coerce.number().pipe(z.literal([1, 2, 3])),
    level: z.enum(PREVENTION_LEVELS),
  }),
  z.object({ kind: z.literal("REJECT"), reason: z.string().trim().min(REASON_LIMITS.min).max(REASON_LIMITS.max) }),
]);
export type DecisionInput = z.infer<typeof decisionSchema>;

/** The submitted decision, or the field to point at. */
export function readDecision(
  values: FormValues,
  state: DecisionState,
  locale: Locale,
): { kind: "OK"; decision: DecisionInput } | { kind: "ERRORS"; errors: FormErrors } {
  const parsed = decisionSchema.safeParse({
    kind: state.kind,
    intensity: single(values, INTENSITY_FIELD) ?? undefined,
    level: single(values, LEVEL_FIELD) ?? undefined,
    reason: single(values, REASON_FIELD) ?? "",
  });
  if (parsed.success) return { kind: "OK", decision: parsed.data };
  return {
    kind: "ERRORS",
    errors:
      state.kind === "CONFIRM"
        ? { [INTENSITY_FIELD]: t(locale, "decide.error.intensity") }
        : {
            [REASON_FIELD]:
              textLengthError(single(values, REASON_FIELD) ?? "", REASON_LIMITS, locale) ?? t(locale, "decide.reason"),
          },
  };
}

/** The field a form-wide error (unregistered, generic) is shown next to. */
export const decisionErrorField = (state: Pick<DecisionState, "kind">) =>
  state.kind === "CONFIRM" ? INTENSITY_FIELD : REASON_FIELD;
