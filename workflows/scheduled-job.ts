/**
 * A scheduled job as a long-running workflow: sleep until the calendar spec's next fire time, run the job
 * (an activity or a child workflow), repeat; continue-as-new every few fires so the history stays short.
 * This replaces Temporal Schedules (see docs/temporal-test-server.md): it behaves the same on a real cluster
 * and on the offline test server, and time-skipping tests can fast-forward it.
 *
 * Start it once per job with a fixed workflow id (e.g. `scheduled-job:weekly-absence-report`) and
 * WorkflowIdConflictPolicy USE_EXISTING, so deploying twice does not start two schedules.
 */
import { continueAsNew, executeChild, proxyActivities, sleep, workflowInfo } from "@temporalio/workflow";
import { type CalendarSpec, nextFireTime } from "./domain/schedule-spec.js";

export type ScheduledAction =
  | { kind: "activity"; name: string; args?: unknown[]; startToCloseTimeout?: string }
  | { kind: "child"; workflowType: string; args?: unknown[] };

export interface ScheduledJobInput {
  spec: CalendarSpec;
  action: ScheduledAction;
  /** Fires per run before continuing as new (default 25). */
  firesPerRun?: number;
  /** Stop after this many fires in total (absent: run forever). */
  maxFires?: number;
  /** Carried across continue-as-new. */
  firedCount?: number;
  /** ISO instants of the latest fires (at most 10), carried across continue-as-new. */
  recentFires?: string[];
}

export interface ScheduledJobResult {
  firedCount: number;
  recentFires: string[];
}

const RECENT = 10;

export async function scheduledJob(input: ScheduledJobInput): Promise<ScheduledJobResult> {
  let firedCount = input.firedCount ?? 0;
  let recentFires = input.recentFires ?? [];
  const firesPerRun = input.firesPerRun ?? 25;
  for (let i = 0; i < firesPerRun; i++) {
    if (input.maxFires !== undefined && firedCount >= input.maxFires) return { firedCount, recentFires };
    // Date.now() in a workflow is the deterministic workflow clock, replayed from history.
    const now = new Date(Date.now());
    const fireAt = nextFireTime(input.spec, now);
    await sleep(fireAt.getTime() - now.getTime());
    const fireTime = fireAt.toISOString();
    await runAction(input.action, fireTime);
    firedCount += 1;
    recentFires = [...recentFires, fireTime].slice(-RECENT);
  }
  if (input.maxFires !== undefined && firedCount >= input.maxFires) return { firedCount, recentFires };
  return await continueAsNew<typeof scheduledJob>({ ...input, firedCount, recentFires });
}

/** The job receives the scheduled fire time as its last argument (not the time it actually ran). */
async function runAction(action: ScheduledAction, fireTime: string): Promise<void> {
  const args = [...(action.args ?? []), fireTime];
  if (action.kind === "activity") {
    const activities = proxyActivities<Record<string, (...a: unknown[]) => Promise<unknown>>>({
      startToCloseTimeout: (action.startToCloseTimeout ?? "10 minutes") as "10 minutes",
    });
    await activities[action.name]!(...args);
  } else {
    await executeChild(action.workflowType, { args, workflowId: `${workflowInfo().workflowId}@${fireTime}` });
  }
}
