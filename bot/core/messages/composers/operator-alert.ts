import { t, type Locale } from "../../i18n.js";
import type { Message } from "../model.js";

// What operators see in the OPERATIONS channel when something a person must act on went wrong. Ids and error
// codes only: an alert never carries personal data, so it can go to a channel.

export interface OperatorAlertView {
  kind:
    | "DELIVERY_FAILED"
    | "NO_ADDRESS"
    | "NOBODY_TO_ASSIGN"
    | "DIRECTORY_HANDOVER"
    | "DIRECTORY_IMPORT_REJECTED"
    | "DIRECTORY_SYNC_SKIPPED"
    | "WORKFLOW_RECONCILED";
  /** What happened, in the system's words (an error code, a role); no personal data. */
  detail: string;
  /** The message or duty concerned, by key. */
  reference: string;
}

export function composeOperatorAlert(view: OperatorAlertView, locale: Locale): Message {
  const title = t(locale, `alert.${view.kind}`);
  return {
    summary: `${title}: ${view.reference}`,
    blocks: [
      { kind: "heading", text: title },
      {
        kind: "facts",
        facts: [
          { label: t(locale, "alert.reference"), value: view.reference },
          { label: t(locale, "alert.reason"), value: view.detail },
        ],
      },
      { kind: "context", spans: [{ kind: "plain", text: t(locale, `alert.action.${view.kind}`) }] },
    ],
  };
}
