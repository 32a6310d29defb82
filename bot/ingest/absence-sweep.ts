import { Client, Connection } from "@temporalio/client";
import type { PrismaClient } from "../prisma/client.js";
import { errorMessage, type Logger } from "../prisma/runtime/logger.js";
import { createAbsenceDispatcher } from "./absence-dispatch.js";

/**
 * Every few seconds the worker looks for absence batches nobody dispatched yet (CLI imports, a bot that crashed
 * between import and dispatch) and signals their learners' escalation workflows. Dispatching is idempotent, so
 * two workers sweeping at once cost a little work, not a doubled task.
 */
export async function startAbsenceSweep(options: {
  address: string;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
  logger: Logger;
  intervalMs?: number;
}): Promise<{ stop(): Promise<void> }> {
  const connection = await Connection.connect({ address: options.address });
  const dispatcher = createAbsenceDispatcher({
    prisma: options.prisma,
    temporal: new Client({ connection, namespace: options.namespace }),
    taskQueue: options.taskQueue,
  });
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = dispatcher.dispatchPending().then(
      (signalled) => {
        if (signalled) options.logger.info("absence batches dispatched", { learners: signalled });
      },
      (error: unknown) => options.logger.warn("absence sweep failed; will retry", { error: errorMessage(error) }),
    );
  };
  sweep();
  const timer = setInterval(() => {
    void running.then(sweep);
  }, options.intervalMs ?? 10_000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await connection.close();
    },
  };
}
