import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { riskByCode } from "../../../../workflows/domain/risk-catalogue.js";
import { t } from "../../../core/i18n.js";
import { riskReportSubmissionSchema, submitRiskReport } from "../../../core/report-risk.js";
import { buildReportDone, type ReportDraft } from "../../blocks/report-modal.js";
import { FREQUENCY_ACTION, frequencyBlockId, LEARNER_BLOCK } from "../../ids.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * Step 2 submits the report. The view id is the idempotency key: Slack delivering the submission twice, or a
 * double click on "Submit", returns the same case and registers one report.
 */
export function reportStep2Callback(deps: SlackListenerDeps) {
  return async ({ ack, body, view }: Args) => {
    const actor = await slackActor(deps.core, body);
    const locale = actor?.locale ?? "lv";
    if (!actor)
      return void (await ack({
        response_action: "errors",
        errors: { [firstBlock(view)]: t(locale, "error.unregistered") },
      }));
    let draft: ReportDraft;
    try {
      draft = JSON.parse(view.private_metadata) as ReportDraft;
    } catch {
      return void (await ack({
        response_action: "errors",
        errors: { [firstBlock(view)]: t(locale, "error.generic") },
      }));
    }
    const answers = draft.riskCodes.map((code) => {
      const value = view.state.values[frequencyBlockId(code)]?.[FREQUENCY_ACTION]?.selected_option?.value;
      return riskByCode(code)?.answerKind === "yesNo"
        ? { code, present: value === "yes" }
        : { code, frequency: Number(value) };
    });
    const parsed = riskReportSubmissionSchema.safeParse({ ...draft, answers });
    if (!parsed.success)
      return void (await ack({
        response_action: "errors",
        errors: { [firstBlock(view)]: t(locale, "report.error.noRisk") },
      }));
    try {
      const outcome = await submitRiskReport(deps.core, {
        actor,
        submission: parsed.data,
        idempotencyKey: `slack-view:${view.id}`,
      });
      if (outcome.kind === "FORBIDDEN")
        return void (await ack({
          response_action: "errors",
          errors: { [firstBlock(view)]: t(locale, "error.forbidden") },
        }));
      await ack({
        response_action: "update",
        view: buildReportDone({ locale, ref: outcome.caseRef, existingCase: !outcome.newCase && !outcome.duplicate }),
      });
    } catch (error) {
      deps.logger.error("report submission failed", { error: errorMessage(error) });
      await ack({ response_action: "errors", errors: { [firstBlock(view)]: t(locale, "error.generic") } });
    }
  };
}

/** Slack shows view errors next to an input block; the first frequency picker (or the learner block) will do. */
function firstBlock(view: ViewSubmitAction["view"]): string {
  return view.blocks.find((b) => b.type === "input")?.block_id ?? LEARNER_BLOCK;
}
