import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DefaultLogger, Worker, bundleWorkflowCode } from "@temporalio/worker";
import {
  CHANGED_WORKFLOWS_PATH,
  WORKFLOWS_PATH,
  eventsOf,
  uniqueId,
  useConformanceEnv,
  waitForEvent,
} from "./conformance-env.js";
import * as activities from "./activities.js";
import { EventType, WorkflowTaskFailedCause } from "./event-types.js";
import { approve } from "./workflows/basics.js";
import { versionedGreeting } from "./workflows/versioned.js";

const getEnv = useConformanceEnv();
const WORKER_PROCESS = fileURLToPath(new URL("./worker-process.ts", import.meta.url));

describe("worker failures", () => {
  it("resumes a workflow on a new worker after the first one was killed mid-timer", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", WORKER_PROCESS, t.env.address, t.namespace, taskQueue, WORKFLOWS_PATH],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    try {
      await once(child.stdout!, "data");
      const handle = await t.client.workflow.start(versionedGreeting, {
        taskQueue,
        workflowId: uniqueId("restart"),
        args: ["Liepāja"],
      });
      await waitForEvent(handle, (e) => e.eventType === EventType.EVENT_TYPE_TIMER_STARTED);
      child.kill("SIGKILL");
      await once(child, "exit");
      await t.withWorker({ taskQueue, activities }, async () => {
        expect(await handle.result()).toBe("Hello, Liepāja!");
      });
      const identities = new Set(
        (await eventsOf(handle)).flatMap((e) =>
          e.workflowTaskCompletedEventAttributes ? [e.workflowTaskCompletedEventAttributes.identity] : [],
        ),
      );
      expect(identities.size).toBe(2); // both workers completed workflow tasks
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("reports nondeterminism when a changed workflow picks up an old history", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    const workflowId = uniqueId("nde");
    const v1 = await t.createWorker({ taskQueue, activities });
    const started = await v1.runUntil(async () => {
      const h = await t.client.workflow.start(versionedGreeting, { taskQueue, workflowId, args: ["Cēsis"] });
      await waitForEvent(h, (e) => e.eventType === EventType.EVENT_TYPE_TIMER_STARTED);
      return h;
    });
    const changedBundle = await bundleWorkflowCode({
      workflowsPath: CHANGED_WORKFLOWS_PATH,
      logger: new DefaultLogger("ERROR"),
    });
    const v2 = await Worker.create({
      connection: t.env.nativeConnection,
      namespace: t.namespace,
      taskQueue,
      workflowBundle: changedBundle,
      activities,
    });
    try {
      const failed = await v2.runUntil(async () => {
        await started.signal(approve, "anyone"); // any new event makes the changed worker replay the history
        return waitForEvent(started, (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      });
      const attrs = failed.workflowTaskFailedEventAttributes!;
      expect(attrs.cause).toBe(WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR);
      expect(attrs.failure?.message).toMatch(/nondetermin/i);
    } finally {
      await t.terminateStarted();
    }
  });
});
