import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import * as activities from "./activities.js";
import { approve, awaitApproval, greetAfterSleep, sleepFor, status } from "./workflows/basics.js";

const getEnv = useTemporalTestEnv({ workflowsPath: fileURLToPath(new URL("./workflows/index.ts", import.meta.url)) });

describe("smoke", () => {
  it("runs an activity and a timer", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue, activities }, async () => {
      const result = await t.client.workflow.execute(greetAfterSleep, { taskQueue, workflowId: t.taskQueue("wf"), args: ["Riga", 3_600_000] });
      expect(result).toBe("Hello, Riga!");
    });
  });
  it("skips 30 days", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const started = Date.now();
      const elapsed = await t.client.workflow.execute(sleepFor, { taskQueue, workflowId: t.taskQueue("wf"), args: [30 * 24 * 3600 * 1000] });
      expect(elapsed).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });
  it("signal beats a 7-day condition timeout; query works", async () => {
    const t = getEnv();
    const taskQueue = t.taskQueue();
    await t.withWorker({ taskQueue }, async () => {
      const handle = await t.client.workflow.start(awaitApproval, { taskQueue, workflowId: t.taskQueue("wf"), args: ["7 days"] });
      expect(await handle.query(status)).toBe("waiting");
      await handle.signal(approve, "Anna");
      expect(await handle.result()).toBe("approved by Anna");
      expect(await handle.query(status)).toBe("approved by Anna");
    });
  });
});
