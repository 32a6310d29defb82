// A submitted or changed form on any surface: read the values, run the use case, answer with errors, the next
// step or the result. Platform-neutral: surfaces pass `{ fieldId: value }` and the state the form carried.

import { completeAbsenceStep } from "../absence-actions.js";
import type { KnownActor } from "../actor.js";
import { decideCase } from "../case-actions.js";
import type { CoreDeps } from "../deps.js";
import { t, type Locale } from "../i18n.js";
import { decisionStateSchema, readDecision } from "../messages/composers/forms/decision-form.js";
import {
  CLASS_FIELD,
  composeReportStep1,
  composeReportStep2,
  parseClassValue,
  readReportStep1,
  readReportStep2,
  reportDraftSchema,
} from "../messages/composers/forms/report-form.js";
import { readStepText, stepTextStateSchema } from "../messages/composers/forms/step-text-form.js";
import {
  FORM_ERROR,
  type Form,
  type FormId,
  type FormReply,
  type FormState,
  type FormValues,
} from "../messages/forms.js";
import { formError, replyToDecision, replyToReport, replyToStepText } from "../messages/replies.js";
import { learnersInClass, reportableClasses, riskReportSubmissionSchema, submitRiskReport } from "../report-risk.js";

export interface FormSubmission {
  actor: KnownActor | null;
  locale: Locale;
  formId: FormId;
  state: FormState;
  values: FormValues;
  /** The surface's id for this submission (Slack's view id): a retried or double submission is one report. */
  submissionId: string;
}

export async function submitForm(deps: CoreDeps, input: FormSubmission): Promise<FormReply> {
  const { actor, locale, values } = input;
  if (!actor) return formError(FORM_ERROR, t(locale, "error.unregistered"));
  switch (input.formId) {
    case "report_step1": {
      const read = readReportStep1(values, locale);
      if (read.kind === "ERRORS") return { kind: "errors", errors: read.errors };
      return { kind: "next", form: composeReportStep2({ locale, draft: read.draft }) };
    }
    case "report_step2": {
      const draft = reportDraftSchema.safeParse(input.state);
      if (!draft.success) return formError(FORM_ERROR, t(locale, "error.generic"));
      const submission = riskReportSubmissionSchema.safeParse(readReportStep2(values, draft.data));
      if (!submission.success) return formError(FORM_ERROR, t(locale, "report.error.noRisk"));
      const outcome = await submitRiskReport(deps, {
        actor,
        submission: submission.data,
        idempotencyKey: input.submissionId,
      });
      return replyToReport(outcome, locale, FORM_ERROR);
    }
    case "decide": {
      const state = decisionStateSchema.safeParse(input.state);
      if (!state.success) return formError(FORM_ERROR, t(locale, "error.generic"));
      const read = readDecision(values, state.data, locale);
      if (read.kind === "ERRORS") return { kind: "errors", errors: read.errors };
      const outcome = await decideCase(deps, { actor, caseId: state.data.caseId, decision: read.decision });
      return replyToDecision(outcome, locale);
    }
    case "absence_step": {
      const state = stepTextStateSchema.safeParse(input.state);
      if (!state.success) return formError(FORM_ERROR, t(locale, "error.generic"));
      const read = readStepText(values, locale);
      if (read.kind === "ERRORS") return { kind: "errors", errors: read.errors };
      const { learnerId, stepKey, kind } = state.data;
      const action =
        kind === "VIIS_ENTERED"
          ? { kind, stepKey, remedialAction: read.text }
          : { kind, stepKey, documentRef: read.text };
      return replyToStepText(await completeAbsenceStep(deps, { actor, learnerId, action }), locale);
    }
  }
}

/**
 * A field that refreshes its form changed (the report's class): the form again, with what depends on it. Null
 * when nothing changes (not registered, or a field that does not refresh).
 */
export async function refreshForm(
  deps: CoreDeps,
  input: { actor: KnownActor | null; locale: Locale; formId: FormId; fieldId: string; values: FormValues },
): Promise<Form | null> {
  const { actor, locale } = input;
  if (!actor || input.formId !== "report_step1" || input.fieldId !== CLASS_FIELD) return null;
  const selected = input.values[CLASS_FIELD];
  if (typeof selected !== "string") return null;
  const [classes, learners] = await Promise.all([
    reportableClasses(deps, actor),
    learnersInClass(deps, actor, parseClassValue(selected)),
  ]);
  return composeReportStep1({ locale, classes, selectedClass: selected, learners });
}
