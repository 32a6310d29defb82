import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { submitForm } from "../../../core/conversation/forms.js";
import { t } from "../../../core/i18n.js";
import { FORM_ERROR, type FormId } from "../../../core/messages/forms.js";
import { DEFAULT_LOCALE, type Locale } from "../../../core/i18n.js";
import { parseSlackFormValues, readSlackFormState } from "../../render/form-values.js";
import { renderSlackFormReply } from "../../render/modal.js";
import type { SlackListenerDeps } from "../../listener-deps.js";
import { requestContext } from "../request-context.js";
import { errorMessage } from "../../../../prisma/runtime/logger.js";

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * A submitted modal: values and carried state back to neutral form data, the core answers, the answer is the
 * acknowledgement (errors next to fields, the next step, or the result in place of the form). The view id is
 * the submission id: Slack delivering it twice, or a double click on "Submit", registers one report.
 */
export function formSubmittedCallback(deps: SlackListenerDeps, formId: FormId) {
  return async ({ ack, view, context }: Args) => {
    const inputBlocks = (Array.isArray(view.blocks) ? view.blocks : []).flatMap((b) =>
      b.type === "input" && b.block_id ? [b.block_id] : [],
    );
    let locale: Locale = DEFAULT_LOCALE;
    try {
      const asking = await requestContext(context);
      locale = asking.locale;
      const state = readSlackFormState(view.private_metadata);
      // Unreadable state is answered at once, next to the form: never left for Bolt's 404 after 3 seconds.
      if (state === null) {
        await ack(
          renderSlackFormReply({ kind: "errors", errors: { [FORM_ERROR]: t(locale, "error.formState") } }, inputBlocks),
        );
        return;
      }
      const reply = await submitForm(deps.core, {
        actor: asking.actor,
        locale,
        formId,
        state,
        values: parseSlackFormValues(view.state.values as Record<string, Record<string, unknown>>),
        submissionId: `slack-view:${view.id}`,
      });
      await ack(renderSlackFormReply(reply, inputBlocks));
    } catch (error) {
      deps.logger.error("form submission failed", { form: formId, error: errorMessage(error) });
      await ack(
        renderSlackFormReply({ kind: "errors", errors: { [FORM_ERROR]: t(locale, "error.generic") } }, inputBlocks),
      );
    }
  };
}
