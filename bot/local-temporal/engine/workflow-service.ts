// The temporal.api.workflowservice.v1.WorkflowService handlers: a thin mapping from RPCs to the engine.
import type { Engine } from "./engine.js";
import type { ServiceHandlers } from "./grpc-wiring.js";
import {
  recordActivityTaskHeartbeat,
  respondActivityTaskCanceled,
  respondActivityTaskCompleted,
  respondActivityTaskFailed,
} from "./activities.js";
import { requestCancelWorkflow, signalWithStart, signalWorkflow, terminateWorkflow } from "./execution-requests.js";
import { queryWorkflow, respondQueryTaskCompleted } from "./queries.js";
import { describeWorkflowExecution, getWorkflowExecutionHistory, listWorkflowExecutions } from "./reads.js";
import { pollWorkflowExecutionUpdate, updateWorkflowExecution } from "./updates.js";
import { completeWorkflowTask, dropStickyQueue, failWorkflowTask } from "./workflow-tasks.js";
import { duration, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";

export const SERVER_VERSION = "1.24.0-pmp-test-server";

export function workflowServiceHandlers(
  engine: Engine,
): ServiceHandlers<temporal.api.workflowservice.v1.WorkflowService> {
  const ns = (req: { namespace?: string | null }) => req.namespace || "default";
  return {
    GetSystemInfo: () => ({
      serverVersion: SERVER_VERSION,
      capabilities: {
        signalAndQueryHeader: true,
        internalErrorDifferentiation: true,
        activityFailureIncludeHeartbeat: true,
        supportsSchedules: false,
        encodedFailureAttributes: true,
        upsertMemo: true,
        eagerWorkflowStart: false,
        sdkMetadata: true,
        countGroupByExecutionStatus: false,
      },
    }),
    DescribeNamespace: (req) => ({
      namespaceInfo: {
        name: req.namespace || "default",
        state: enums.NamespaceState.NAMESPACE_STATE_REGISTERED,
        id: `ns-${req.namespace || "default"}`,
        capabilities: { eagerWorkflowStart: false, syncUpdate: true, asyncUpdate: true },
      },
      config: { workflowExecutionRetentionTtl: duration(24 * 3600 * 1000) },
    }),
    RegisterNamespace: () => ({}),
    StartWorkflowExecution: (req) => {
      const { run, started } = engine.startWorkflow({ ...req, namespace: ns(req) });
      return { runId: run.runId, started };
    },
    SignalWithStartWorkflowExecution: (req) => signalWithStart(engine, req),
    SignalWorkflowExecution: (req) => signalWorkflow(engine, req),
    RequestCancelWorkflowExecution: (req) => requestCancelWorkflow(engine, req),
    TerminateWorkflowExecution: (req) => terminateWorkflow(engine, req),
    DescribeWorkflowExecution: (req) => describeWorkflowExecution(engine, req),
    GetWorkflowExecutionHistory: (req, call) => getWorkflowExecutionHistory(engine, req, call),
    ListWorkflowExecutions: (req) => listWorkflowExecutions(engine, req),
    QueryWorkflow: (req, call) => queryWorkflow(engine, req, call),
    UpdateWorkflowExecution: (req, call) => updateWorkflowExecution(engine, req, call),
    PollWorkflowExecutionUpdate: (req, call) => pollWorkflowExecutionUpdate(engine, req, call),
    PollWorkflowTaskQueue: (req, call) =>
      engine.queues.poll(ns(req), "workflow", req.taskQueue?.name ?? "", req.identity ?? "", call),
    PollActivityTaskQueue: (req, call) =>
      engine.queues.poll(ns(req), "activity", req.taskQueue?.name ?? "", req.identity ?? "", call),
    RespondWorkflowTaskCompleted: (req) => {
      engine.stats.workflowTasksCompleted += 1;
      return completeWorkflowTask(engine, req);
    },
    RespondWorkflowTaskFailed: (req) => {
      engine.stats.workflowTasksFailed += 1;
      return failWorkflowTask(engine, req);
    },
    RespondQueryTaskCompleted: (req) => respondQueryTaskCompleted(engine, req),
    RespondActivityTaskCompleted: (req) => {
      engine.stats.activityTasksCompleted += 1;
      return respondActivityTaskCompleted(engine, req);
    },
    RespondActivityTaskFailed: (req) => respondActivityTaskFailed(engine, req),
    RespondActivityTaskCanceled: (req) => respondActivityTaskCanceled(engine, req),
    RecordActivityTaskHeartbeat: (req) => recordActivityTaskHeartbeat(engine, req),
    ShutdownWorker: (req) => {
      if (req.stickyTaskQueue) dropStickyQueue(engine, ns(req), req.stickyTaskQueue);
      return {};
    },
    RecordWorkerHeartbeat: () => ({}),
  };
}
