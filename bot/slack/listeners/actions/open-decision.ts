import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { t } from "../../../core/i18n.js";
import { caseFor } from "../../../core/case-actions.js";
import { buildDecisionModal } from "../../blocks/decision-modal.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";
import { highestLevel, type TriageResult } from "../../../../workflows/domain/triage.js";
import { createCaseRepository } from "../../../../prisma/repositories/case-repository.js";

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** "Confirm" / "Reject" on the case manager's message open the decision form. */
export function openDecisionCallback(deps: SlackListenerDeps, kind: "CONFIRM" | "REJECT") {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const actor = await slackActor(deps.core, body);
    const locale = actor?.locale ?? "lv";
    try {
      if (!actor)
        return void (await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: t(locale, "error.unregistered"),
        }));
      const found = await caseFor(deps.core, actor, "DECIDE_CASE", { caseId: action.value ?? "" });
      if (found.kind !== "OK")
        return void (await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: t(locale, found.kind === "TRAINING_REQUIRED" ? "error.training" : "error.forbidden"),
        }));
      const reports = await createCaseRepository(deps.core.prisma).reports({ caseId: found.row.id });
      const suggested = highestLevel(reports.map((r) => (r.triage as unknown as TriageResult).level));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildDecisionModal({ locale, caseId: found.row.id, ref: found.row.ref, kind, suggestedLevel: suggested }),
      });
    } catch (error) {
      deps.logger.error("open decision failed", { error: errorMessage(error) });
    }
  };
}
