import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { t } from "../../../core/i18n.js";
import { decideCase } from "../../../core/case-actions.js";
import {
  INTENSITY_ACTION,
  INTENSITY_BLOCK,
  LEVEL_ACTION,
  LEVEL_BLOCK,
  REASON_ACTION,
  REASON_BLOCK,
} from "../../ids.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const decisionSchema = z.discriminatedUnion("kind", [
  z.object({
    caseId: z.uuid(),
    kind: z.literal("CONFIRM"),
    intensity: z.coerce.number().pipe(z.literal([1, 2, 3])),
    level: z.enum(["UNIVERSAL", "TARGETED", "INDICATED"]),
  }),
  z.object({ caseId: z.uuid(), kind: z.literal("REJECT"), reason: z.string().trim().min(3).max(500) }),
]);

/** Submits the case manager's decision; the answer replaces the form. */
export function decideSubmitCallback(deps: SlackListenerDeps) {
  return async ({ ack, body, view }: Args) => {
    const actor = await slackActor(deps.core, body);
    const locale = actor?.locale ?? "lv";
    const meta = JSON.parse(view.private_metadata) as { caseId: string; kind: string };
    const v = view.state.values;
    const parsed = decisionSchema.safeParse({
      ...meta,
      intensity: v[INTENSITY_BLOCK]?.[INTENSITY_ACTION]?.selected_option?.value,
      level: v[LEVEL_BLOCK]?.[LEVEL_ACTION]?.selected_option?.value,
      reason: v[REASON_BLOCK]?.[REASON_ACTION]?.value ?? "",
    });
    if (!actor)
      return void (await ack({
        response_action: "errors",
        errors: { [meta.kind === "CONFIRM" ? INTENSITY_BLOCK : REASON_BLOCK]: t(locale, "error.unregistered") },
      }));
    if (!parsed.success) {
      return void (await ack({
        response_action: "errors",
        errors:
          meta.kind === "CONFIRM"
            ? { [INTENSITY_BLOCK]: t(locale, "decide.intensity") }
            : { [REASON_BLOCK]: t(locale, "decide.reason") },
      }));
    }
    try {
      const { caseId, ...decision } = parsed.data;
      const outcome = await decideCase(deps.core, { actor, caseId, decision });
      const text =
        outcome.kind === "DECIDED"
          ? t(locale, "decide.done", { ref: outcome.ref })
          : outcome.kind === "ALREADY_DECIDED"
            ? t(locale, "decide.already", { ref: outcome.ref })
            : t(locale, outcome.kind === "TRAINING_REQUIRED" ? "error.training" : "error.forbidden");
      await ack({
        response_action: "update",
        view: {
          type: "modal",
          title: { type: "plain_text", text: t(locale, "decide.title").slice(0, 24) },
          close: { type: "plain_text", text: "OK" },
          blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
        },
      });
    } catch (error) {
      deps.logger.error("decision failed", { error: errorMessage(error) });
      await ack({
        response_action: "errors",
        errors: { [meta.kind === "CONFIRM" ? INTENSITY_BLOCK : REASON_BLOCK]: t(locale, "error.generic") },
      });
    }
  };
}
