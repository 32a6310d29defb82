// Child workflows.
import { ApplicationFailure, executeChild, workflowInfo } from "@temporalio/workflow";

export async function childDouble(n: number): Promise<number> {
  if (n < 0) throw ApplicationFailure.nonRetryable("negative input", "BadInput");
  return n * 2;
}

/** Runs a child per input and sums the results; reports a child's failure as its message. */
export async function parentSum(inputs: number[]): Promise<string> {
  let sum = 0;
  for (const [i, n] of inputs.entries()) {
    try {
      sum += await executeChild(childDouble, { args: [n], workflowId: `${workflowInfo().workflowId}-child-${i}` });
    } catch (err) {
      const cause = (err as { cause?: Error }).cause;
      return `child ${i} failed: ${cause?.message ?? (err as Error).message}`;
    }
  }
  return `sum ${sum}`;
}
