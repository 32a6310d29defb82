import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { RISK_GROUP_CODES } from "../../../../workflows/domain/risk-catalogue.js";
import { t } from "../../../core/i18n.js";
import { buildReportStep2, type ReportDraft } from "../../blocks/report-modal.js";
import {
  LEARNER_BLOCK,
  LEARNER_SELECT_ACTION,
  LOW_ATTAINMENT_ACTION,
  LOW_ATTAINMENT_BLOCK,
  OTHER_ACTION,
  OTHER_BLOCK,
  PARENTS_ACTION,
  PARENTS_BLOCK,
  RISK_SELECT_ACTION,
  riskBlockId,
} from "../../ids.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { slackActor } from "../../slack-user.js";

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;
type State = ViewSubmitAction["view"]["state"]["values"];

/** Step 1 of the report form → step 2 (frequencies), or errors shown next to the fields. */
export function reportStep1Callback(deps: SlackListenerDeps) {
  return async ({ ack, body, view }: Args) => {
    const actor = await slackActor(deps.core, body);
    const locale = actor?.locale ?? "lv";
    const values = view.state.values;
    const draft: ReportDraft = {
      learnerId: values[LEARNER_BLOCK]?.[LEARNER_SELECT_ACTION]?.selected_option?.value ?? "",
      riskCodes: RISK_GROUP_CODES.flatMap((g) =>
        (values[riskBlockId(g)]?.[RISK_SELECT_ACTION]?.selected_options ?? []).map((o) => o.value),
      ),
      otherText: values[OTHER_BLOCK]?.[OTHER_ACTION]?.value?.trim() || undefined,
      lowAttainmentSubjects: parseCount(values),
      parentsInformed: (values[PARENTS_BLOCK]?.[PARENTS_ACTION]?.selected_option?.value ??
        "NOT_YET") as ReportDraft["parentsInformed"],
    };
    const errors: Record<string, string> = {};
    if (!draft.learnerId) errors[LEARNER_BLOCK] = t(locale, "report.error.learner");
    if (draft.riskCodes.length === 0 && !draft.otherText) errors[riskBlockId("A")] = t(locale, "report.error.noRisk");
    if ((draft.otherText?.length ?? 0) > 500) errors[OTHER_BLOCK] = t(locale, "report.error.otherTooLong");
    if (
      draft.lowAttainmentSubjects !== undefined &&
      (draft.lowAttainmentSubjects < 0 || draft.lowAttainmentSubjects > 20)
    )
      errors[LOW_ATTAINMENT_BLOCK] = t(locale, "report.error.lowAttainment");
    if (Object.keys(errors).length) return void (await ack({ response_action: "errors", errors }));
    await ack({ response_action: "update", view: buildReportStep2({ locale, draft }) });
  };
}

function parseCount(values: State): number | undefined {
  const raw = values[LOW_ATTAINMENT_BLOCK]?.[LOW_ATTAINMENT_ACTION]?.value;
  return raw === undefined || raw === null || raw === "" ? undefined : Number(raw);
}
