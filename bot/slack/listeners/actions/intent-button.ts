import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { handleClick } from "../../../core/conversation/clicks.js";
import { decodeIntent, type Intent } from "../../../core/messages/intents.js";
import { replyGenericError } from "../../../core/messages/replies.js";
import { renderSlackModal } from "../../render/modal.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { replyPrivately } from "../reply.js";
import { requestContext } from "../request-context.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * Every button: acknowledge, decode the intent from the button's value (`decode` differs only for buttons of
 * older messages), let the core act, then answer privately or open the form the click asked for.
 */
export function intentButtonCallback(
  deps: SlackListenerDeps,
  decode: (action: ButtonAction) => Intent | null = (action) => decodeIntent(action.value),
) {
  return async ({ ack, body, action, client, respond, context }: Args) => {
    await ack();
    const { actor, locale } = await requestContext(context);
    const intent = decode(action);
    try {
      const outcome = await handleClick(deps.core, { actor, locale, intent });
      if (outcome.kind === "REPLY") await replyPrivately(respond, outcome.message);
      else if (outcome.kind === "OPEN_FORM")
        await client.views.open({ trigger_id: body.trigger_id, view: renderSlackModal(outcome.form) });
    } catch (error) {
      deps.logger.error("button failed", { intent: intent?.kind ?? "none", error: errorMessage(error) });
      await replyPrivately(respond, replyGenericError(locale)).catch(() => {});
    }
  };
}
