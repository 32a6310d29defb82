import type { App } from "@slack/bolt";
import { FORM_IDS } from "../../core/messages/forms.js";
import { callbackIdFor, FIELD_ACTION, INTENT_ACTION } from "../ids.js";
import type { SlackListenerDeps } from "../listener-deps.js";
import { fieldChangedCallback } from "./actions/field-changed.js";
import { intentButtonCallback } from "./actions/intent-button.js";
import { LEGACY_ACTION_IDS, legacyIntent } from "./actions/legacy-buttons.js";
import { pmpCommandCallback } from "./commands/pmp-command.js";
import { appHomeOpenedCallback } from "./events/app-home-opened.js";
import { requestContextMiddleware } from "./request-context.js";
import { formSubmittedCallback } from "./views/form-submitted.js";
import { UNKNOWN_FORM, unknownFormCallback } from "./views/unknown-form.js";

/**
 * Every Slack surface and the one callback that answers it. Buttons are routed by the intent they carry (one
 * pattern for all), forms by their id; who is asking is resolved once per request, before any of them.
 */
export function registerListeners(app: App, deps: SlackListenerDeps): void {
  app.use(requestContextMiddleware(deps));
  app.command("/pmp", pmpCommandCallback(deps));
  app.event("app_home_opened", appHomeOpenedCallback(deps));
  app.action(INTENT_ACTION, intentButtonCallback(deps));
  for (const actionId of LEGACY_ACTION_IDS) app.action(actionId, intentButtonCallback(deps, legacyIntent));
  app.action(FIELD_ACTION, fieldChangedCallback(deps));
  for (const formId of FORM_IDS) app.view(callbackIdFor(formId), formSubmittedCallback(deps, formId));
  app.view({ callback_id: UNKNOWN_FORM, type: "view_submission" }, unknownFormCallback());
}
