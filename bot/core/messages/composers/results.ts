// Short answers to one person: what happened to their click, command or form. Never personal data.

import { t, type Locale } from "../../i18n.js";
import type { Message } from "../model.js";
import { caseRef, code, plain, textMessage, tSpans } from "../spans.js";

export type Result =
  | { kind: "RECORDED" }
  | { kind: "ALREADY_DONE" }
  | { kind: "UNKNOWN_STEP" }
  | { kind: "FORBIDDEN" }
  | { kind: "TRAINING_REQUIRED" }
  | { kind: "UNREGISTERED" }
  | { kind: "GENERIC_ERROR" }
  | { kind: "UNKNOWN_COMMAND" }
  | { kind: "UNKNOWN_CASE"; ref: string }
  | { kind: "ALREADY_TAKEN"; ref: string; by: string }
  | { kind: "ALREADY_DECIDED"; ref: string }
  | { kind: "DECIDED"; ref: string }
  | { kind: "REPORT_REGISTERED"; ref: string; existingCase: boolean };

export type ResultKind = Result["kind"];

export function composeResult(result: Result, locale: Locale): Message {
  const simple = (text: string) => textMessage([plain(text)]);
  switch (result.kind) {
    case "RECORDED":
      return simple(t(locale, "absence.recorded"));
    case "ALREADY_DONE":
      return simple(t(locale, "absence.alreadyDone"));
    case "UNKNOWN_STEP":
      return simple(t(locale, "absence.unknownStep"));
    case "FORBIDDEN":
      return simple(t(locale, "error.forbidden"));
    case "TRAINING_REQUIRED":
      return simple(t(locale, "error.training"));
    case "UNREGISTERED":
      return simple(t(locale, "error.unregistered"));
    case "GENERIC_ERROR":
      return simple(t(locale, "error.generic"));
    case "UNKNOWN_COMMAND":
      return textMessage(tSpans(locale, "error.unknownCommand", { command: code("/pmp help") }));
    case "UNKNOWN_CASE":
      // The reference as typed: it may not be one of ours, so it is not shown as a case reference.
      return simple(t(locale, "error.unknownCase", { ref: result.ref }));
    case "ALREADY_TAKEN":
      return textMessage(tSpans(locale, "case.alreadyTaken", { ref: caseRef(result.ref), name: result.by }));
    case "ALREADY_DECIDED":
      return textMessage(tSpans(locale, "decide.already", { ref: caseRef(result.ref) }));
    case "DECIDED":
      return textMessage(tSpans(locale, "decide.done", { ref: caseRef(result.ref) }));
    case "REPORT_REGISTERED":
      return textMessage(
        tSpans(locale, result.existingCase ? "report.done.existing" : "report.done", { ref: caseRef(result.ref) }),
      );
  }
}
