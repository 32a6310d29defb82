import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { absenceContacts, completeAbsenceStep, type AbsenceOutcome } from "../../../core/absence-actions.js";
import { t, type Locale } from "../../../core/i18n.js";
import type { ParentContactOutcome } from "../../../../workflows/absence-messages.js";
import { buildContactsMessage } from "../../blocks/absence-contacts.js";
import { buildStepTextModal, decodeStepButton } from "../../blocks/absence-messages.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

const outcomeText = (outcome: AbsenceOutcome | { kind: "FORBIDDEN" | "TRAINING_REQUIRED" }, locale: Locale) =>
  outcome.kind === "RECORDED"
    ? t(locale, "absence.recorded")
    : outcome.kind === "ALREADY_DONE"
      ? t(locale, "absence.alreadyDone")
      : t(locale, outcome.kind === "TRAINING_REQUIRED" ? "error.training" : "error.forbidden");

/** Shared shape of the absence-task buttons: ack, identify, decode the step, act, answer privately. */
function stepButton(
  deps: SlackListenerDeps,
  act: (
    args: Args,
    actor: NonNullable<Awaited<ReturnType<typeof slackActor>>>,
    value: { learnerId: string; stepKey: string },
  ) => Promise<string | null>,
) {
  return async (args: Args) => {
    await args.ack();
    const actor = await slackActor(deps.core, args.body);
    const locale = actor?.locale ?? "lv";
    const tell = (text: string) => args.respond({ response_type: "ephemeral", replace_original: false, text });
    const value = decodeStepButton(args.action.value);
    try {
      if (!actor) return void (await tell(t(locale, "error.unregistered")));
      if (!value) return void (await tell(t(locale, "error.generic")));
      const answer = await act(args, actor, value);
      if (answer) await tell(answer);
    } catch (error) {
      deps.logger.error("absence step button failed", { error: errorMessage(error) });
      await tell(t(locale, "error.generic"));
    }
  };
}

/** "Show contacts": the only way parents' phone numbers reach chat, ephemeral and audited. */
export function absenceContactsCallback(deps: SlackListenerDeps) {
  return stepButton(deps, async ({ respond }, actor, value) => {
    const result = await absenceContacts(deps.core, { actor, learnerId: value.learnerId });
    if (result.kind !== "OK") return outcomeText(result, actor.locale);
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      ...buildContactsMessage(result.contacts, actor.locale),
    });
    return null;
  });
}

export function absenceContactedCallback(deps: SlackListenerDeps, outcome: ParentContactOutcome) {
  return stepButton(deps, async (_args, actor, value) =>
    outcomeText(
      await completeAbsenceStep(deps.core, {
        actor,
        learnerId: value.learnerId,
        action: { kind: "PARENTS_CONTACTED", stepKey: value.stepKey, outcome },
      }),
      actor.locale,
    ),
  );
}

export function absenceAcknowledgeCallback(deps: SlackListenerDeps) {
  return stepButton(deps, async (_args, actor, value) =>
    outcomeText(
      await completeAbsenceStep(deps.core, {
        actor,
        learnerId: value.learnerId,
        action: { kind: "REFERRAL_ACKNOWLEDGED", stepKey: value.stepKey },
      }),
      actor.locale,
    ),
  );
}

export function absenceResolvedCallback(deps: SlackListenerDeps) {
  return stepButton(deps, async (_args, actor, value) =>
    outcomeText(
      await completeAbsenceStep(deps.core, { actor, learnerId: value.learnerId, action: { kind: "RESOLVED" } }),
      actor.locale,
    ),
  );
}

/** "Entered in VIIS" and "Document sent" ask for a line of text first (remedial action, document reference). */
export function absenceStepFormCallback(deps: SlackListenerDeps, kind: "VIIS_ENTERED" | "REFERRAL_SENT") {
  return stepButton(deps, async ({ client, body }, actor, value) => {
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildStepTextModal({ locale: actor.locale, kind, value }),
    });
    return null;
  });
}
