import type { App } from "@slack/bolt";
import { CLASS_SELECT_ACTION, CONFIRM_CASE_ACTION, DECIDE_CALLBACK, REJECT_CASE_ACTION, REPORT_STEP1_CALLBACK, REPORT_STEP2_CALLBACK, TAKE_CASE_ACTION } from "../ids.js";
import type { SlackListenerDeps } from "../listener-deps.js";
import { classSelectedCallback } from "./actions/class-selected.js";
import { openDecisionCallback } from "./actions/open-decision.js";
import { takeCaseCallback } from "./actions/take-case.js";
import { pmpCommandCallback } from "./commands/pmp-command.js";
import { decideSubmitCallback } from "./views/decide-submit.js";
import { reportStep1Callback } from "./views/report-step1.js";
import { reportStep2Callback } from "./views/report-step2.js";

/** Every Slack surface and the one callback that answers it. */
export function registerListeners(app: App, deps: SlackListenerDeps): void {
  app.command("/pmp", pmpCommandCallback(deps));
  app.action(CLASS_SELECT_ACTION, classSelectedCallback(deps));
  app.action(TAKE_CASE_ACTION, takeCaseCallback(deps));
  app.action(CONFIRM_CASE_ACTION, openDecisionCallback(deps, "CONFIRM"));
  app.action(REJECT_CASE_ACTION, openDecisionCallback(deps, "REJECT"));
  app.view(REPORT_STEP1_CALLBACK, reportStep1Callback(deps));
  app.view(REPORT_STEP2_CALLBACK, reportStep2Callback(deps));
  app.view(DECIDE_CALLBACK, decideSubmitCallback(deps));
}
