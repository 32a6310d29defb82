import { WorkflowIdConflictPolicy, type Client } from "@temporalio/client";
import { errorMessage, type Logger } from "../../prisma/runtime/logger.js";
import { scheduledJob, type ScheduledJobInput } from "../../workflows/scheduled-job.js";
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

/** The calendar watchdog's schedule: 15 April and 1 May, 09:00 Riga time (MK 89 deadlines need next year's days). */
export const CALENDAR_WATCHDOG: ScheduledJobInput = {
  spec: { months: [4, 5], daysOfMonth: [15, 1], hours: [9] },
  action: { kind: "activity", name: "checkNextYearCalendars" },
};
export const CALENDAR_WATCHDOG_ID = "scheduled-job:school-calendar-watchdog";

/**
 * Starts the calendar watchdog once (a fixed id and USE_EXISTING: starting it on every bot start is harmless).
 * It alerts each municipality's education specialist when next school year's calendar is missing by 1 May.
 */
export async function ensureCalendarWatchdog(client: Client, taskQueue: string): Promise<void> {
  await client.workflow.start(scheduledJob, {
    workflowId: CALENDAR_WATCHDOG_ID,
    taskQueue,
    args: [CALENDAR_WATCHDOG],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}

/**
 * The reconciliation job's schedule: every 15 minutes, the worker compares open cases with Temporal and restarts
 * a workflow that was never started or has vanished (activities/reconcile-workflows.ts). Started like the
 * calendar watchdog: once, with a fixed id.
 */
export const WORKFLOW_RECONCILIATION: ScheduledJobInput = {
  spec: { hours: Array.from({ length: 24 }, (_, h) => h), minutes: [7, 22, 37, 52] },
  action: { kind: "activity", name: "reconcileWorkflows", startToCloseTimeout: "10 minutes" },
};
export const WORKFLOW_RECONCILIATION_ID = "scheduled-job:workflow-reconciliation";

export async function ensureWorkflowReconciliation(client: Client, taskQueue: string): Promise<void> {
  await client.workflow.start(scheduledJob, {
    workflowId: WORKFLOW_RECONCILIATION_ID,
    taskQueue,
    args: [WORKFLOW_RECONCILIATION],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
}
