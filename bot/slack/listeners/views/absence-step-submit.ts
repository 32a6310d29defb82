import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { completeAbsenceStep } from "../../../core/absence-actions.js";
import { t } from "../../../core/i18n.js";
import { ABSENCE_TEXT_ACTION, ABSENCE_TEXT_BLOCK } from "../../ids.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const formSchema = z.object({
  learnerId: z.uuid(),
  stepKey: z.string().min(1),
  kind: z.enum(["VIIS_ENTERED", "REFERRAL_SENT"]),
  text: z.string().trim().min(2).max(500),
});

/** Submits the remedial action (VIIS entry) or the referral's document reference. */
export function absenceStepSubmitCallback(deps: SlackListenerDeps) {
  return async ({ ack, body, view }: Args) => {
    const actor = await slackActor(deps.core, body);
    const locale = actor?.locale ?? "lv";
    const parsed = formSchema.safeParse({
      ...(JSON.parse(view.private_metadata) as object),
      text: view.state.values[ABSENCE_TEXT_BLOCK]?.[ABSENCE_TEXT_ACTION]?.value ?? "",
    });
    if (!actor)
      return void (await ack({
        response_action: "errors",
        errors: { [ABSENCE_TEXT_BLOCK]: t(locale, "error.unregistered") },
      }));
    if (!parsed.success)
      return void (await ack({
        response_action: "errors",
        errors: { [ABSENCE_TEXT_BLOCK]: t(locale, "report.error.otherTooLong") },
      }));
    const { learnerId, stepKey, kind, text } = parsed.data;
    try {
      const action =
        kind === "VIIS_ENTERED" ? { kind, stepKey, remedialAction: text } : { kind, stepKey, documentRef: text };
      const outcome = await completeAbsenceStep(deps.core, { actor, learnerId, action });
      const message =
        outcome.kind === "RECORDED"
          ? t(locale, "absence.recorded")
          : outcome.kind === "ALREADY_DONE"
            ? t(locale, "absence.alreadyDone")
            : t(locale, "error.forbidden");
      await ack({
        response_action: "update",
        view: {
          type: "modal",
          title: { type: "plain_text", text: "pmp-bot" },
          close: { type: "plain_text", text: "OK" },
          blocks: [{ type: "section", text: { type: "mrkdwn", text: message } }],
        },
      });
    } catch (error) {
      deps.logger.error("absence step form failed", { error: errorMessage(error) });
      await ack({ response_action: "errors", errors: { [ABSENCE_TEXT_BLOCK]: t(locale, "error.generic") } });
    }
  };
}
