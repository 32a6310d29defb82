import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { t, type Locale } from "../../../core/i18n.js";
import { reportableClasses } from "../../../core/report-risk.js";
import { viewCase } from "../../../core/view-case.js";
import { buildCaseDetails } from "../../blocks/case-details.js";
import { buildHelp } from "../../blocks/help.js";
import { buildReportStep1 } from "../../blocks/report-modal.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/pmp report | case <ref> | help [lv|en]`. Every answer is ephemeral; the report form opens in a modal. */
export function pmpCommandCallback(deps: SlackListenerDeps) {
  return async ({ ack: slackAck, command, respond, client }: Args) => {
    let acked = false;
    const ack: typeof slackAck = async (response) => {
      acked = true;
      await slackAck(response);
    };
    const [sub = "help", ...rest] = command.text.trim().split(/\s+/).filter(Boolean);
    const actor = await slackActor(deps.core, command);
    const locale: Locale = actor?.locale ?? "lv";
    if (sub === "help") {
      const chosen = rest[0] === "en" || rest[0] === "lv" ? rest[0] : locale;
      await ack({ response_type: "ephemeral", ...buildHelp(chosen) });
      return;
    }
    if (!actor) {
      await ack({ response_type: "ephemeral", text: t(locale, "error.unregistered") });
      return;
    }
    try {
      if (sub === "report") {
        // The trigger id expires after 3 seconds: open the modal first, acknowledge after.
        const classes = await reportableClasses(deps.core, actor);
        if (classes.length === 0) {
          await ack({ response_type: "ephemeral", text: t(locale, "error.forbidden") });
          return;
        }
        await client.views.open({ trigger_id: command.trigger_id, view: buildReportStep1({ locale, classes }) });
        await ack();
        return;
      }
      if (sub === "case" && rest[0]) {
        await ack();
        const result = await viewCase(deps.core, { actor, ref: rest[0] });
        if (result.kind === "OK")
          await respond({ response_type: "ephemeral", ...buildCaseDetails(result.details, locale) });
        else if (result.kind === "TRAINING_REQUIRED")
          await respond({ response_type: "ephemeral", text: t(locale, "error.training") });
        else await respond({ response_type: "ephemeral", text: t(locale, "error.unknownCase", { ref: rest[0] }) });
        return;
      }
      await ack({ response_type: "ephemeral", text: t(locale, "error.unknownCommand") });
    } catch (error) {
      deps.logger.error("/pmp failed", { sub, error: errorMessage(error) });
      const text = t(locale, "error.generic");
      if (acked) await respond({ response_type: "ephemeral", text }).catch(() => {});
      else await ack({ response_type: "ephemeral", text });
    }
  };
}
