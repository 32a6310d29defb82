// Small workflows exercising activities, timers, signals and queries.
import type { Duration } from "@temporalio/common";
import { condition, defineQuery, defineSignal, proxyActivities, setHandler, sleep } from "@temporalio/workflow";
import type * as activities from "../activities.js";

const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: "10 seconds" });

export async function greetAfterSleep(name: string, sleepMs: number): Promise<string> {
  const greeting = await greet(name);
  await sleep(sleepMs);
  return greeting;
}

/** Measures how much workflow time passed across a sleep. */
export async function sleepFor(ms: number): Promise<number> {
  const start = Date.now();
  await sleep(ms);
  return Date.now() - start;
}

export const approve = defineSignal<[string]>("approve");
export const status = defineQuery<string>("status");

/** Waits up to `timeout` for an approval signal. */
export async function awaitApproval(timeout: Duration): Promise<string> {
  let approvedBy: string | undefined;
  let state = "waiting";
  setHandler(approve, (who) => {
    approvedBy = who;
    state = `approved by ${who}`;
  });
  setHandler(status, () => state);
  const approved = await condition(() => approvedBy !== undefined, timeout);
  return approved ? `approved by ${approvedBy}` : "timed out";
}
