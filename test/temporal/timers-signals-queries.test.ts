import { describe, expect, it } from "vitest";
import { REAL_TIME, eventsOf, uniqueId, useConformanceEnv } from "./conformance-env.js";
import * as activities from "./activities.js";
import { EventType } from "./event-types.js";
import { approve, awaitApproval, greetAfterSleep, sleepFor, status } from "./workflows/basics.js";
import { cancelLongTimer } from "./workflows/timers.js";

const getEnv = useConformanceEnv();
const DAY = 24 * 3600 * 1000;

describe("timers, signals and queries", () => {
  it("runs an activity, then a timer, and returns the activity's result", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue, activities }, async () => {
      const sleepMs = REAL_TIME ? 500 : 3_600_000;
      const result = await t.client.workflow.execute(greetAfterSleep, {
        taskQueue,
        workflowId: uniqueId("greet"),
        args: ["Riga", sleepMs],
      });
      expect(result).toBe("Hello, Riga!");
    });
  });

  it.skipIf(REAL_TIME)("passes a 30-day timer in well under a second of wall time", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const started = performance.now();
      const elapsed = await t.client.workflow.execute(sleepFor, {
        taskQueue,
        workflowId: uniqueId("sleep"),
        args: [30 * DAY],
      });
      const wallMs = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(30 * DAY);
      expect(wallMs).toBeLessThan(1_000);
    });
  });

  it("delivers a signal that arrives before a 7-day condition timeout (no false timeout), and answers queries", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(awaitApproval, {
        taskQueue,
        workflowId: uniqueId("approval"),
        args: ["7 days"],
      });
      expect(await handle.query(status)).toBe("waiting");
      await handle.signal(approve, "Anna");
      expect(await handle.result()).toBe("approved by Anna");
      // Queries still work after the run closed.
      expect(await handle.query(status)).toBe("approved by Anna");
      const types = (await eventsOf(handle)).map((e) => e.eventType);
      expect(types).toContain(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
      expect(types).not.toContain(EventType.EVENT_TYPE_TIMER_FIRED);
    });
  });

  it.skipIf(REAL_TIME)("lets the condition time out when no signal comes", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const result = await t.client.workflow.execute(awaitApproval, {
        taskQueue,
        workflowId: uniqueId("approval"),
        args: ["7 days"],
      });
      expect(result).toBe("timed out");
    });
  });

  it("cancels a timer", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(cancelLongTimer, {
        taskQueue,
        workflowId: uniqueId("cancel-timer"),
      });
      expect(await handle.result()).toBe("cancelled");
      const types = (await eventsOf(handle)).map((e) => e.eventType);
      expect(types.filter((x) => x === EventType.EVENT_TYPE_TIMER_STARTED)).toHaveLength(2);
      expect(types).toContain(EventType.EVENT_TYPE_TIMER_CANCELED);
    });
  });

  it("signal-with-start starts a workflow with the signal already delivered, then signals the running one", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const workflowId = uniqueId("sws");
      const handle = await t.client.workflow.signalWithStart(awaitApproval, {
        taskQueue,
        workflowId,
        args: ["7 days"],
        signal: approve,
        signalArgs: ["Bob"],
      });
      expect(await handle.result()).toBe("approved by Bob");
      const first = await t.client.workflow.signalWithStart(awaitApproval, {
        taskQueue,
        workflowId: `${workflowId}-2`,
        args: ["7 days"],
        signal: approve,
        signalArgs: ["Carla"],
      });
      const again = await t.client.workflow.signalWithStart(awaitApproval, {
        taskQueue,
        workflowId: `${workflowId}-2`,
        args: ["7 days"],
        signal: approve,
        signalArgs: ["Dan"],
      });
      expect(again.signaledRunId).toBe(first.signaledRunId);
      expect(await first.result()).toBe("approved by Carla");
    });
  });

  it("signal-with-start on a running workflow delivers the signal's own arguments, not the start arguments", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const workflowId = uniqueId("sws-running");
      const running = await t.client.workflow.start(awaitApproval, { taskQueue, workflowId, args: ["7 days"] });
      await t.client.workflow.signalWithStart(awaitApproval, {
        taskQueue,
        workflowId,
        args: ["7 days"],
        signal: approve,
        signalArgs: ["Eve"],
      });
      expect(await running.result()).toBe("approved by Eve");
    });
  });
});
