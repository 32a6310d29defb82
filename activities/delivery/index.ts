import type { PrismaClient } from "../../prisma/client.js";
import { createDirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import type { Logger } from "../../prisma/runtime/logger.js";
import { createDrainer, type DrainerOptions } from "./drainer.js";
import { createOperatorAlerts } from "./operator-alerts.js";
import { createOutbox } from "./outbox.js";
import type { ChatTransport } from "./transport.js";

/**
 * The delivery queue as the worker runs it: the outbox that activities write to, the operator alerts, and a drainer
 * over the connected platforms' transports that wakes whenever a row is written in this process.
 */
export function createDelivery(
  options: { prisma: PrismaClient; transports: ChatTransport[]; logger: Logger } & Partial<
    Pick<DrainerOptions, "now" | "pollMs" | "batchSize" | "leaseMs" | "maxBackoffMs">
  >,
) {
  const { prisma, logger } = options;
  const outbox = createOutbox({ prisma });
  const alerts = createOperatorAlerts({
    prisma,
    outbox,
    directory: createDirectoryRepository(prisma),
    logger: logger.child("alerts"),
  });
  const drainer = createDrainer({ ...options, alerts, logger: logger.child("drainer") });
  outbox.onEnqueued(() => drainer.wake());
  return { outbox, alerts, drainer };
}

export type Delivery = ReturnType<typeof createDelivery>;
