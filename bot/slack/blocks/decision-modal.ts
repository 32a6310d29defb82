import type { KnownBlock, ModalView } from "@slack/types";
import { t, type Locale } from "../../core/i18n.js";
import {
  DECIDE_CALLBACK,
  INTENSITY_ACTION,
  INTENSITY_BLOCK,
  LEVEL_ACTION,
  LEVEL_BLOCK,
  REASON_ACTION,
  REASON_BLOCK,
} from "../ids.js";

const plain = (text: string) => ({ type: "plain_text" as const, text: text.slice(0, 75) });

export interface DecisionMetadata {
  caseId: string;
  kind: "CONFIRM" | "REJECT";
}

/** Confirm (intensity and level, preset from triage) or reject (reason) a case. */
export function buildDecisionModal(input: {
  locale: Locale;
  caseId: string;
  ref: string;
  kind: "CONFIRM" | "REJECT";
  suggestedLevel: "UNIVERSAL" | "TARGETED" | "INDICATED";
}): ModalView {
  const { locale } = input;
  const levels = (["UNIVERSAL", "TARGETED", "INDICATED"] as const).map((l) => ({
    text: plain(t(locale, `level.${l}`)),
    value: l,
  }));
  const intensities = ([1, 2, 3] as const).map((i) => ({
    text: plain(t(locale, `decide.intensity.${i}`)),
    value: String(i),
  }));
  const blocks: KnownBlock[] =
    input.kind === "CONFIRM"
      ? [
          {
            type: "input",
            block_id: INTENSITY_BLOCK,
            label: plain(t(locale, "decide.intensity")),
            element: { type: "static_select", action_id: INTENSITY_ACTION, options: intensities },
          },
          {
            type: "input",
            block_id: LEVEL_BLOCK,
            label: plain(t(locale, "decide.level")),
            element: {
              type: "static_select",
              action_id: LEVEL_ACTION,
              options: levels,
              initial_option: levels.find((l) => l.value === input.suggestedLevel)!,
            },
          },
        ]
      : [
          {
            type: "input",
            block_id: REASON_BLOCK,
            label: plain(t(locale, "decide.reason")),
            element: { type: "plain_text_input", action_id: REASON_ACTION, multiline: true, max_length: 500 },
          },
        ];
  return {
    type: "modal",
    callback_id: DECIDE_CALLBACK,
    private_metadata: JSON.stringify({ caseId: input.caseId, kind: input.kind } satisfies DecisionMetadata),
    title: plain(t(locale, "decide.title")),
    submit: plain(t(locale, input.kind === "CONFIRM" ? "case.confirm" : "case.reject")),
    close: plain(t(locale, "report.cancel")),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: `*${input.ref}*` } }, ...blocks],
  };
}
