// A Teams form shown again: with its errors, or recomposed after a field changed. A Slack modal keeps itself on
// the client and only needs the errors; an Adaptive Card is replaced whole, so the bot composes the form again
// from what it carried (its id and state) and fills in what the person had entered.

import type { KnownActor } from "../core/actor.js";
import { openDecision } from "../core/case-actions.js";
import { refreshForm } from "../core/conversation/forms.js";
import type { CoreDeps } from "../core/deps.js";
import type { Locale } from "../core/i18n.js";
import { composeDecisionForm, decisionStateSchema } from "../core/messages/composers/forms/decision-form.js";
import {
  CLASS_FIELD,
  composeReportStep1,
  composeReportStep2,
  reportDraftSchema,
} from "../core/messages/composers/forms/report-form.js";
import { composeStepTextForm, stepTextStateSchema } from "../core/messages/composers/forms/step-text-form.js";
import type { Form, FormId, FormItem, FormState, FormValues } from "../core/messages/forms.js";
import { reportableClasses } from "../core/report-risk.js";

/** The form with the submitted values as its initial ones, so nothing typed is lost when it is shown again. */
export function withValues(form: Form, values: FormValues): Form {
  const items = form.items.map((item): FormItem => {
    if (item.kind !== "field") return item;
    const value = values[item.field.id];
    if (value === undefined || value === null || value === "") return item;
    const field = item.field;
    switch (field.kind) {
      case "multiSelect":
      case "checkbox":
        return { kind: "field", field: { ...field, initial: Array.isArray(value) ? value : [value] } };
      case "number": {
        const number = Number(Array.isArray(value) ? value[0] : value);
        return Number.isFinite(number) ? { kind: "field", field: { ...field, initial: number } } : item;
      }
      default:
        return { kind: "field", field: { ...field, initial: Array.isArray(value) ? (value[0] ?? "") : value } };
    }
  });
  return { ...form, items };
}

/** The form `formId` as it stood for this person, or null when it cannot be shown to them (any more). */
export async function formAgain(
  deps: CoreDeps,
  input: { actor: KnownActor; locale: Locale; formId: FormId; state: FormState; values: FormValues },
): Promise<Form | null> {
  const { actor, locale } = input;
  switch (input.formId) {
    case "report_step1": {
      const refreshed = await refreshForm(deps, {
        actor,
        locale,
        formId: "report_step1",
        fieldId: CLASS_FIELD,
        values: input.values,
      });
      if (refreshed) return withValues(refreshed, input.values);
      return composeReportStep1({ locale, classes: await reportableClasses(deps, actor) });
    }
    case "report_step2": {
      const draft = reportDraftSchema.safeParse(input.state);
      return draft.success ? withValues(composeReportStep2({ locale, draft: draft.data }), input.values) : null;
    }
    case "decide": {
      const state = decisionStateSchema.safeParse(input.state);
      if (!state.success) return null;
      const found = await openDecision(deps, { actor, caseId: state.data.caseId, decision: state.data.kind });
      if (found.kind !== "OK") return null;
      const form = composeDecisionForm({
        locale,
        caseId: found.caseId,
        ref: found.ref,
        kind: found.decision,
        suggestedLevel: found.suggestedLevel,
      });
      return withValues(form, input.values);
    }
    case "absence_step": {
      const state = stepTextStateSchema.safeParse(input.state);
      return state.success ? withValues(composeStepTextForm({ locale, ...state.data }), input.values) : null;
    }
  }
}
