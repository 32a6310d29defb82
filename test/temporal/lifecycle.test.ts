import { describe, expect, it } from "vitest";
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from "@temporalio/client";
import { CancelledFailure, TerminatedFailure } from "@temporalio/common";
import { REAL_TIME, eventsOf, uniqueId, useConformanceEnv, waitForEvent } from "./conformance-env.js";
import { EventType } from "./event-types.js";
import { cancellableSleeper, countWithContinueAsNew } from "./workflows/lifecycle.js";
import { awaitApproval } from "./workflows/basics.js";

const getEnv = useConformanceEnv();

describe("workflow lifecycle", () => {
  it.skipIf(REAL_TIME)("continues as new and result() follows the chain of runs", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(countWithContinueAsNew, {
        taskQueue,
        workflowId: uniqueId("can"),
        args: [0, 3],
      });
      expect(await handle.result()).toBe("count 3 after 4 runs (continued from a previous run)");
      const firstRun = t.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      const last = (await eventsOf(firstRun)).at(-1);
      expect(last?.eventType).toBe(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
      expect((await t.client.workflow.getHandle(handle.workflowId).describe()).runId).not.toBe(
        handle.firstExecutionRunId,
      );
    });
  });

  it("cancels a workflow, which cleans up and ends cancelled", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(cancellableSleeper, { taskQueue, workflowId: uniqueId("cancel") });
      await waitForEvent(handle, (e) => e.eventType === EventType.EVENT_TYPE_TIMER_STARTED);
      await handle.cancel();
      const err = await handle.result().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowFailedError);
      expect((err as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
      const types = (await eventsOf(handle)).map((e) => e.eventType);
      expect(types).toContain(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
      expect(types.at(-1)).toBe(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED);
      expect((await handle.describe()).status.name).toBe("CANCELLED");
    });
  });

  it("terminates a workflow and describes it before and after", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(cancellableSleeper, {
        taskQueue,
        workflowId: uniqueId("term"),
        memo: { owner: "tests" },
      });
      await waitForEvent(handle, (e) => e.eventType === EventType.EVENT_TYPE_TIMER_STARTED);
      const running = await handle.describe();
      expect(running.status.name).toBe("RUNNING");
      expect(running.type).toBe("cancellableSleeper");
      expect(running.taskQueue).toBe(taskQueue);
      expect(running.memo).toEqual({ owner: "tests" });
      expect(running.closeTime).toBeUndefined();
      await handle.terminate("no longer needed");
      const err = await handle.result().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as WorkflowFailedError).cause).toBeInstanceOf(TerminatedFailure);
      const closed = await handle.describe();
      expect(closed.status.name).toBe("TERMINATED");
      expect(closed.closeTime).toBeInstanceOf(Date);
      expect(closed.historyLength).toBe((await eventsOf(handle)).length);
    });
  });

  it("refuses a second start with a running workflow's id, unless asked to use the existing run", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const workflowId = uniqueId("dup");
      const first = await t.client.workflow.start(awaitApproval, { taskQueue, workflowId, args: ["7 days"] });
      const err = await t.client.workflow.start(awaitApproval, { taskQueue, workflowId, args: ["7 days"] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      const existing = await t.client.workflow.start(awaitApproval, {
        taskQueue,
        workflowId,
        args: ["7 days"],
        workflowIdConflictPolicy: "USE_EXISTING",
      });
      expect(existing.firstExecutionRunId).toBe(first.firstExecutionRunId);
    });
  });

  it("applies the id reuse policy to closed runs", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const workflowId = uniqueId("reuse");
      const first = await t.client.workflow.start(awaitApproval, { taskQueue, workflowId, args: ["7 days"] });
      await first.terminate();
      const rejected = await t.client.workflow
        .start(awaitApproval, { taskQueue, workflowId, args: ["7 days"], workflowIdReusePolicy: "REJECT_DUPLICATE" })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(rejected).toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      const second = await t.client.workflow.start(awaitApproval, {
        taskQueue,
        workflowId,
        args: ["7 days"],
        workflowIdReusePolicy: "ALLOW_DUPLICATE_FAILED_ONLY",
      });
      expect(second.firstExecutionRunId).not.toBe(first.firstExecutionRunId);
    });
  });

  it("deduplicates a start retried with the same request id", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    const workflowId = uniqueId("idem");
    const request = {
      namespace: t.namespace,
      workflowId,
      workflowType: { name: "awaitApproval" },
      taskQueue: { name: taskQueue },
      requestId: `req-${workflowId}`,
      identity: "conformance-test",
    };
    const service = t.client.workflowService;
    const a = await service.startWorkflowExecution(request);
    const b = await service.startWorkflowExecution(request);
    expect(b.runId).toBe(a.runId);
    await t.client.workflow.getHandle(workflowId).terminate();
  });
});
