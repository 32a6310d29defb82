import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from "@slack/bolt";
import { refreshForm } from "../../../core/conversation/forms.js";
import { FIELD_ACTION, formIdOf } from "../../ids.js";
import { parseSlackFormValues } from "../../render/form-values.js";
import { renderSlackModal } from "../../render/modal.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { requestContext } from "../request-context.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>;

/** A field that refreshes its form changed (choosing a class fills the learner picker): the form again. */
export function fieldChangedCallback(deps: SlackListenerDeps) {
  return async ({ ack, body, action, client, context }: Args) => {
    await ack();
    const view = body.view;
    const fieldId = FIELD_ACTION.exec(action.action_id)?.[1];
    const formId = view ? formIdOf(view.callback_id) : null;
    if (!view || view.type !== "modal" || !fieldId || !formId) return;
    try {
      const values = {
        ...parseSlackFormValues(view.state?.values as Record<string, Record<string, unknown>> | undefined),
        [fieldId]: action.selected_option?.value ?? null,
      };
      const form = await refreshForm(deps.core, { ...(await requestContext(context)), formId, fieldId, values });
      if (form) await client.views.update({ view_id: view.id, hash: view.hash, view: renderSlackModal(form) });
    } catch (error) {
      deps.logger.error("form refresh failed", { form: formId, error: errorMessage(error) });
    }
  };
}
