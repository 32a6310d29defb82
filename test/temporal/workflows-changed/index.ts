// A *changed* version of versionedGreeting: the activity now runs before the timer. Replaying a history
// recorded with version 1 must fail with a nondeterminism error.
import { proxyActivities, sleep } from "@temporalio/workflow";
import type * as activities from "../activities.js";

const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: "10 seconds" });

export async function versionedGreeting(name: string): Promise<string> {
  const greeting = await greet(name);
  await sleep("1 day");
  return greeting;
}
