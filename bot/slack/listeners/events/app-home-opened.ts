import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { myWork } from "../../../core/my-work.js";
import { buildHomeView } from "../../blocks/home-view.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_home_opened">;

/** Opening the app's Home tab shows the staff member's cases and open tasks. */
export function appHomeOpenedCallback(deps: SlackListenerDeps) {
  return async ({ event, body, client }: Args) => {
    if (event.tab !== "home") return;
    try {
      const actor = await slackActor(deps.core, { user_id: event.user, team_id: body.team_id });
      const view = buildHomeView(actor ? await myWork(deps.core, actor) : null, actor?.locale ?? "lv");
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.logger.error("app home failed", { error: errorMessage(error) });
    }
  };
}
