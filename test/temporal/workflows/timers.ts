// Timer cancellation.
import { CancellationScope, isCancellation, sleep } from "@temporalio/workflow";

/** Starts a long timer and cancels it after a short one. */
export async function cancelLongTimer(): Promise<string> {
  const scope = new CancellationScope();
  const long = scope.run(() => sleep("1 day"));
  await sleep("1 second");
  scope.cancel();
  try {
    await long;
    return "fired";
  } catch (err) {
    return isCancellation(err) ? "cancelled" : "failed";
  }
}
