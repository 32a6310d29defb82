// Activities used by the conformance workflows. Each reads its behaviour from its arguments, so tests need
// no shared mutable state between the worker and the assertions.
import { ApplicationFailure, CancelledFailure, Context, activityInfo } from "@temporalio/activity";

export async function greet(name: string): Promise<string> {
  return `Hello, ${name}!`;
}

/** Fails the first `failures` attempts, then reports the attempt that succeeded. */
export async function flaky(failures: number): Promise<number> {
  const { attempt } = activityInfo();
  if (attempt <= failures) throw ApplicationFailure.retryable(`attempt ${attempt} failed`, "Flaky");
  return attempt;
}

export async function rejectForGood(): Promise<never> {
  throw ApplicationFailure.nonRetryable("this input can never work", "InvalidInput");
}

/** Sleeps (cancellably) for `ms` milliseconds of real time. */
export async function sleepActivity(ms: number): Promise<string> {
  await Context.current().sleep(ms);
  return "slept";
}

/** Heartbeats until cancelled and reports the cancellation as the result the workflow sees. */
export async function heartbeatUntilCancelled(): Promise<string> {
  const ctx = Context.current();
  for (;;) {
    ctx.heartbeat("beat");
    try {
      await ctx.sleep(100);
    } catch (err) {
      if (err instanceof CancelledFailure) throw err;
      throw err;
    }
  }
}

/** First attempt records progress in a heartbeat and fails; the retry resumes from the heartbeat details. */
export async function resumeFromHeartbeat(): Promise<string> {
  const ctx = Context.current();
  const previous = ctx.info.heartbeatDetails as number | undefined;
  if (ctx.info.attempt === 1) {
    ctx.heartbeat(41);
    await ctx.sleep(50); // heartbeats are throttled; give the first one time to reach the server
    throw ApplicationFailure.retryable("crash after progress");
  }
  return `resumed at ${String(previous)} on attempt ${ctx.info.attempt}`;
}

/** The job a scheduled-job test runs: echoes the fire time it was given. */
export async function recordFire(label: string, fireTime: string): Promise<string> {
  return `${label}@${fireTime}`;
}
