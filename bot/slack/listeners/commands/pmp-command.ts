import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { parsePmpCommand, runPmpCommand } from "../../../core/conversation/commands.js";
import { replyGenericError } from "../../../core/messages/replies.js";
import { renderSlackMessage } from "../../render/message.js";
import { renderSlackModal } from "../../render/modal.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { replyPrivately } from "../reply.js";
import { uploadToRequester } from "../upload-files.js";
import { requestContext } from "../request-context.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/pmp report | case <ref> | admin … | help [lv|en]`. Every answer is private. Help and the report form answer within the
 * acknowledgement (the form's trigger id expires in 3 seconds: open it first, acknowledge after); case details
 * read and audit, so they are acknowledged first and answered through the response URL.
 */
export function pmpCommandCallback(deps: SlackListenerDeps) {
  return async ({ ack, command, respond, client, context }: Args) => {
    const { actor, locale } = await requestContext(context);
    const parsed = parsePmpCommand(command.text);
    // Case details, admin changes and the task list read the database: acknowledged first, answered through
    // response_url.
    const answersLater =
      actor !== null &&
      (parsed.kind === "CASE" ||
        parsed.kind === "ADMIN" ||
        parsed.kind === "TASKS" ||
        parsed.kind === "STATUS" ||
        parsed.kind === "ANNUAL_REPORT");
    let acked = false;
    try {
      if (answersLater) {
        acked = true;
        await ack();
      }
      const outcome = await runPmpCommand(deps.core, {
        actor,
        locale,
        command: parsed,
        origin: { platform: "SLACK", workspaceId: command.team_id, channelId: command.channel_id },
      });
      if (outcome.kind === "OPEN_FORM") {
        await client.views.open({ trigger_id: command.trigger_id, view: renderSlackModal(outcome.form) });
        if (!acked) await ack();
      } else if (outcome.kind === "FILES") {
        // Files go to the requester's direct conversation with the bot (never the channel typed in), then the
        // private answer says they are there.
        await uploadToRequester(client, command.user_id, outcome.files);
        await replyPrivately(respond, outcome.message);
      } else if (acked) {
        await replyPrivately(respond, outcome.message);
      } else {
        acked = true;
        await ack({ response_type: "ephemeral", ...renderSlackMessage(outcome.message) });
      }
    } catch (error) {
      deps.logger.error("/pmp failed", { sub: parsed.kind, error: errorMessage(error) });
      const message = renderSlackMessage(replyGenericError(locale));
      if (acked) await respond({ response_type: "ephemeral", ...message }).catch(() => {});
      else await ack({ response_type: "ephemeral", ...message });
    }
  };
}
