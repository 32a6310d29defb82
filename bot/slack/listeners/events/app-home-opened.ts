import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { homeFor } from "../../../core/conversation/home.js";
import { renderSlackHome } from "../../render/home.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { requestContext } from "../request-context.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_home_opened">;

/** Opening the app's Home tab shows the staff member's cases and open tasks. */
export function appHomeOpenedCallback(deps: SlackListenerDeps) {
  return async ({ event, client, context }: Args) => {
    if (event.tab !== "home") return;
    try {
      const home = await homeFor(deps.core, await requestContext(context));
      await client.views.publish({ user_id: event.user, view: renderSlackHome(home) });
    } catch (error) {
      deps.logger.error("app home failed", { error: errorMessage(error) });
    }
  };
}
