// Workflow updates. An admitted update goes to the worker as a protocol message on the next workflow task;
// the worker answers with Acceptance / Rejection / Response messages. Accepted and completed updates are
// written to history (so replay sees them); rejected ones leave no event, as on the real server.
import type { ServerCall } from "./grpc-wiring.js";
import type { Engine } from "./engine.js";
import { notFound } from "./rpc-error.js";
import { type Long, int64, packAny, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import type { UpdateState, WorkflowRun, WorkflowTaskState } from "./run.js";
import { scheduleWorkflowTask } from "./workflow-tasks.js";

type UpdateRequest = temporal.api.workflowservice.v1.IUpdateWorkflowExecutionRequest;
type PollRequest = temporal.api.workflowservice.v1.IPollWorkflowExecutionUpdateRequest;
const Stage = enums.UpdateWorkflowExecutionLifecycleStage;

/** How long an update RPC waits for the requested stage before answering "admitted" (the SDK then retries). */
const WAIT_MS = 20_000;

function stageOf(update: UpdateState): number {
  if (update.stage === "completed") return Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;
  if (update.stage === "accepted") return Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED;
  return Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED;
}

function waitForStage(update: UpdateState, stage: number, run: WorkflowRun, call: ServerCall): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (stageOf(update) >= stage) finish();
      else if (!run.open) finish(notFound("workflow execution already completed"));
    };
    const finish = (err?: Error) => {
      clearTimeout(timer);
      update.waiters.delete(check);
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => finish(), WAIT_MS);
    call.on("cancelled", () => finish());
    update.waiters.add(check);
    check();
  });
}

function response(run: WorkflowRun, update: UpdateState) {
  return {
    updateRef: { workflowExecution: { workflowId: run.workflowId, runId: run.runId }, updateId: update.id },
    outcome: update.stage === "completed" ? update.outcome : null,
    stage: stageOf(update),
  };
}

export async function updateWorkflowExecution(engine: Engine, req: UpdateRequest, call: ServerCall) {
  const run = engine.getRun(
    req.namespace ?? "default",
    req.workflowExecution?.workflowId,
    req.workflowExecution?.runId,
  );
  const id = req.request?.meta?.updateId ?? "";
  let update = run.updates.get(id);
  if (!update) {
    if (!run.open) throw notFound("workflow execution already completed");
    update = { id, request: req.request ?? {}, stage: "admitted", acceptedEventId: 0, waiters: new Set() };
    run.updates.set(id, update);
    // An update never interrupts a running workflow task; it rides on the next one.
    if (!run.wft) scheduleWorkflowTask(engine, run);
  }
  const wanted = Math.max(
    req.waitPolicy?.lifecycleStage ?? 0,
    Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED,
  );
  await waitForStage(update, wanted, run, call);
  return response(run, update);
}

export async function pollWorkflowExecutionUpdate(engine: Engine, req: PollRequest, call: ServerCall) {
  const ref = req.updateRef;
  const run = engine.getRun(
    req.namespace ?? "default",
    ref?.workflowExecution?.workflowId,
    ref?.workflowExecution?.runId,
  );
  const update = run.updates.get(ref?.updateId ?? "");
  if (!update) throw notFound(`update ${ref?.updateId ?? ""} not found`);
  const wanted = req.waitPolicy?.lifecycleStage || Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;
  await waitForStage(update, wanted, run, call);
  return response(run, update);
}

/** Request messages for the workflow task being started now. */
export function requestMessages(run: WorkflowRun, wft: WorkflowTaskState): object[] {
  const messages: object[] = [];
  for (const update of run.updates.values()) {
    if (update.stage !== "admitted") continue;
    update.stage = "sent";
    wft.updateIds.push(update.id);
    messages.push({
      id: `${update.id}/request`,
      protocolInstanceId: update.id,
      // Processed by the worker after every event before this task's WorkflowTaskStarted.
      eventId: int64(wft.startedEventId - 1),
      body: packAny("temporal.api.update.v1.Request", update.request),
    });
  }
  return messages;
}

export function hasUndeliveredUpdates(run: WorkflowRun): boolean {
  for (const update of run.updates.values()) if (update.stage === "admitted") return true;
  return false;
}

/** A failed workflow task loses its messages; the updates go out again with the next attempt. */
export function resendUpdatesOf(run: WorkflowRun, wft: WorkflowTaskState): void {
  for (const id of wft.updateIds) {
    const update = run.updates.get(id);
    if (update?.stage === "sent") update.stage = "admitted";
  }
}

function notify(update: UpdateState): void {
  for (const waiter of [...update.waiters]) waiter();
}

/** Applies one protocol message from a completed workflow task. */
export function applyUpdateMessage(
  engine: Engine,
  run: WorkflowRun,
  message: temporal.api.protocol.v1.IMessage,
  body: { typeName: string; value: unknown },
): void {
  const update = run.updates.get(message.protocolInstanceId ?? "");
  const now = engine.now();
  switch (body.typeName) {
    case "temporal.api.update.v1.Acceptance": {
      const a = body.value as temporal.api.update.v1.IAcceptance;
      const acceptedEventId = run.record(
        "workflowExecutionUpdateAcceptedEventAttributes",
        {
          protocolInstanceId: message.protocolInstanceId ?? "",
          acceptedRequestMessageId: a.acceptedRequestMessageId ?? "",
          acceptedRequestSequencingEventId: a.acceptedRequestSequencingEventId as Long,
          acceptedRequest: a.acceptedRequest ?? update?.request,
        },
        now,
      );
      if (update) {
        update.stage = "accepted";
        update.acceptedEventId = acceptedEventId;
        notify(update);
      }
      return;
    }
    case "temporal.api.update.v1.Rejection": {
      const r = body.value as temporal.api.update.v1.IRejection;
      if (update) {
        update.stage = "completed";
        update.outcome = { failure: r.failure };
        notify(update);
        // A rejected update is forgotten: the same id may be sent again.
        run.updates.delete(update.id);
      }
      return;
    }
    case "temporal.api.update.v1.Response": {
      const r = body.value as temporal.api.update.v1.IResponse;
      run.record(
        "workflowExecutionUpdateCompletedEventAttributes",
        {
          meta: r.meta ?? { updateId: message.protocolInstanceId ?? "" },
          acceptedEventId: int64(update?.acceptedEventId ?? 0),
          outcome: r.outcome,
        },
        now,
      );
      if (update) {
        update.stage = "completed";
        update.outcome = r.outcome;
        notify(update);
      }
      return;
    }
    default:
      throw new Error(`unsupported protocol message ${body.typeName}`);
  }
}

export function failPendingUpdatesOnClose(_engine: Engine, run: WorkflowRun): void {
  for (const update of run.updates.values()) notify(update);
}
