// Requests addressed to a running execution from outside: signal, signal-with-start, cancel, terminate.
import type { Engine } from "./engine.js";
import { workflowCompleted } from "./rpc-error.js";
import { int64 } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import type { WorkflowRun } from "./run.js";

type Execution = temporal.api.common.v1.IWorkflowExecution;

function openRun(
  engine: Engine,
  namespace: string | null | undefined,
  execution: Execution | null | undefined,
): WorkflowRun {
  const run = engine.getRun(namespace || "default", execution?.workflowId, execution?.runId);
  if (!run.open) throw workflowCompleted();
  return run;
}

export function signalRun(
  engine: Engine,
  run: WorkflowRun,
  signal: {
    signalName?: string | null;
    input?: temporal.api.common.v1.IPayloads | null;
    header?: temporal.api.common.v1.IHeader | null;
    identity?: string | null;
  },
  externalWorkflowExecution?: Execution,
): void {
  engine.deliver(run, "workflowExecutionSignaledEventAttributes", {
    signalName: signal.signalName ?? "",
    input: signal.input,
    header: signal.header,
    identity: signal.identity ?? "",
    externalWorkflowExecution: externalWorkflowExecution ?? null,
  });
}

export function signalWorkflow(
  engine: Engine,
  req: temporal.api.workflowservice.v1.ISignalWorkflowExecutionRequest,
): object {
  const run = openRun(engine, req.namespace, req.workflowExecution);
  // A retried signal (same request id) is recorded once.
  if (req.requestId) {
    if (run.signalRequestIds.has(req.requestId)) return {};
    run.signalRequestIds.add(req.requestId);
  }
  signalRun(engine, run, req);
  return {};
}

export function signalWithStart(
  engine: Engine,
  req: temporal.api.workflowservice.v1.ISignalWithStartWorkflowExecutionRequest,
) {
  const namespace = req.namespace || "default";
  const latest = engine.latestRun(namespace, req.workflowId ?? "");
  if (latest?.open) {
    // The request's `input` is the workflow's start input; the signal carries `signalInput`.
    signalRun(engine, latest, {
      signalName: req.signalName,
      input: req.signalInput,
      header: req.header,
      identity: req.identity,
    });
    return { runId: latest.runId, started: false };
  }
  const { run, started } = engine.startWorkflow(
    { ...req, namespace },
    {
      signal: {
        signalName: req.signalName ?? "",
        input: req.signalInput,
        header: req.header,
        identity: req.identity ?? "",
      },
    },
  );
  return { runId: run.runId, started };
}

export function requestCancelRun(
  engine: Engine,
  run: WorkflowRun,
  request: { reason?: string | null; identity?: string | null },
  external?: { initiatedEventId: number; execution: Execution },
): void {
  if (run.cancelRequested) return; // idempotent, as on the real server
  run.cancelRequested = true;
  engine.deliver(run, "workflowExecutionCancelRequestedEventAttributes", {
    cause: request.reason ?? "",
    identity: request.identity ?? "",
    externalInitiatedEventId: int64(external?.initiatedEventId ?? 0),
    externalWorkflowExecution: external?.execution ?? null,
  });
}

export function requestCancelWorkflow(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IRequestCancelWorkflowExecutionRequest,
): object {
  requestCancelRun(engine, openRun(engine, req.namespace, req.workflowExecution), req);
  return {};
}

export function terminateWorkflow(
  engine: Engine,
  req: temporal.api.workflowservice.v1.ITerminateWorkflowExecutionRequest,
): object {
  const run = openRun(engine, req.namespace, req.workflowExecution);
  engine.close(run, "workflowExecutionTerminatedEventAttributes", {
    reason: req.reason ?? "",
    details: req.details,
    identity: req.identity ?? "",
  });
  return {};
}
