// Child workflows and the commands that reach other executions (external signal / cancel), plus what a
// closing run owes to others: its parent hears the outcome, its children follow their parent-close policy.
import type { Engine } from "./engine.js";
import { requestCancelRun, signalRun } from "./execution-requests.js";
import { RpcError } from "./rpc-error.js";
import { int64, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import { STARTED_EVENT_PENDING, type WorkflowRun } from "./run.js";

const Status = enums.WorkflowExecutionStatus;
const ParentClosePolicy = enums.ParentClosePolicy;

/** START_CHILD_WORKFLOW_EXECUTION: records the initiation; the start itself happens after the task's events. */
export function startChild(
  engine: Engine,
  run: WorkflowRun,
  cmd: temporal.api.command.v1.IStartChildWorkflowExecutionCommandAttributes,
  completedEventId: number,
): () => void {
  const namespace = cmd.namespace || run.namespace;
  const taskQueue = cmd.taskQueue?.name ? cmd.taskQueue : { name: run.taskQueue };
  const initiatedEventId = run.record(
    "startChildWorkflowExecutionInitiatedEventAttributes",
    { ...cmd, namespace, taskQueue, workflowTaskCompletedEventId: int64(completedEventId) },
    engine.now(),
  );
  return () => {
    if (!run.open) return;
    try {
      const { run: child } = engine.startWorkflow(
        {
          namespace,
          workflowId: cmd.workflowId,
          workflowType: cmd.workflowType,
          taskQueue,
          input: cmd.input,
          workflowExecutionTimeout: cmd.workflowExecutionTimeout,
          workflowRunTimeout: cmd.workflowRunTimeout,
          workflowTaskTimeout: cmd.workflowTaskTimeout,
          requestId: `${run.runId}/${initiatedEventId}`,
          workflowIdReusePolicy: cmd.workflowIdReusePolicy,
          retryPolicy: cmd.retryPolicy,
          cronSchedule: cmd.cronSchedule,
          memo: cmd.memo,
          searchAttributes: cmd.searchAttributes,
          header: cmd.header,
        },
        {
          parent: { namespace: run.namespace, workflowId: run.workflowId, runId: run.runId, initiatedEventId },
          parentClosePolicy: cmd.parentClosePolicy ?? 0,
        },
      );
      run.children.set(initiatedEventId, {
        initiatedEventId,
        startedEventId: 0,
        workflowId: child.workflowId,
        runId: child.runId,
        workflowType: child.workflowType,
        namespace,
        parentClosePolicy: cmd.parentClosePolicy ?? 0,
      });
      engine.deliver(run, "childWorkflowExecutionStartedEventAttributes", {
        namespace,
        initiatedEventId: int64(initiatedEventId),
        workflowExecution: { workflowId: child.workflowId, runId: child.runId },
        workflowType: cmd.workflowType,
        header: cmd.header,
      });
    } catch (err) {
      if (!(err instanceof RpcError)) throw err;
      engine.deliver(run, "startChildWorkflowExecutionFailedEventAttributes", {
        namespace,
        workflowId: cmd.workflowId ?? "",
        workflowType: cmd.workflowType,
        cause:
          enums.StartChildWorkflowExecutionFailedCause
            .START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS,
        control: cmd.control ?? "",
        initiatedEventId: int64(initiatedEventId),
        workflowTaskCompletedEventId: int64(completedEventId),
      });
    }
  };
}

export function signalExternal(
  engine: Engine,
  run: WorkflowRun,
  cmd: temporal.api.command.v1.ISignalExternalWorkflowExecutionCommandAttributes,
  completedEventId: number,
): () => void {
  const namespace = cmd.namespace || run.namespace;
  const initiatedEventId = run.record(
    "signalExternalWorkflowExecutionInitiatedEventAttributes",
    { ...cmd, namespace, workflowTaskCompletedEventId: int64(completedEventId) },
    engine.now(),
  );
  return () => {
    const target = findOpen(engine, namespace, cmd.execution);
    if (target) {
      signalRun(
        engine,
        target,
        { signalName: cmd.signalName, input: cmd.input, header: cmd.header },
        { workflowId: run.workflowId, runId: run.runId },
      );
      engine.deliver(run, "externalWorkflowExecutionSignaledEventAttributes", {
        initiatedEventId: int64(initiatedEventId),
        namespace,
        workflowExecution: cmd.execution,
        control: cmd.control ?? "",
      });
    } else {
      engine.deliver(run, "signalExternalWorkflowExecutionFailedEventAttributes", {
        cause:
          enums.SignalExternalWorkflowExecutionFailedCause
            .SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
        workflowTaskCompletedEventId: int64(completedEventId),
        namespace,
        workflowExecution: cmd.execution,
        initiatedEventId: int64(initiatedEventId),
        control: cmd.control ?? "",
      });
    }
  };
}

export function cancelExternal(
  engine: Engine,
  run: WorkflowRun,
  cmd: temporal.api.command.v1.IRequestCancelExternalWorkflowExecutionCommandAttributes,
  completedEventId: number,
): () => void {
  const namespace = cmd.namespace || run.namespace;
  const execution = { workflowId: cmd.workflowId ?? "", runId: cmd.runId ?? "" };
  const initiatedEventId = run.record(
    "requestCancelExternalWorkflowExecutionInitiatedEventAttributes",
    {
      namespace,
      workflowExecution: execution,
      control: cmd.control ?? "",
      childWorkflowOnly: cmd.childWorkflowOnly ?? false,
      reason: cmd.reason ?? "",
      workflowTaskCompletedEventId: int64(completedEventId),
    },
    engine.now(),
  );
  return () => {
    const target = findOpen(engine, namespace, execution);
    if (target) {
      requestCancelRun(
        engine,
        target,
        { reason: cmd.reason },
        { initiatedEventId, execution: { workflowId: run.workflowId, runId: run.runId } },
      );
      engine.deliver(run, "externalWorkflowExecutionCancelRequestedEventAttributes", {
        initiatedEventId: int64(initiatedEventId),
        namespace,
        workflowExecution: execution,
      });
    } else {
      engine.deliver(run, "requestCancelExternalWorkflowExecutionFailedEventAttributes", {
        cause:
          enums.CancelExternalWorkflowExecutionFailedCause
            .CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
        workflowTaskCompletedEventId: int64(completedEventId),
        namespace,
        workflowExecution: execution,
        initiatedEventId: int64(initiatedEventId),
        control: cmd.control ?? "",
      });
    }
  };
}

function findOpen(
  engine: Engine,
  namespace: string,
  execution: temporal.api.common.v1.IWorkflowExecution | null | undefined,
) {
  try {
    const run = engine.getRun(namespace, execution?.workflowId, execution?.runId);
    return run.open ? run : undefined;
  } catch {
    return undefined;
  }
}

/** Called once a run closed. */
export function onRunClosed(engine: Engine, run: WorkflowRun): void {
  if (run.status !== Status.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW) notifyParent(engine, run);
  for (const child of run.children.values()) {
    const childRun = engine.latestRun(child.namespace, child.workflowId);
    if (!childRun?.open || childRun.firstRunId !== engine.runs.get(child.runId)?.firstRunId) continue;
    if (child.parentClosePolicy === ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON) continue;
    if (child.parentClosePolicy === ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL) {
      requestCancelRun(engine, childRun, { reason: "by parent close policy" });
    } else {
      engine.close(childRun, "workflowExecutionTerminatedEventAttributes", {
        reason: "by parent close policy",
        identity: "",
      });
    }
  }
  run.children.clear();
}

function notifyParent(engine: Engine, run: WorkflowRun): void {
  const ref = run.parent;
  const parent = ref ? engine.runs.get(ref.runId) : undefined;
  if (!ref || !parent?.open) return;
  const child = parent.children.get(ref.initiatedEventId);
  parent.children.delete(ref.initiatedEventId);
  const common = {
    namespace: run.namespace,
    workflowExecution: { workflowId: run.workflowId, runId: child?.runId ?? run.runId },
    workflowType: run.started.workflowType,
    initiatedEventId: int64(ref.initiatedEventId),
    startedEventId: int64(STARTED_EVENT_PENDING),
  };
  const close = run.closeEvent;
  switch (run.status) {
    case Status.WORKFLOW_EXECUTION_STATUS_COMPLETED:
      engine.deliver(parent, "childWorkflowExecutionCompletedEventAttributes", {
        ...common,
        result: close?.workflowExecutionCompletedEventAttributes?.result,
      });
      break;
    case Status.WORKFLOW_EXECUTION_STATUS_FAILED:
      engine.deliver(parent, "childWorkflowExecutionFailedEventAttributes", {
        ...common,
        failure: close?.workflowExecutionFailedEventAttributes?.failure,
        retryState: close?.workflowExecutionFailedEventAttributes?.retryState ?? 0,
      });
      break;
    case Status.WORKFLOW_EXECUTION_STATUS_CANCELED:
      engine.deliver(parent, "childWorkflowExecutionCanceledEventAttributes", {
        ...common,
        details: close?.workflowExecutionCanceledEventAttributes?.details,
      });
      break;
    case Status.WORKFLOW_EXECUTION_STATUS_TERMINATED:
      engine.deliver(parent, "childWorkflowExecutionTerminatedEventAttributes", common);
      break;
    case Status.WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
      engine.deliver(parent, "childWorkflowExecutionTimedOutEventAttributes", {
        ...common,
        retryState: close?.workflowExecutionTimedOutEventAttributes?.retryState ?? 0,
      });
      break;
  }
}
