import { describe, expect, it } from "vitest";
import { WorkflowUpdateFailedError } from "@temporalio/client";
import { eventsOf, uniqueId, useConformanceEnv } from "./conformance-env.js";
import { EventType } from "./event-types.js";
import { parentSum } from "./workflows/children.js";
import { addItem, finish, shoppingList } from "./workflows/updates.js";

const getEnv = useConformanceEnv();

describe("updates", () => {
  it("accepts an update, rejects an invalid one in its validator, and records only accepted ones", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(shoppingList, { taskQueue, workflowId: uniqueId("list") });
      expect(await handle.executeUpdate(addItem, { args: ["bread"] })).toBe(1);
      const rejected = await handle.executeUpdate(addItem, { args: ["  "] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(rejected).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((rejected as WorkflowUpdateFailedError).cause?.message).toBe("item must not be empty");
      const started = await handle.startUpdate(addItem, { args: ["milk"], waitForStage: "ACCEPTED" });
      expect(await started.result()).toBe(2);
      expect(await handle.executeUpdate(finish)).toEqual(["bread", "milk"]);
      expect(await handle.result()).toEqual(["bread", "milk"]);
      const events = await eventsOf(handle);
      expect(
        events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED),
      ).toHaveLength(3);
      expect(
        events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED),
      ).toHaveLength(3);
    });
  });
});

describe("child workflows", () => {
  it("runs children and receives their results", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(parentSum, {
        taskQueue,
        workflowId: uniqueId("parent"),
        args: [[1, 2, 3]],
      });
      expect(await handle.result()).toBe("sum 12");
      const types = (await eventsOf(handle)).map((e) => e.eventType);
      expect(types.filter((x) => x === EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED)).toHaveLength(3);
      expect(types.filter((x) => x === EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED)).toHaveLength(3);
      const child = t.client.workflow.getHandle(`${handle.workflowId}-child-0`);
      const described = await child.describe();
      expect(described.parentExecution?.workflowId).toBe(handle.workflowId);
    });
  });

  it("reports a failed child to its parent", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const result = await t.client.workflow.execute(parentSum, {
        taskQueue,
        workflowId: uniqueId("parent"),
        args: [[1, -1]],
      });
      expect(result).toBe("child 1 failed: negative input");
    });
  });
});
