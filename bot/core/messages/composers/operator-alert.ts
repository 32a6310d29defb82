import type { Message } from "../model.js";

// What operators see in the OPERATIONS channel when something a person must act on went wrong. Ids and error
// codes only: an alert never carries personal data, so it can go to a channel.

export interface OperatorAlertView {
  kind: "DELIVERY_FAILED" | "NO_ADDRESS" | "NOBODY_TO_ASSIGN";
  /** What happened, in the system's words (an error code, a role); no personal data. */
  detail: string;
  /** The message or duty concerned, by key. */
  reference: string;
}

const TEXT = {
  DELIVERY_FAILED: {
    lv: "Ziņojumu nevarēja piegādāt",
    en: "A message could not be delivered",
  },
  NO_ADDRESS: {
    lv: "Adresātam nav čata adreses",
    en: "A recipient has no chat address",
  },
  NOBODY_TO_ASSIGN: {
    lv: "Pienākumam nav izpildītāja",
    en: "A duty has nobody to do it",
  },
} as const;

const ACTION = {
  DELIVERY_FAILED: {
    lv: "Pārbaudiet adresātu (kanāls arhivēts, lietotājs noņemts?) un nododiet informāciju citādi.",
    en: "Check the recipient (archived channel, removed user?) and pass the information on another way.",
  },
  NO_ADDRESS: {
    lv: "Piesaistiet darbiniekam čata kontu vai struktūrai kanālu pmp-bot katalogā un nododiet informāciju citādi.",
    en: "Link a chat account to the person, or a channel to the body, in the pmp-bot directory; pass the information on another way.",
  },
  NOBODY_TO_ASSIGN: {
    lv: "Piešķiriet lomu kādam darbiniekam pmp-bot katalogā.",
    en: "Give the role to a staff member in the pmp-bot directory.",
  },
} as const;

export function composeOperatorAlert(view: OperatorAlertView, locale: "lv" | "en"): Message {
  const title = TEXT[view.kind][locale];
  const action = ACTION[view.kind][locale];
  return {
    summary: `${title}: ${view.reference}`,
    blocks: [
      { kind: "heading", text: title },
      {
        kind: "facts",
        facts: [
          { label: locale === "lv" ? "Atsauce" : "Reference", value: view.reference },
          { label: locale === "lv" ? "Iemesls" : "Reason", value: view.detail },
        ],
      },
      { kind: "context", spans: [{ kind: "plain", text: action }] },
    ],
  };
}
