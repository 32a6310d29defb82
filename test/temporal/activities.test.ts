import { describe, expect, it } from "vitest";
import { WorkflowFailedError } from "@temporalio/client";
import { ActivityFailure, ApplicationFailure, TimeoutFailure, TimeoutType } from "@temporalio/common";
import { eventsOf, uniqueId, useConformanceEnv } from "./conformance-env.js";
import * as activities from "./activities.js";
import { EventType } from "./event-types.js";
import { callActivity, cancelActivityAfter } from "./workflows/activities.js";

const getEnv = useConformanceEnv();

/** Runs callActivity and returns the failure chain: WorkflowFailedError -> ActivityFailure -> cause. */
async function activityFailure(
  args: Parameters<typeof callActivity>,
): Promise<{ activity: ActivityFailure; cause: Error | undefined }> {
  const t = getEnv();
  const taskQueue = t.taskQueue();
  return t.withWorker({ taskQueue, activities }, async () => {
    const err = await t.client.workflow.execute(callActivity, { taskQueue, workflowId: uniqueId("act"), args }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const activity = (err as WorkflowFailedError).cause;
    expect(activity).toBeInstanceOf(ActivityFailure);
    return { activity: activity as ActivityFailure, cause: (activity as ActivityFailure).cause };
  });
}

describe("activities", () => {
  it("retries a failing activity with backoff until it succeeds, writing only the final attempt", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue, activities }, async () => {
      const handle = await t.client.workflow.start(callActivity, {
        taskQueue,
        workflowId: uniqueId("flaky"),
        args: [
          "flaky",
          [2],
          { startToCloseTimeout: "10s", retry: { initialInterval: "1 minute", backoffCoefficient: 2 } },
        ],
      });
      expect(await handle.result()).toBe(3);
      const events = await eventsOf(handle);
      const started = events.filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
      expect(started).toHaveLength(1);
      expect(started[0]!.activityTaskStartedEventAttributes?.attempt).toBe(3);
      expect(started[0]!.activityTaskStartedEventAttributes?.lastFailure?.message).toBe("attempt 2 failed");
    });
  });

  it("gives up after maximumAttempts with the last failure", async () => {
    const { activity, cause } = await activityFailure([
      "flaky",
      [5],
      { startToCloseTimeout: "10s", retry: { maximumAttempts: 2, initialInterval: "1s" } },
    ]);
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause?.message).toBe("attempt 2 failed");
    expect(activity.retryState).toBe("MAXIMUM_ATTEMPTS_REACHED");
  });

  it("does not retry a non-retryable failure", async () => {
    const { activity, cause } = await activityFailure(["rejectForGood", [], { startToCloseTimeout: "10s" }]);
    expect((cause as ApplicationFailure).type).toBe("InvalidInput");
    expect(activity.retryState).toBe("NON_RETRYABLE_FAILURE");
  });

  it("times out an attempt that exceeds start-to-close", async () => {
    const { cause } = await activityFailure([
      "sleepActivity",
      [10_000],
      { startToCloseTimeout: "500ms", retry: { maximumAttempts: 1 } },
    ]);
    expect(cause).toBeInstanceOf(TimeoutFailure);
    expect((cause as TimeoutFailure).timeoutType).toBe(TimeoutType.START_TO_CLOSE);
  });

  it("times out the whole activity at schedule-to-close, across retries", async () => {
    const { cause } = await activityFailure([
      "sleepActivity",
      [10_000],
      { scheduleToCloseTimeout: "1500ms", startToCloseTimeout: "500ms", retry: { initialInterval: "100ms" } },
    ]);
    expect(cause).toBeInstanceOf(TimeoutFailure);
    expect((cause as TimeoutFailure).timeoutType).toBe(TimeoutType.SCHEDULE_TO_CLOSE);
  });

  it("times out an activity that stops heartbeating", async () => {
    const { cause } = await activityFailure([
      "sleepActivity",
      [10_000],
      { startToCloseTimeout: "30s", heartbeatTimeout: "500ms", retry: { maximumAttempts: 1 } },
    ]);
    expect(cause).toBeInstanceOf(TimeoutFailure);
    expect((cause as TimeoutFailure).timeoutType).toBe(TimeoutType.HEARTBEAT);
  });

  it("hands heartbeat details of a failed attempt to the retry", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue, activities }, async () => {
      const result = await t.client.workflow.execute(callActivity, {
        taskQueue,
        workflowId: uniqueId("resume"),
        args: ["resumeFromHeartbeat", [], { startToCloseTimeout: "10s", retry: { initialInterval: "100ms" } }],
      });
      expect(result).toBe("resumed at 41 on attempt 2");
    });
  });

  it("cancels a running activity through its heartbeat", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue, activities }, async () => {
      const handle = await t.client.workflow.start(cancelActivityAfter, {
        taskQueue,
        workflowId: uniqueId("cancel-act"),
        args: [300],
      });
      expect(await handle.result()).toBe("cancelled");
      const types = (await eventsOf(handle)).map((e) => e.eventType);
      expect(types).toContain(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
      expect(types).toContain(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED);
    });
  });
});
