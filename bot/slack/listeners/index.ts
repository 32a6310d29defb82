import type { App } from "@slack/bolt";
import {
  ABSENCE_ACK_ACTION,
  ABSENCE_CONTACTED_ACTIONS,
  ABSENCE_CONTACTS_ACTION,
  ABSENCE_REFERRAL_SENT_ACTION,
  ABSENCE_RESOLVED_ACTION,
  ABSENCE_STEP_CALLBACK,
  ABSENCE_VIIS_ACTION,
  CLASS_SELECT_ACTION,
  CONFIRM_CASE_ACTION,
  DECIDE_CALLBACK,
  REJECT_CASE_ACTION,
  REPORT_STEP1_CALLBACK,
  REPORT_STEP2_CALLBACK,
  TAKE_CASE_ACTION,
} from "../ids.js";
import type { SlackListenerDeps } from "../listener-deps.js";
import {
  absenceAcknowledgeCallback,
  absenceContactedCallback,
  absenceContactsCallback,
  absenceResolvedCallback,
  absenceStepFormCallback,
} from "./actions/absence-step-buttons.js";
import { classSelectedCallback } from "./actions/class-selected.js";
import { appHomeOpenedCallback } from "./events/app-home-opened.js";
import { absenceStepSubmitCallback } from "./views/absence-step-submit.js";
import { openDecisionCallback } from "./actions/open-decision.js";
import { takeCaseCallback } from "./actions/take-case.js";
import { pmpCommandCallback } from "./commands/pmp-command.js";
import { decideSubmitCallback } from "./views/decide-submit.js";
import { reportStep1Callback } from "./views/report-step1.js";
import { reportStep2Callback } from "./views/report-step2.js";

/** Every Slack surface and the one callback that answers it. */
export function registerListeners(app: App, deps: SlackListenerDeps): void {
  app.command("/pmp", pmpCommandCallback(deps));
  app.event("app_home_opened", appHomeOpenedCallback(deps));
  app.action(CLASS_SELECT_ACTION, classSelectedCallback(deps));
  app.action(TAKE_CASE_ACTION, takeCaseCallback(deps));
  app.action(CONFIRM_CASE_ACTION, openDecisionCallback(deps, "CONFIRM"));
  app.action(REJECT_CASE_ACTION, openDecisionCallback(deps, "REJECT"));
  app.view(REPORT_STEP1_CALLBACK, reportStep1Callback(deps));
  app.view(REPORT_STEP2_CALLBACK, reportStep2Callback(deps));
  app.view(DECIDE_CALLBACK, decideSubmitCallback(deps));
  app.action(ABSENCE_CONTACTS_ACTION, absenceContactsCallback(deps));
  for (const [outcome, actionId] of Object.entries(ABSENCE_CONTACTED_ACTIONS))
    app.action(actionId, absenceContactedCallback(deps, outcome as keyof typeof ABSENCE_CONTACTED_ACTIONS));
  app.action(ABSENCE_VIIS_ACTION, absenceStepFormCallback(deps, "VIIS_ENTERED"));
  app.action(ABSENCE_REFERRAL_SENT_ACTION, absenceStepFormCallback(deps, "REFERRAL_SENT"));
  app.action(ABSENCE_ACK_ACTION, absenceAcknowledgeCallback(deps));
  app.action(ABSENCE_RESOLVED_ACTION, absenceResolvedCallback(deps));
  app.view(ABSENCE_STEP_CALLBACK, absenceStepSubmitCallback(deps));
}
