import type { Message } from "../../bot/core/messages/model.js";
import type { Prisma, PrismaClient } from "../../prisma/client.js";
import type { ChatAddress } from "../../prisma/repositories/directory-repository.js";
import { conversationKeyOf } from "./conversation.js";

export interface OutgoingMessage {
  /** Stable per message: the same key is queued once, however often the activity that queues it is retried. */
  idempotencyKey: string;
  address: ChatAddress;
  message: Message;
  /** Not sent before this instant (quiet hours, a digest); now when absent. */
  notBefore?: Date;
  /** Edit the message queued earlier under this key instead of posting a new one. */
  replaces?: string;
}

/**
 * The writing side of the delivery queue. Notification activities only write rows here: a database insert, so
 * they are quick and never fail because a chat platform is down. The worker's drainer sends them.
 */
export function createOutbox(deps: { prisma: PrismaClient }) {
  const listeners = new Set<() => void>();

  async function enqueue(out: OutgoingMessage): Promise<void> {
    const created = await deps.prisma.outboxMessage.createMany({
      data: [
        {
          idempotencyKey: out.idempotencyKey,
          platform: out.address.platform,
          address: out.address as unknown as Prisma.InputJsonObject,
          conversationKey: conversationKeyOf(out.address),
          payload: out.message as unknown as Prisma.InputJsonObject,
          replacesKey: out.replaces ?? null,
          ...(out.notBefore ? { notBefore: out.notBefore } : {}),
        },
      ],
      skipDuplicates: true,
    });
    if (created.count > 0) for (const listener of listeners) listener();
  }

  return {
    enqueue,
    /** Called after a new row is written, so a drainer in the same process sends it without waiting for its poll. */
    onEnqueued(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
