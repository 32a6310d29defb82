// Every use-case outcome mapped to the reply the person sees, in one place: listeners of any surface call these
// and render the result, so "what do we answer when…" is decided once, not per platform.

import type { AbsenceOutcome } from "../absence-actions.js";
import type { DecideOutcome, TakeOutcome } from "../case-actions.js";
import { t, type Locale } from "../i18n.js";
import type { ReportOutcome } from "../report-risk.js";
import type { Denied } from "../case-actions.js";
import type { CaseDetails } from "../view-case.js";
import { composeContacts, type ContactLine, type ContactsView } from "./composers/absence-contacts.js";
import { composeCaseDetails } from "./composers/case-details.js";
import { composeResult } from "./composers/results.js";
import type { FormErrors, FormReply } from "./forms.js";
import type { Message } from "./model.js";

type Refusal = { kind: "FORBIDDEN" } | { kind: "TRAINING_REQUIRED" } | { kind: "NOT_FOUND" };

/** A refused request: training first (it is what the person can fix), everything else as "not allowed". */
export const replyToRefusal = (refusal: Refusal, locale: Locale): Message =>
  composeResult({ kind: refusal.kind === "TRAINING_REQUIRED" ? "TRAINING_REQUIRED" : "FORBIDDEN" }, locale);

export const replyUnregistered = (locale: Locale): Message => composeResult({ kind: "UNREGISTERED" }, locale);
export const replyGenericError = (locale: Locale): Message => composeResult({ kind: "GENERIC_ERROR" }, locale);
export const replyUnknownCommand = (locale: Locale): Message => composeResult({ kind: "UNKNOWN_COMMAND" }, locale);

/** "Take the case": nothing to say when it worked (the card changes for everyone), a private line otherwise. */
export function replyToTake(outcome: TakeOutcome, locale: Locale): Message | null {
  switch (outcome.kind) {
    case "TAKEN":
      return null;
    case "ALREADY_TAKEN":
      return composeResult({ kind: "ALREADY_TAKEN", ref: outcome.ref, by: outcome.by }, locale);
    case "ALREADY_DECIDED":
      return composeResult({ kind: "ALREADY_DECIDED", ref: outcome.ref }, locale);
    default:
      return replyToRefusal(outcome, locale);
  }
}

/** An absence step done by a button or a form. */
export function replyToAbsence(outcome: AbsenceOutcome, locale: Locale): Message {
  switch (outcome.kind) {
    case "RECORDED":
      return composeResult({ kind: "RECORDED" }, locale);
    case "ALREADY_DONE":
      return composeResult({ kind: "ALREADY_DONE" }, locale);
    case "UNKNOWN_STEP":
      return composeResult({ kind: "UNKNOWN_STEP" }, locale);
    default:
      return replyToRefusal(outcome, locale);
  }
}

export function replyToContacts(
  result:
    | { kind: "OK"; contacts: ContactsView | readonly ContactLine[] }
    | { kind: "FORBIDDEN" }
    | { kind: "TRAINING_REQUIRED" },
  locale: Locale,
): Message {
  return result.kind === "OK" ? composeContacts(result.contacts, locale) : replyToRefusal(result, locale);
}

/** `/pmp case <ref>`: details, or one answer for "unknown" and "not yours" so a reference cannot be probed. */
export function replyToViewCase(
  result: { kind: "OK"; details: CaseDetails } | Denied,
  ref: string,
  locale: Locale,
): Message {
  if (result.kind === "OK") return composeCaseDetails(result.details, locale);
  if (result.kind === "TRAINING_REQUIRED") return composeResult({ kind: "TRAINING_REQUIRED" }, locale);
  return composeResult({ kind: "UNKNOWN_CASE", ref }, locale);
}

const done = (title: string, message: Message, locale: Locale): FormReply => ({
  kind: "done",
  title,
  close: t(locale, "result.ok"),
  message,
});

/** A form-wide problem shown next to one field (forms show errors per field). */
export const formError = (fieldId: string, message: string): FormReply => ({
  kind: "errors",
  errors: { [fieldId]: message } satisfies FormErrors,
});

/** The decision form's answer, replacing the form. */
export function replyToDecision(outcome: DecideOutcome, locale: Locale): FormReply {
  const message =
    outcome.kind === "DECIDED"
      ? composeResult({ kind: "DECIDED", ref: outcome.ref }, locale)
      : outcome.kind === "ALREADY_DECIDED"
        ? composeResult({ kind: "ALREADY_DECIDED", ref: outcome.ref }, locale)
        : replyToRefusal(outcome, locale);
  return done(t(locale, "decide.title"), message, locale);
}

/** The report's last step: the case it went to; a refusal stays in the form. */
export function replyToReport(outcome: ReportOutcome, locale: Locale, errorField: string): FormReply {
  if (outcome.kind === "FORBIDDEN") return formError(errorField, t(locale, "error.forbidden"));
  return done(
    t(locale, "report.done.title"),
    composeResult(
      { kind: "REPORT_REGISTERED", ref: outcome.caseRef, existingCase: !outcome.newCase && !outcome.duplicate },
      locale,
    ),
    locale,
  );
}

/** The absence step's text form answer, replacing the form. */
export function replyToStepText(outcome: AbsenceOutcome, locale: Locale): FormReply {
  return done(t(locale, "result.title"), replyToAbsence(outcome, locale), locale);
}
