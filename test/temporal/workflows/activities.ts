// Workflows driving activities with explicit options (retries, timeouts, heartbeats, cancellation).
import { type ActivityOptions, CancellationScope, isCancellation, proxyActivities, sleep } from "@temporalio/workflow";
import type * as activities from "../activities.js";

type Activities = typeof activities;

/** Calls one activity with the given options and returns its result. */
export async function callActivity(
  name: keyof Activities,
  args: unknown[],
  options: ActivityOptions,
): Promise<unknown> {
  const acts = proxyActivities<Activities>(options) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  return await acts[name]!(...args);
}

/** Starts a heartbeating activity, cancels it after `afterMs`, and reports how it ended. */
export async function cancelActivityAfter(afterMs: number): Promise<string> {
  const { heartbeatUntilCancelled } = proxyActivities<Activities>({
    startToCloseTimeout: "1 minute",
    heartbeatTimeout: "1 second",
    cancellationType: "WAIT_CANCELLATION_COMPLETED",
  });
  const scope = new CancellationScope();
  const running = scope.run(() => heartbeatUntilCancelled());
  await sleep(afterMs);
  scope.cancel();
  try {
    await running;
    return "completed";
  } catch (err) {
    return isCancellation(err) ? "cancelled" : `failed: ${(err as Error).message}`;
  }
}
