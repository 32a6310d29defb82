import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { DEFAULT_LOCALE, t } from "../../../core/i18n.js";
import { FORM_ERROR, FORM_IDS } from "../../../core/messages/forms.js";
import { callbackIdFor } from "../../ids.js";
import { renderSlackFormReply } from "../../render/modal.js";
import { requestContext } from "../request-context.js";

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Every callback id that is not one of our forms (a modal of an older version, or a forged one). */
export const UNKNOWN_FORM = new RegExp(`^(?!(?:${FORM_IDS.map(callbackIdFor).join("|")})$)`);

/**
 * A submitted modal no listener knows: answered within the acknowledgement with "this form can no longer be
 * read", instead of Bolt's 404 after 3 seconds, which Slack shows as a connection error.
 */
export function unknownFormCallback() {
  return async ({ ack, context }: Args) => {
    const locale = await requestContext(context).then(
      (asking) => asking.locale,
      () => DEFAULT_LOCALE,
    );
    await ack(renderSlackFormReply({ kind: "errors", errors: { [FORM_ERROR]: t(locale, "error.formState") } }, []));
  };
}
