// Read-side RPCs: history (including the long polls the client's result() and the worker's history fetches
// use), describe and list.
import type { ServerCall } from "./grpc-wiring.js";
import type { Engine } from "./engine.js";
import { pendingActivities } from "./activities.js";
import { invalidArgument } from "./rpc-error.js";
import { type IHistoryEvent, duration, durationMs, int64, timestamp, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import type { WorkflowRun } from "./run.js";

type HistoryRequest = temporal.api.workflowservice.v1.IGetWorkflowExecutionHistoryRequest;
const CLOSE_EVENT = enums.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT;
/** A history long poll answers empty (with a page token to continue) after this long. */
const LONG_POLL_MS = 20_000;

export async function getWorkflowExecutionHistory(engine: Engine, req: HistoryRequest, call: ServerCall) {
  const run = engine.getRun(req.namespace || "default", req.execution?.workflowId, req.execution?.runId);
  const token = req.nextPageToken?.length ? Number(Buffer.from(req.nextPageToken).toString("utf8")) : 1;
  if (!Number.isInteger(token) || token < 1) throw invalidArgument("invalid next page token");
  const wait = !!req.waitNewEvent;
  let cancelled = false;
  call.on("cancelled", () => (cancelled = true));
  const deadline = Date.now() + LONG_POLL_MS;

  if (req.historyEventFilterType === CLOSE_EVENT) {
    while (wait && run.open && !cancelled && Date.now() < deadline) await run.waitForChange(deadline - Date.now());
    const close = run.closeEvent;
    if (close) return { history: { events: [close] } };
    // Page tokens are only for long polls: a plain read that got one back would loop forever.
    return { history: { events: [] }, nextPageToken: wait ? Buffer.from("1") : null };
  }

  while (wait && run.open && run.lastEventId < token && !cancelled && Date.now() < deadline) {
    await run.waitForChange(deadline - Date.now());
  }
  const events: IHistoryEvent[] = run.history.slice(token - 1);
  const more = wait && run.open;
  return {
    history: { events },
    nextPageToken: more ? Buffer.from(String(run.lastEventId + 1)) : null,
  };
}

export function executionInfo(run: WorkflowRun) {
  const parent = run.parent;
  return {
    execution: { workflowId: run.workflowId, runId: run.runId },
    type: run.started.workflowType,
    startTime: timestamp(run.startTimeMs),
    closeTime: run.open ? null : timestamp(run.closeTimeMs),
    status: run.status,
    historyLength: int64(run.lastEventId),
    executionTime: timestamp(run.startTimeMs),
    memo: run.started.memo,
    searchAttributes: run.started.searchAttributes,
    taskQueue: run.taskQueue,
    parentNamespaceId: parent?.namespace ?? "",
    parentExecution: parent ? { workflowId: parent.workflowId, runId: parent.runId } : null,
    firstRunId: run.firstRunId,
    stateTransitionCount: int64(run.lastEventId),
    executionDuration: run.open ? null : duration(run.closeTimeMs - run.startTimeMs),
    rootExecution: { workflowId: run.workflowId, runId: run.runId },
  };
}

export function describeWorkflowExecution(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IDescribeWorkflowExecutionRequest,
) {
  const run = engine.getRun(req.namespace || "default", req.execution?.workflowId, req.execution?.runId);
  return {
    executionConfig: {
      taskQueue: { name: run.taskQueue, kind: enums.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      workflowExecutionTimeout: run.started.workflowExecutionTimeout,
      workflowRunTimeout: run.started.workflowRunTimeout,
      defaultWorkflowTaskTimeout: duration(durationMs(run.started.workflowTaskTimeout)),
    },
    workflowExecutionInfo: executionInfo(run),
    pendingActivities: pendingActivities(run),
    pendingChildren: [...run.children.values()].map((c) => ({
      workflowId: c.workflowId,
      runId: c.runId,
      workflowTypeName: c.workflowType,
      initiatedId: int64(c.initiatedEventId),
      parentClosePolicy: c.parentClosePolicy,
    })),
    pendingWorkflowTask: run.wft
      ? {
          state: run.wft.startedEventId
            ? enums.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED
            : enums.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_SCHEDULED,
          attempt: run.wft.attempt,
        }
      : null,
  };
}

/**
 * ListWorkflowExecutions with a deliberately small query language: only `WorkflowId = '…'`,
 * `WorkflowType = '…'` and `ExecutionStatus = '…'` joined by AND (enough for tests; no visibility store).
 */
export function listWorkflowExecutions(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IListWorkflowExecutionsRequest,
) {
  const filters: Array<(r: WorkflowRun) => boolean> = [];
  const query = (req.query ?? "").trim();
  if (query) {
    for (const clause of query.split(/\s+AND\s+/i)) {
      const m = /^(WorkflowId|WorkflowType|ExecutionStatus)\s*=\s*['"](.*)['"]$/.exec(clause.trim());
      if (!m) throw invalidArgument(`unsupported list query: ${clause}`);
      const [, field, value] = m;
      if (field === "WorkflowId") filters.push((r) => r.workflowId === value);
      else if (field === "WorkflowType") filters.push((r) => r.workflowType === value);
      else filters.push((r) => enums.WorkflowExecutionStatus[r.status]?.endsWith(`_${value!.toUpperCase()}`) ?? false);
    }
  }
  const runs = engine.listRuns(req.namespace || "default").filter((r) => filters.every((f) => f(r)));
  runs.sort((a, b) => b.startTimeMs - a.startTimeMs);
  return {
    executions: runs.map(executionInfo),
  };
}
