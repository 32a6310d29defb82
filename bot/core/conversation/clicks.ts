// A button click on any surface: the decoded intent, run by its use case, answered with a private message, a
// form to open, or nothing (the change shows in the message itself, e.g. the case card names its manager).

import { absenceContacts, completeAbsenceStep, type StepActionInput } from "../absence-actions.js";
import type { KnownActor } from "../actor.js";
import { openDecision, takeCase } from "../case-actions.js";
import type { CoreDeps } from "../deps.js";
import type { Locale } from "../i18n.js";
import { composeDecisionForm } from "../messages/composers/forms/decision-form.js";
import { composeStepTextForm } from "../messages/composers/forms/step-text-form.js";
import type { Form } from "../messages/forms.js";
import type { Intent } from "../messages/intents.js";
import type { Message } from "../messages/model.js";
import {
  replyGenericError,
  replyToAbsence,
  replyToContacts,
  replyToRefusal,
  replyToTake,
  replyUnregistered,
} from "../messages/replies.js";

export type ClickOutcome =
  { kind: "REPLY"; message: Message } | { kind: "OPEN_FORM"; form: Form } | { kind: "NOTHING" };

const reply = (message: Message): ClickOutcome => ({ kind: "REPLY", message });

/** `intent` is null when the click carried something that is not one of our intents (stale or forged). */
export async function handleClick(
  deps: CoreDeps,
  input: { actor: KnownActor | null; locale: Locale; intent: Intent | null },
): Promise<ClickOutcome> {
  const { actor, locale, intent } = input;
  if (!actor) return reply(replyUnregistered(locale));
  if (!intent) return reply(replyGenericError(locale));
  const step = async (learnerId: string, action: StepActionInput) =>
    reply(replyToAbsence(await completeAbsenceStep(deps, { actor, learnerId, action }), locale));
  switch (intent.kind) {
    case "TAKE_CASE": {
      const answer = replyToTake(await takeCase(deps, { actor, caseId: intent.caseId }), locale);
      return answer ? reply(answer) : { kind: "NOTHING" };
    }
    case "OPEN_DECISION": {
      const found = await openDecision(deps, { actor, caseId: intent.caseId, decision: intent.decision });
      if (found.kind !== "OK") return reply(replyToRefusal(found, locale));
      return {
        kind: "OPEN_FORM",
        form: composeDecisionForm({
          locale,
          caseId: found.caseId,
          ref: found.ref,
          kind: found.decision,
          suggestedLevel: found.suggestedLevel,
        }),
      };
    }
    case "SHOW_CONTACTS":
      return reply(replyToContacts(await absenceContacts(deps, { actor, learnerId: intent.learnerId }), locale));
    case "RECORD_PARENT_CONTACT":
      return step(intent.learnerId, { kind: "PARENTS_CONTACTED", stepKey: intent.stepKey, outcome: intent.outcome });
    case "OPEN_STEP_FORM":
      // Who may complete the step is checked when the form is submitted, by the same use case as the buttons.
      return {
        kind: "OPEN_FORM",
        form: composeStepTextForm({ locale, learnerId: intent.learnerId, stepKey: intent.stepKey, kind: intent.form }),
      };
    case "ACKNOWLEDGE_REFERRAL":
      return step(intent.learnerId, { kind: "REFERRAL_ACKNOWLEDGED", stepKey: intent.stepKey });
    case "RESOLVE_ABSENCES":
      return step(intent.learnerId, { kind: "RESOLVED" });
  }
}
