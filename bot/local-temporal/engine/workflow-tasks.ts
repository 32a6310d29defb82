// Workflow tasks: scheduling, dispatch to the normal or the worker's sticky queue, completion (which applies
// the worker's commands), failure and timeout. A worker that has the run cached gets only the events after
// the last task it completed (sticky); any other worker gets the full history.
import type { Engine } from "./engine.js";
import { applyCommands } from "./commands.js";
import { answerTaskQueries, attachQueries, dispatchHeldQueries, requeueTaskQueries } from "./queries.js";
import { requestMessages, resendUpdatesOf, hasUndeliveredUpdates } from "./updates.js";
import { notFound } from "./rpc-error.js";
import { decodeToken, encodeToken } from "./task-token.js";
import { duration, durationMs, int64, timestamp, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import type { WorkflowRun, WorkflowTaskState } from "./run.js";

type CompletedRequest = temporal.api.workflowservice.v1.IRespondWorkflowTaskCompletedRequest;
type FailedRequest = temporal.api.workflowservice.v1.IRespondWorkflowTaskFailedRequest;
const TaskQueueKind = enums.TaskQueueKind;

function taskTimeoutMs(run: WorkflowRun): number {
  return durationMs(run.started.workflowTaskTimeout) || 10_000;
}

/** Schedules a workflow task unless one is already pending (there is at most one per run). */
export function scheduleWorkflowTask(engine: Engine, run: WorkflowRun): void {
  if (run.wft || !run.open) return;
  const sticky = run.sticky;
  const scheduledEventId = run.record(
    "workflowTaskScheduledEventAttributes",
    {
      taskQueue: sticky
        ? { name: sticky.queue, kind: TaskQueueKind.TASK_QUEUE_KIND_STICKY, normalName: run.taskQueue }
        : { name: run.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      startToCloseTimeout: duration(taskTimeoutMs(run)),
      attempt: run.nextWorkflowTaskAttempt,
    },
    engine.now(),
  );
  run.wft = { scheduledEventId, startedEventId: 0, attempt: run.nextWorkflowTaskAttempt, queryIds: [], updateIds: [] };
  enqueueWorkflowTask(engine, run, run.wft);
  engine.clock.poke();
}

function enqueueWorkflowTask(engine: Engine, run: WorkflowRun, wft: WorkflowTaskState): void {
  const sticky = run.sticky;
  const queue = sticky ? sticky.queue : run.taskQueue;
  engine.queues.add(run.namespace, "workflow", queue, {
    materialize: (identity) => startWorkflowTask(engine, run, wft, identity, !!sticky),
  });
  if (sticky) {
    // A sticky task nobody picks up in time goes to the normal queue, where any worker can replay it.
    engine.clock.after(sticky.timeoutMs, () => {
      if (run.wft === wft && wft.startedEventId === 0 && run.sticky === sticky) {
        run.sticky = undefined;
        enqueueWorkflowTask(engine, run, wft);
      }
    });
  }
}

/** Re-dispatches on the normal queue every task waiting on a sticky queue whose worker shut down. */
export function dropStickyQueue(engine: Engine, namespace: string, stickyQueue: string): void {
  engine.queues.drain(namespace, "workflow", stickyQueue);
  for (const run of engine.listRuns(namespace)) {
    if (run.sticky?.queue !== stickyQueue) continue;
    run.sticky = undefined;
    if (run.open && run.wft && run.wft.startedEventId === 0) enqueueWorkflowTask(engine, run, run.wft);
  }
  dispatchQueriesWaitingOn(engine, namespace, stickyQueue);
}

function dispatchQueriesWaitingOn(engine: Engine, namespace: string, stickyQueue: string): void {
  for (const query of engine.queries.values()) {
    if (query.namespace === namespace && query.queue === stickyQueue) query.redispatch();
  }
}

function startWorkflowTask(
  engine: Engine,
  run: WorkflowRun,
  wft: WorkflowTaskState,
  identity: string,
  viaSticky: boolean,
): object | undefined {
  if (!run.open || run.wft !== wft || wft.startedEventId !== 0) return undefined;
  const now = engine.now();
  wft.startedEventId = run.record(
    "workflowTaskStartedEventAttributes",
    { scheduledEventId: int64(wft.scheduledEventId), identity, requestId: `${run.runId}-${wft.scheduledEventId}` },
    now,
  );
  wft.timeout = engine.clock.after(taskTimeoutMs(run), () => timeoutWorkflowTask(engine, run, wft));
  const events = viaSticky ? run.history.slice(run.previousStartedEventId) : run.history;
  const scheduledEvent = run.history[wft.scheduledEventId - 1];
  return {
    taskToken: encodeToken({
      kind: "workflow",
      namespace: run.namespace,
      runId: run.runId,
      scheduledEventId: wft.scheduledEventId,
      attempt: wft.attempt,
    }),
    workflowExecution: { workflowId: run.workflowId, runId: run.runId },
    workflowType: run.started.workflowType,
    previousStartedEventId: int64(run.previousStartedEventId),
    startedEventId: int64(wft.startedEventId),
    attempt: wft.attempt,
    history: { events },
    workflowExecutionTaskQueue: { name: run.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    scheduledTime: scheduledEvent?.eventTime,
    startedTime: timestamp(now),
    queries: attachQueries(engine, run, wft),
    messages: requestMessages(run, wft),
  };
}

function taskOf(engine: Engine, token: Uint8Array | null | undefined): { run: WorkflowRun; wft: WorkflowTaskState } {
  const t = decodeToken(token);
  const run = t.kind === "workflow" ? engine.runs.get(t.runId) : undefined;
  const wft = run?.wft;
  if (
    t.kind !== "workflow" ||
    !run ||
    !run.open ||
    !wft ||
    wft.scheduledEventId !== t.scheduledEventId ||
    wft.attempt !== t.attempt ||
    wft.startedEventId === 0
  ) {
    throw notFound("Workflow task not found.");
  }
  return { run, wft };
}

export function completeWorkflowTask(engine: Engine, req: CompletedRequest): object {
  const { run, wft } = taskOf(engine, req.taskToken);
  wft.timeout?.cancel();
  const completedEventId = run.record(
    "workflowTaskCompletedEventAttributes",
    {
      scheduledEventId: int64(wft.scheduledEventId),
      startedEventId: int64(wft.startedEventId),
      identity: req.identity ?? "",
      binaryChecksum: req.binaryChecksum ?? "",
      workerVersion: req.workerVersionStamp,
      sdkMetadata: req.sdkMetadata,
      meteringMetadata: req.meteringMetadata,
    },
    engine.now(),
  );
  run.previousStartedEventId = wft.startedEventId;
  run.nextWorkflowTaskAttempt = 1;
  const stickyQueue = req.stickyAttributes?.workerTaskQueue?.name;
  run.sticky = stickyQueue
    ? { queue: stickyQueue, timeoutMs: durationMs(req.stickyAttributes?.scheduleToStartTimeout) || 5_000 }
    : undefined;
  answerTaskQueries(engine, wft, req.queryResults ?? {});
  run.wft = undefined;
  run.applyingCommands = true;
  let afterwards: Array<() => void> = [];
  try {
    afterwards = applyCommands(engine, run, req.commands ?? [], req.messages ?? [], completedEventId);
  } finally {
    run.applyingCommands = false;
  }
  if (run.open) {
    const needsTask = run.flushBuffered();
    if (needsTask || req.forceCreateNewWorkflowTask || hasUndeliveredUpdates(run)) scheduleWorkflowTask(engine, run);
  }
  // Effects on other runs (child starts, external signals) come after this run's own events are written.
  for (const action of afterwards) action();
  if (run.open) dispatchHeldQueries(engine, run);
  engine.clock.poke();
  return {};
}

export function failWorkflowTask(engine: Engine, req: FailedRequest): object {
  const { run, wft } = taskOf(engine, req.taskToken);
  run.record(
    "workflowTaskFailedEventAttributes",
    {
      scheduledEventId: int64(wft.scheduledEventId),
      startedEventId: int64(wft.startedEventId),
      cause: req.cause ?? 0,
      failure: req.failure,
      identity: req.identity ?? "",
      binaryChecksum: req.binaryChecksum ?? "",
    },
    engine.now(),
  );
  retryWorkflowTask(engine, run, wft);
  return {};
}

function timeoutWorkflowTask(engine: Engine, run: WorkflowRun, wft: WorkflowTaskState): void {
  if (run.wft !== wft || !run.open) return;
  run.record(
    "workflowTaskTimedOutEventAttributes",
    {
      scheduledEventId: int64(wft.scheduledEventId),
      startedEventId: int64(wft.startedEventId),
      timeoutType: enums.TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE,
    },
    engine.now(),
  );
  retryWorkflowTask(engine, run, wft);
}

/**
 * After a failed or timed-out task the next attempt goes to the normal queue with the full history (the
 * worker's cached state is not trusted any more). Repeated failures back off so a workflow broken by a
 * code change does not spin.
 */
function retryWorkflowTask(engine: Engine, run: WorkflowRun, wft: WorkflowTaskState): void {
  wft.timeout?.cancel();
  run.wft = undefined;
  run.sticky = undefined;
  run.nextWorkflowTaskAttempt = wft.attempt + 1;
  resendUpdatesOf(run, wft);
  requeueTaskQueries(run, wft);
  run.flushBuffered();
  const backoffMs = wft.attempt >= 2 ? Math.min(10_000, 1_000 * (wft.attempt - 1)) : 0;
  if (backoffMs === 0) scheduleWorkflowTask(engine, run);
  else setTimeout(() => scheduleWorkflowTask(engine, run), backoffMs).unref();
  dispatchHeldQueries(engine, run);
  engine.clock.poke();
}
