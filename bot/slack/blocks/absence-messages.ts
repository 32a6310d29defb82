import type { KnownBlock, ModalView } from "@slack/types";
import { formatRigaDateTime, t, type Locale } from "../../core/i18n.js";
import {
  ABSENCE_ACK_ACTION,
  ABSENCE_CONTACTED_ACTIONS,
  ABSENCE_CONTACTS_ACTION,
  ABSENCE_REFERRAL_SENT_ACTION,
  ABSENCE_RESOLVED_ACTION,
  ABSENCE_STEP_CALLBACK,
  ABSENCE_TEXT_ACTION,
  ABSENCE_TEXT_BLOCK,
  ABSENCE_VIIS_ACTION,
} from "../ids.js";
import type { SlackMessage } from "./case-messages.js";

// Absence-escalation tasks, sent to the responsible person only. They name the learner by pseudonymous code and
// class; parents' contact details are never in the message and open only on request ("Show contacts").

/** What a task button carries back: the learner and the step, never personal data. */
export interface StepButtonValue {
  learnerId: string;
  stepKey: string;
}
export const encodeStepButton = (v: StepButtonValue) => JSON.stringify({ l: v.learnerId, s: v.stepKey });
export function decodeStepButton(value: string | undefined): StepButtonValue | null {
  try {
    const parsed = JSON.parse(value ?? "") as { l?: unknown; s?: unknown };
    return typeof parsed.l === "string" && typeof parsed.s === "string"
      ? { learnerId: parsed.l, stepKey: parsed.s }
      : null;
  } catch {
    return null;
  }
}

export interface LearnerLabel {
  code: string;
  classLabel: string;
  schoolName: string;
}

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const button = (actionId: string, label: string, value: string, style?: "primary" | "danger") => ({
  type: "button" as const,
  action_id: actionId,
  text: { type: "plain_text" as const, text: label.slice(0, 75) },
  value,
  ...(style ? { style } : {}),
});

export function buildParentContactTask(input: {
  locale: Locale;
  learner: LearnerLabel;
  date: string;
  due: string;
  outOfFamilyCare: boolean;
  legalPoint: string;
  value: StepButtonValue;
}): SlackMessage {
  const { locale, learner } = input;
  const text = t(locale, "absence.parentContact", {
    learner: learner.code,
    class: learner.classLabel,
    date: input.date,
    whom: t(locale, input.outOfFamilyCare ? "absence.whom.outOfFamily" : "absence.whom.parents"),
    due: formatRigaDateTime(input.due, locale),
    point: input.legalPoint,
  });
  const value = encodeStepButton(input.value);
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        elements: [
          button(ABSENCE_CONTACTS_ACTION, t(locale, "absence.showContacts"), value),
          button(ABSENCE_CONTACTED_ACTIONS.JUSTIFIED, t(locale, "absence.outcome.JUSTIFIED"), value, "primary"),
          button(ABSENCE_CONTACTED_ACTIONS.UNJUSTIFIED, t(locale, "absence.outcome.UNJUSTIFIED"), value),
          button(ABSENCE_CONTACTED_ACTIONS.UNREACHABLE, t(locale, "absence.outcome.UNREACHABLE"), value, "danger"),
        ],
      },
    ],
  };
}

export function buildViisTask(input: {
  locale: Locale;
  learner: LearnerLabel;
  count: number;
  legalPoint: string;
  value: StepButtonValue;
}): SlackMessage {
  const text = t(input.locale, "absence.viisEntry", {
    learner: input.learner.code,
    class: input.learner.classLabel,
    count: input.count,
    point: input.legalPoint,
  });
  const value = encodeStepButton(input.value);
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        elements: [
          button(ABSENCE_VIIS_ACTION, t(input.locale, "absence.viisDone"), value, "primary"),
          button(ABSENCE_RESOLVED_ACTION, t(input.locale, "absence.resolved"), value),
        ],
      },
    ],
  };
}

export function buildReferralTask(input: {
  locale: Locale;
  learner: LearnerLabel;
  email: string;
  legalPoint: string;
  value: StepButtonValue;
}): SlackMessage {
  const text = t(input.locale, "absence.referral", {
    learner: input.learner.code,
    class: input.learner.classLabel,
    email: input.email,
    point: input.legalPoint,
  });
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        elements: [
          button(
            ABSENCE_REFERRAL_SENT_ACTION,
            t(input.locale, "absence.referralSent"),
            encodeStepButton(input.value),
            "primary",
          ),
        ],
      },
    ],
  };
}

export function buildAcknowledgementTask(input: {
  locale: Locale;
  learnerRef: string;
  schoolName: string;
  due: string;
  legalPoint: string;
  value: StepButtonValue;
}): SlackMessage {
  const text = t(input.locale, "absence.ack", {
    learner: input.learnerRef,
    school: input.schoolName,
    due: formatRigaDateTime(input.due, input.locale),
    point: input.legalPoint,
  });
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        elements: [
          button(ABSENCE_ACK_ACTION, t(input.locale, "absence.ackDone"), encodeStepButton(input.value), "primary"),
        ],
      },
    ],
  };
}

/** A small form for the text a step needs (the remedial action for VIIS, the referral's document number). */
export function buildStepTextModal(input: {
  locale: Locale;
  kind: "VIIS_ENTERED" | "REFERRAL_SENT";
  value: StepButtonValue;
}): ModalView {
  const label = t(input.locale, input.kind === "VIIS_ENTERED" ? "absence.remedial" : "absence.documentRef");
  return {
    type: "modal",
    callback_id: ABSENCE_STEP_CALLBACK,
    private_metadata: JSON.stringify({ ...input.value, kind: input.kind }),
    title: {
      type: "plain_text",
      text: t(input.locale, input.kind === "VIIS_ENTERED" ? "absence.viisDone" : "absence.referralSent").slice(0, 24),
    },
    submit: { type: "plain_text", text: t(input.locale, "report.submit") },
    close: { type: "plain_text", text: t(input.locale, "report.cancel") },
    blocks: [
      {
        type: "input",
        block_id: ABSENCE_TEXT_BLOCK,
        label: { type: "plain_text", text: label.slice(0, 75) },
        element: {
          type: "plain_text_input",
          action_id: ABSENCE_TEXT_ACTION,
          multiline: input.kind === "VIIS_ENTERED",
          max_length: 500,
        },
      },
    ],
  };
}
