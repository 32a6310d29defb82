import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from "@slack/bolt";
import { learnersInClass, reportableClasses } from "../../../core/report-risk.js";
import { buildReportStep1, parseClassValue } from "../../blocks/report-modal.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>;

/** Choosing a class in the report form fills the learner picker with that class's codes and initials. */
export function classSelectedCallback(deps: SlackListenerDeps) {
  return async ({ ack, body, action, client }: Args) => {
    await ack();
    if (body.view?.type !== "modal") return;
    try {
      const actor = await slackActor(deps.core, body);
      if (!actor) return;
      const selected = action.selected_option.value;
      const [classes, learners] = await Promise.all([
        reportableClasses(deps.core, actor),
        learnersInClass(deps.core, actor, parseClassValue(selected)),
      ]);
      await client.views.update({
        view_id: body.view.id,
        hash: body.view.hash,
        view: buildReportStep1({ locale: actor.locale, classes, selectedClass: selected, learners }),
      });
    } catch (error) {
      deps.logger.error("class selection failed", { error: errorMessage(error) });
    }
  };
}
