import { ApplicationFailure } from "@temporalio/activity";
import type { SlackMessage } from "../bot/slack/blocks/case-messages.js";
import type { Prisma, PrismaClient } from "../prisma/client.js";
import type { Logger } from "../prisma/runtime/logger.js";
import { classifySlackError, type SlackSender } from "./slack-sender.js";

export interface OutgoingMessage {
  /** Stable per message: the same key is delivered at most once, however often the activity is retried. */
  idempotencyKey: string;
  workspaceId: string;
  /** Slack channel id, or a user id for a direct message. */
  target: string;
  message: SlackMessage;
  /** Edit the message delivered earlier under this key instead of posting a new one. */
  replaces?: string;
}

/**
 * Chat messages are written to the database first and then sent; a row marked SENT is never sent again. A
 * crash between Slack's answer and our write can still repeat one message, the narrowest window possible
 * without an idempotency key on Slack's side.
 */
export function createOutbox(deps: { prisma: PrismaClient; slack: SlackSender | null; logger: Logger }) {
  const { prisma, slack, logger } = deps;

  async function deliver(out: OutgoingMessage): Promise<void> {
    const row = await prisma.outboxMessage.upsert({
      where: { idempotencyKey: out.idempotencyKey },
      create: {
        idempotencyKey: out.idempotencyKey,
        platform: "SLACK",
        workspaceId: out.workspaceId,
        target: out.target,
        payload: { ...out.message, replaces: out.replaces ?? null } as unknown as Prisma.InputJsonObject,
      },
      update: {},
      select: { id: true, status: true },
    });
    if (row.status === "SENT") return;
    if (!slack) {
      logger.info("outbox: Slack not connected, message kept for later", { key: out.idempotencyKey });
      return;
    }
    try {
      let externalMessageId: string;
      const original = out.replaces
        ? await prisma.outboxMessage.findUnique({
            where: { idempotencyKey: out.replaces },
            select: { externalMessageId: true },
          })
        : null;
      if (original?.externalMessageId) {
        const [channel, ts] = original.externalMessageId.split("|") as [string, string];
        await slack.update(channel, ts, out.message);
        externalMessageId = original.externalMessageId;
      } else {
        const posted = await slack.post(out.target, out.message);
        externalMessageId = `${posted.channel}|${posted.ts}`;
      }
      await prisma.outboxMessage.update({
        where: { id: row.id },
        data: { status: "SENT", sentAt: new Date(), externalMessageId, attempts: { increment: 1 }, lastError: null },
      });
    } catch (error) {
      const failure = classifySlackError(error);
      await prisma.outboxMessage.update({
        where: { id: row.id },
        data: {
          attempts: { increment: 1 },
          lastError: failure.message,
          status: failure.retryable ? "PENDING" : "FAILED",
        },
      });
      logger.warn("outbox: delivery failed", {
        key: out.idempotencyKey,
        error: failure.message,
        retryable: failure.retryable,
      });
      if (!failure.retryable) throw ApplicationFailure.nonRetryable(failure.message, "UNDELIVERABLE");
      throw ApplicationFailure.retryable(failure.message, "DELIVERY_RETRY");
    }
  }

  return { deliver };
}

export type Outbox = ReturnType<typeof createOutbox>;
