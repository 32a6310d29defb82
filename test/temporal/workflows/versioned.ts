// Version 1 of a workflow whose changed version lives in ../workflows-changed (nondeterminism tests).
import { proxyActivities, sleep } from "@temporalio/workflow";
import type * as activities from "../activities.js";

const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: "10 seconds" });

export async function versionedGreeting(name: string): Promise<string> {
  await sleep("1 day");
  return await greet(name);
}
