import { z } from "zod";
import type { Message } from "../../bot/core/messages/model.js";
import { Prisma, type PrismaClient } from "../../prisma/client.js";
import type { ChatPlatform } from "../../prisma/generated/enums.js";
import type { ChatAddress } from "../../prisma/repositories/directory-repository.js";
import { errorMessage, type Logger } from "../../prisma/runtime/logger.js";
import type { OperatorAlerts } from "./operator-alerts.js";
import { DeliveryError, type ChatTransport } from "./transport.js";

// The sending side of the delivery queue, run by the worker. It claims due rows with FOR UPDATE SKIP LOCKED (so
// any number of drainers share the queue without sending a row twice), takes only the oldest pending row of each
// conversation (so messages to one person or channel arrive in order), renders and sends each through its
// platform's transport, and records the outcome: SENT with the platform's reference, PENDING again with a back-off
// after a 429/5xx (honouring Retry-After), or FAILED with one operator alert. A claimed row is leased: if the
// worker is killed, the lease runs out and another drainer takes the row; a row whose send had started is "in
// doubt" and the transport looks for the earlier delivery before posting again.

const addressSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("PERSON"), platform: z.enum(["SLACK", "TEAMS"]), staffId: z.string() }),
  z.object({ kind: z.literal("CHANNEL"), platform: z.enum(["SLACK", "TEAMS"]), channelId: z.string() }),
]);

export interface DrainerOptions {
  prisma: PrismaClient;
  /** One per connected platform; rows for a platform without a transport wait until it is connected. */
  transports: ChatTransport[];
  alerts: OperatorAlerts;
  logger: Logger;
  /** The drainer's clock (a test drives it to skip an outage's hour); real time by default. */
  now?: () => Date;
  /** How often to look for due rows when nothing woke the drainer. */
  pollMs?: number;
  /** Rows claimed at once; each is a different conversation, sent concurrently. */
  batchSize?: number;
  /** How long a claim lasts before another drainer may take the row over. */
  leaseMs?: number;
  /** Longest back-off between two attempts. */
  maxBackoffMs?: number;
}

type ClaimedRow = {
  id: string;
  idempotencyKey: string;
  platform: ChatPlatform;
  address: unknown;
  payload: unknown;
  replacesKey: string | null;
  attempts: number;
  sendStartedAt: Date | null;
};

export interface Drainer {
  /** Claims and sends what is due now; resolves with the number of rows handled. */
  drainOnce(): Promise<number>;
  /** Look for work now instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for sends under way. */
  stop(): Promise<void>;
}

export function createDrainer(options: DrainerOptions): Drainer & { start(): void } {
  const { prisma, alerts, logger } = options;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
  const transports = new Map(options.transports.map((transport) => [transport.platform, transport]));
  const platforms = [...transports.keys()];

  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  async function claim(at: Date): Promise<ClaimedRow[]> {
    if (platforms.length === 0) return [];
    const leaseUntil = new Date(at.getTime() + leaseMs);
    // The head of each conversation's queue: a conversation whose head is leased or backing off waits entirely.
    return prisma.$queryRaw<ClaimedRow[]>`
      WITH heads AS (
        SELECT DISTINCT ON ("conversationKey") id
        FROM "OutboxMessage"
        WHERE status = 'PENDING' AND platform::text IN (${Prisma.join(platforms)})
        ORDER BY "conversationKey", seq
      ), due AS (
        SELECT o.id FROM "OutboxMessage" o JOIN heads h ON h.id = o.id
        WHERE o."notBefore" <= ${at} AND (o."leaseUntil" IS NULL OR o."leaseUntil" < ${at})
        ORDER BY o.seq
        LIMIT ${batchSize}
        FOR UPDATE OF o SKIP LOCKED
      )
      UPDATE "OutboxMessage" m SET "leaseUntil" = ${leaseUntil}, attempts = m.attempts + 1
      FROM due WHERE m.id = due.id
      RETURNING m.id, m."idempotencyKey", m.platform::text AS platform, m.address, m.payload, m."replacesKey",
        m.attempts, m."sendStartedAt"`;
  }

  function backoffMs(attempts: number, retryAfterMs: number | undefined): number {
    if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 1_000), maxBackoffMs);
    return Math.min(2_000 * 2 ** Math.max(0, attempts - 1), maxBackoffMs);
  }

  async function replacedReference(key: string | null): Promise<string | null> {
    if (!key) return null;
    const original = await prisma.outboxMessage.findUnique({
      where: { idempotencyKey: key },
      select: { externalMessageId: true },
    });
    return original?.externalMessageId ?? null;
  }

  async function send(row: ClaimedRow): Promise<void> {
    const transport = transports.get(row.platform)!;
    const address = addressSchema.safeParse(row.address);
    if (!address.success) return fail(row, "the stored address is not a valid neutral address");
    const startedAt = row.sendStartedAt ?? now();
    if (!row.sendStartedAt) {
      await prisma.outboxMessage.update({ where: { id: row.id }, data: { sendStartedAt: startedAt } });
    }
    try {
      const receipt = await transport.deliver({
        idempotencyKey: row.idempotencyKey,
        address: address.data as ChatAddress,
        message: row.payload as Message,
        replaces: await replacedReference(row.replacesKey),
        inDoubtSince: row.sendStartedAt,
      });
      await prisma.outboxMessage.update({
        where: { id: row.id },
        data: {
          status: "SENT",
          sentAt: now(),
          externalMessageId: receipt.externalMessageId,
          leaseUntil: null,
          lastError: null,
        },
      });
    } catch (error) {
      const failure =
        error instanceof DeliveryError
          ? error
          : new DeliveryError(errorMessage(error), { retryable: true, inDoubt: true });
      if (!failure.retryable) return fail(row, failure.message);
      const delay = backoffMs(row.attempts, failure.retryAfterMs);
      await prisma.outboxMessage.update({
        where: { id: row.id },
        data: {
          notBefore: new Date(now().getTime() + delay),
          leaseUntil: null,
          lastError: failure.message,
          // A refused call (429, 4xx) reached nobody; a timeout or a 5xx may have, so the next attempt checks first.
          sendStartedAt: failure.inDoubt ? startedAt : null,
        },
      });
      logger.warn("delivery: will retry", {
        key: row.idempotencyKey,
        platform: row.platform,
        attempts: row.attempts,
        retryInMs: delay,
        error: failure.message,
      });
    }
  }

  async function fail(row: ClaimedRow, reason: string): Promise<void> {
    await prisma.outboxMessage.update({
      where: { id: row.id },
      data: { status: "FAILED", failedAt: now(), leaseUntil: null, lastError: reason },
    });
    await alerts.deliveryFailed({
      outboxId: row.id,
      idempotencyKey: row.idempotencyKey,
      platform: row.platform,
      reason,
    });
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await claim(now());
      if (rows.length === 0) return handled;
      await Promise.all(
        rows.map((row) =>
          send(row).catch((error: unknown) => {
            // Our own database failed mid-send: the lease runs out and the row is claimed again.
            logger.error("delivery: could not record the outcome", {
              key: row.idempotencyKey,
              error: errorMessage(error),
            });
          }),
        ),
      );
      handled += rows.length;
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await drainOnce();
      } catch (error) {
        logger.error("delivery: drain failed", { error: errorMessage(error) });
      }
      if (!running) return;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  }

  return {
    drainOnce,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      loop = null;
    },
  };
}
