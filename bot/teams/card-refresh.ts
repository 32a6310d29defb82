// A card's current state, for Teams' `refresh` (Universal Actions): the newest version the delivery queue sent
// of the message the card shows. Only somebody who may see the message gets it: its addressee for a personal
// message, anyone in the conversation it was posted to for a channel's.

import { z } from "zod";
import type { KnownActor } from "../core/actor.js";
import type { Message } from "../core/messages/model.js";
import type { PrismaClient } from "../../prisma/client.js";

const addressSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("PERSON"), staffId: z.string() }),
  z.object({ kind: z.literal("CHANNEL"), channelId: z.string() }),
]);

export async function currentMessageOf(
  prisma: PrismaClient,
  input: { key: string; actor: KnownActor; conversationId: string },
): Promise<Message | null> {
  const first = await prisma.outboxMessage.findUnique({
    where: { idempotencyKey: input.key },
    select: { idempotencyKey: true, replacesKey: true, platform: true },
  });
  if (!first || first.platform !== "TEAMS") return null;
  const root = first.replacesKey ?? first.idempotencyKey;
  const latest = await prisma.outboxMessage.findFirst({
    where: { OR: [{ idempotencyKey: root }, { replacesKey: root }], status: "SENT" },
    orderBy: { seq: "desc" },
    select: { address: true, payload: true, externalMessageId: true },
  });
  if (!latest) return null;
  const address = addressSchema.safeParse(latest.address);
  if (!address.success) return null;
  if (address.data.kind === "PERSON" && address.data.staffId !== input.actor.staffId) return null;
  if (address.data.kind === "CHANNEL" && !latest.externalMessageId?.startsWith(`${input.conversationId}|`)) return null;
  return latest.payload as unknown as Message;
}
