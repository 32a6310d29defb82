import { composeOperatorAlert, type OperatorAlertView } from "../../bot/core/messages/composers/operator-alert.js";
import type { Prisma, PrismaClient } from "../../prisma/client.js";
import type { ChatPlatform } from "../../prisma/generated/enums.js";
import type { DirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import type { Logger } from "../../prisma/runtime/logger.js";
import type { Outbox } from "./outbox.js";

/** Messages about alerts are themselves queued under this prefix; their own failure is logged, never re-alerted. */
const ALERT_KEY_PREFIX = "alert:";

/**
 * Faults a person must see. Each is recorded once (OperatorAlert.dedupeKey), logged as an error, and posted to
 * the OPERATIONS channels (the municipality's and the deployment's). A workflow never fails because of one.
 */
export function createOperatorAlerts(deps: {
  prisma: PrismaClient;
  outbox: Outbox;
  directory: DirectoryRepository;
  logger: Logger;
}) {
  const { prisma, outbox, directory, logger } = deps;

  async function raise(input: {
    kind: OperatorAlertView["kind"];
    dedupeKey: string;
    detail: string;
    reference: string;
    municipalityId?: string | null;
    details?: Record<string, string>;
  }): Promise<boolean> {
    const message = `${input.kind}: ${input.reference} (${input.detail})`;
    const created = await prisma.operatorAlert.createMany({
      data: [
        {
          kind: input.kind,
          dedupeKey: input.dedupeKey,
          message,
          details: { ...input.details, reference: input.reference } as Prisma.InputJsonObject,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) return false;
    logger.error("operator alert", { kind: input.kind, reference: input.reference, detail: input.detail });
    for (const channel of await directory.operationsChannels({ municipalityId: input.municipalityId ?? null })) {
      await outbox.enqueue({
        idempotencyKey: `${ALERT_KEY_PREFIX}${input.dedupeKey}:${channel.kind === "CHANNEL" ? channel.channelId : ""}`,
        address: channel,
        message: composeOperatorAlert({ kind: input.kind, detail: input.detail, reference: input.reference }, "lv"),
      });
    }
    return true;
  }

  /** The municipality a failed message was for, so its own operations channel hears of it. */
  async function municipalityOf(outboxId: string): Promise<string | null> {
    const row = await prisma.outboxMessage.findUnique({ where: { id: outboxId }, select: { address: true } });
    const address = row?.address as { kind?: string; staffId?: string; channelId?: string } | undefined;
    if (address?.kind === "PERSON" && address.staffId) {
      const staff = await prisma.staffMember.findUnique({
        where: { id: address.staffId },
        select: { municipalityId: true },
      });
      return staff?.municipalityId ?? null;
    }
    if (address?.kind === "CHANNEL" && address.channelId) {
      const channel = await prisma.chatChannel.findUnique({
        where: { id: address.channelId },
        select: { municipalityId: true, school: { select: { municipalityId: true } } },
      });
      return channel?.municipalityId ?? channel?.school?.municipalityId ?? null;
    }
    return null;
  }

  return {
    raise,
    async deliveryFailed(input: { outboxId: string; idempotencyKey: string; platform: ChatPlatform; reason: string }) {
      if (input.idempotencyKey.startsWith(ALERT_KEY_PREFIX)) {
        logger.error("operator alert could not be delivered", { key: input.idempotencyKey, reason: input.reason });
        return;
      }
      await raise({
        kind: "DELIVERY_FAILED",
        dedupeKey: `delivery:${input.outboxId}`,
        detail: `${input.platform}: ${input.reason}`,
        reference: input.idempotencyKey,
        municipalityId: await municipalityOf(input.outboxId),
        details: { outboxId: input.outboxId, platform: input.platform },
      });
    },
  };
}

export type OperatorAlerts = ReturnType<typeof createOperatorAlerts>;
