import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../core/i18n.js";
import { takeCase } from "../../../core/case-actions.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * "Take the case": the first taker becomes the case manager. The channel card is updated by the worker (through
 * the outbox) for everyone; here the clicker gets a private answer when somebody else was first.
 */
export function takeCaseCallback(deps: SlackListenerDeps) {
  return async ({ ack, body, action, respond }: Args) => {
    await ack();
    const actor = await slackActor(deps.core, body);
    const locale = actor?.locale ?? "lv";
    const tell = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
    if (!actor) return void (await tell(t(locale, "error.unregistered")));
    try {
      const outcome = await takeCase(deps.core, { actor, caseId: action.value ?? "" });
      switch (outcome.kind) {
        case "TAKEN":
          return;
        case "ALREADY_TAKEN":
          return void (await tell(t(locale, "case.alreadyTaken", { ref: outcome.ref, name: outcome.by })));
        case "ALREADY_DECIDED":
          return void (await tell(t(locale, "decide.already", { ref: outcome.ref })));
        case "TRAINING_REQUIRED":
          return void (await tell(t(locale, "error.training")));
        default:
          return void (await tell(t(locale, "error.forbidden")));
      }
    } catch (error) {
      deps.logger.error("take case failed", { error: errorMessage(error) });
      await tell(t(locale, "error.generic"));
    }
  };
}
