// Queries. With no workflow task pending, a query goes to a worker as a "legacy" query task (the sticky
// queue with the recent events if the run is cached somewhere, else the normal queue with the full history;
// also after the run closed). While a workflow task is pending, the query waits and rides on the next task,
// which keeps answers consistent with the history the worker has seen.
import type { ServerCall } from "./grpc-wiring.js";
import { randomUUID } from "node:crypto";
import type { Engine } from "./engine.js";
import { queryFailed } from "./rpc-error.js";
import { decodeToken, encodeToken } from "./task-token.js";
import { int64, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import type { WorkflowRun, WorkflowTaskState } from "./run.js";

type QueryRequest = temporal.api.workflowservice.v1.IQueryWorkflowRequest;
type QueryResponse = temporal.api.workflowservice.v1.IQueryWorkflowResponse;
const ResultType = enums.QueryResultType;
const TaskQueueKind = enums.TaskQueueKind;

export interface PendingQuery {
  id: string;
  namespace: string;
  runId: string;
  query: temporal.api.query.v1.IWorkflowQuery;
  /** The queue a legacy query task waits on, or "" while the query is held for a workflow task. */
  queue: string;
  /** Bumped on every dispatch and when a worker takes the task, so stale copies in other queues are dropped. */
  generation: number;
  settle(result: { answer?: temporal.api.common.v1.IPayloads | null; error?: string; failure?: object | null }): void;
  redispatch(): void;
}

export function queryWorkflow(engine: Engine, req: QueryRequest, call: ServerCall): Promise<QueryResponse> {
  const namespace = req.namespace ?? "default";
  const run = engine.getRun(namespace, req.execution?.workflowId, req.execution?.runId);
  const reject = req.queryRejectCondition ?? 0;
  const Reject = enums.QueryRejectCondition;
  const Status = enums.WorkflowExecutionStatus;
  if (
    (reject === Reject.QUERY_REJECT_CONDITION_NOT_OPEN && !run.open) ||
    (reject === Reject.QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY &&
      !run.open &&
      run.status !== Status.WORKFLOW_EXECUTION_STATUS_COMPLETED)
  ) {
    return Promise.resolve({ queryRejected: { status: run.status } });
  }
  return new Promise<QueryResponse>((resolve, reject) => {
    const query: PendingQuery = {
      id: randomUUID(),
      namespace,
      runId: run.runId,
      query: req.query ?? {},
      queue: "",
      generation: 0,
      settle: (result) => {
        engine.queries.delete(query.id);
        if (result.answer !== undefined && result.error === undefined) resolve({ queryResult: result.answer });
        else reject(queryFailed(result.error ?? "query failed", result.failure));
      },
      redispatch: () => dispatchLegacy(engine, query),
    };
    engine.queries.set(query.id, query);
    call.on("cancelled", () => engine.queries.delete(query.id));
    if (run.open && run.wft) run.heldQueryIds.push(query.id);
    else dispatchLegacy(engine, query);
  });
}

function dispatchLegacy(engine: Engine, query: PendingQuery): void {
  const run = engine.runs.get(query.runId);
  if (!run || !engine.queries.has(query.id)) return;
  const sticky = run.open ? run.sticky : undefined;
  query.queue = sticky ? sticky.queue : run.taskQueue;
  const generation = ++query.generation;
  engine.queues.add(run.namespace, "workflow", query.queue, {
    materialize: () => {
      if (!engine.queries.has(query.id) || query.generation !== generation) return undefined;
      query.generation += 1;
      query.queue = "";
      return {
        taskToken: encodeToken({ kind: "query", namespace: run.namespace, runId: run.runId, queryId: query.id }),
        workflowExecution: { workflowId: run.workflowId, runId: run.runId },
        workflowType: run.started.workflowType,
        previousStartedEventId: int64(run.previousStartedEventId),
        startedEventId: int64(run.previousStartedEventId),
        history: { events: sticky ? run.history.slice(run.previousStartedEventId) : run.history },
        query: query.query,
        workflowExecutionTaskQueue: { name: run.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      };
    },
  });
}

/** Queries held for the workflow task that is starting now. */
export function attachQueries(engine: Engine, run: WorkflowRun, wft: WorkflowTaskState): Record<string, object> {
  const attached: Record<string, object> = {};
  for (const id of run.heldQueryIds.splice(0)) {
    const query = engine.queries.get(id);
    if (!query) continue;
    wft.queryIds.push(id);
    attached[id] = query.query;
  }
  return attached;
}

/** Answers queries that rode on a completed workflow task; unanswered ones wait for the next chance. */
export function answerTaskQueries(
  engine: Engine,
  wft: WorkflowTaskState,
  results: Record<string, temporal.api.query.v1.IWorkflowQueryResult>,
): void {
  for (const id of wft.queryIds) {
    const query = engine.queries.get(id);
    if (!query) continue;
    const result = results[id];
    if (!result) {
      engine.runs.get(query.runId)?.heldQueryIds.push(id);
      continue;
    }
    if (result.resultType === ResultType.QUERY_RESULT_TYPE_ANSWERED) query.settle({ answer: result.answer ?? {} });
    else query.settle({ error: result.errorMessage ?? "query failed", failure: result.failure });
  }
}

/** After a workflow task finished: held queries go out now unless another task is already pending. */
export function dispatchHeldQueries(engine: Engine, run: WorkflowRun): void {
  if (run.open && run.wft) return;
  for (const id of run.heldQueryIds.splice(0)) {
    const query = engine.queries.get(id);
    if (query) dispatchLegacy(engine, query);
  }
}

export function requeueTaskQueries(run: WorkflowRun, wft: WorkflowTaskState): void {
  run.heldQueryIds.push(...wft.queryIds);
}

export function releaseQueriesOnClose(engine: Engine, run: WorkflowRun): void {
  dispatchHeldQueries(engine, run);
}

export function respondQueryTaskCompleted(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IRespondQueryTaskCompletedRequest,
): object {
  const token = decodeToken(req.taskToken);
  const query = token.kind === "query" ? engine.queries.get(token.queryId) : undefined;
  if (!query) return {};
  if (req.completedType === ResultType.QUERY_RESULT_TYPE_ANSWERED) query.settle({ answer: req.queryResult ?? {} });
  else query.settle({ error: req.errorMessage ?? "query failed", failure: req.failure });
  return {};
}
