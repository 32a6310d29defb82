// Continue-as-new, cancellation, termination and description.
import { CancellationScope, continueAsNew, isCancellation, sleep, workflowInfo } from "@temporalio/workflow";

/** Counts to `target`, continuing as new after each step; returns the count and the number of runs. */
export async function countWithContinueAsNew(count: number, target: number, runs = 1): Promise<string> {
  if (count >= target)
    return `count ${count} after ${runs} runs (continued from ${workflowInfo().continuedFromExecutionRunId ? "a previous run" : "nothing"})`;
  await sleep("1 hour");
  await continueAsNew<typeof countWithContinueAsNew>(count + 1, target, runs + 1);
  throw new Error("unreachable");
}

/** Sleeps a long time; on cancellation runs clean-up in a non-cancellable scope and rethrows. */
export async function cancellableSleeper(): Promise<string> {
  try {
    await sleep("30 days");
    return "woke up";
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(() => sleep("1 second"));
    }
    throw err;
  }
}
