// The neutral message model → Slack Block Kit. The only place (with modal.ts and home.ts) that knows Block Kit.

import type { ActionsBlock, Button as SlackButton, KnownBlock } from "@slack/types";
import { encodeIntent } from "../../core/messages/intents.js";
import type { Block, Button, Confirmation, Message } from "../../core/messages/model.js";
import { intentActionId } from "../ids.js";
import { SLACK_LIMITS as L } from "./limits.js";
import { escapeMrkdwn, fit, packLines, spansToMrkdwn } from "./mrkdwn.js";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const plainText = (text: string, max: number) => ({ type: "plain_text" as const, text: fit(text, max), emoji: true });

function confirmObject(confirm: Confirmation) {
  return {
    title: plainText(confirm.title, L.confirmTitle),
    text: plainText(confirm.text, L.confirmText),
    confirm: plainText(confirm.confirm, L.confirmButton),
    deny: plainText(confirm.deny, L.confirmButton),
  };
}

function slackButton(button: Button, index: number): SlackButton {
  const value = encodeIntent(button.intent);
  if (value.length > L.buttonValue) throw new Error(`intent ${button.intent.kind} too long for a Slack button`);
  return {
    type: "button",
    action_id: intentActionId(button.intent.kind, index),
    text: plainText(button.label, L.buttonText),
    value,
    ...(button.style === "default" ? {} : { style: button.style }),
    ...(button.confirm
      ? {
          confirm: {
            ...confirmObject(button.confirm),
            ...(button.style === "danger" ? { style: "danger" as const } : {}),
          },
        }
      : {}),
  };
}

/** Counts buttons across the whole message, so every action id in it is different. */
class ButtonCounter {
  private next = 0;
  take(): number {
    return this.next++;
  }
}

function renderBlock(block: Block, buttons: ButtonCounter): KnownBlock[] {
  switch (block.kind) {
    case "heading":
      return [{ type: "header", text: plainText(block.text, L.headerText) }];
    case "text":
      return packLines(spansToMrkdwn(block.spans), L.sectionText).map((text) => ({
        type: "section",
        text: { type: "mrkdwn", text },
      }));
    case "facts": {
      const out: KnownBlock[] = [];
      for (let i = 0; i < block.facts.length; i += L.sectionFields)
        out.push({
          type: "section",
          fields: block.facts.slice(i, i + L.sectionFields).map((f) => ({
            type: "mrkdwn" as const,
            text: fit(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, L.fieldText),
          })),
        });
      return out;
    }
    case "context":
      return [
        { type: "context", elements: [{ type: "mrkdwn", text: fit(spansToMrkdwn(block.spans), L.contextText) }] },
      ];
    case "actions": {
      const out: ActionsBlock[] = [];
      const rendered = block.buttons.map((b) => slackButton(b, buttons.take()));
      for (let i = 0; i < rendered.length; i += L.actionsElements)
        out.push({ type: "actions", elements: rendered.slice(i, i + L.actionsElements) });
      return out;
    }
  }
}

/** The message's blocks for any Slack surface, at most `maxBlocks` (the last one says that more was cut). */
export function renderSlackBlocks(message: Pick<Message, "blocks">, maxBlocks: number): KnownBlock[] {
  const buttons = new ButtonCounter();
  const blocks = message.blocks.flatMap((b) => renderBlock(b, buttons));
  if (blocks.length <= maxBlocks) return blocks;
  return [...blocks.slice(0, maxBlocks - 1), { type: "context", elements: [{ type: "mrkdwn", text: "…" }] }];
}

/** A chat message: the summary is Slack's `text` (notifications, screen readers), the blocks what people see. */
export function renderSlackMessage(message: Message): SlackMessage {
  return {
    text: fit(escapeMrkdwn(message.summary), L.notificationText),
    blocks: renderSlackBlocks(message, L.messageBlocks),
  };
}
