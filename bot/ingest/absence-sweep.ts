import { errorMessage, type Logger } from "../../prisma/runtime/logger.js";
import type { AbsenceDispatcher } from "./absence-dispatch.js";

/**
 * Every few seconds the bot looks for absence batches nobody dispatched yet (CLI imports, a request that
 * crashed between import and dispatch, Temporal briefly unreachable) and signals their learners' escalation
 * workflows. Dispatching is idempotent, so two bot replicas sweeping at once cost a little work, not a doubled
 * task. The dispatcher is passed in: the sweep only decides when, never how.
 */
export function startAbsenceSweep(options: {
  dispatcher: Pick<AbsenceDispatcher, "dispatchPending">;
  logger: Logger;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = options.dispatcher.dispatchPending().then(
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
    },
  };
}
