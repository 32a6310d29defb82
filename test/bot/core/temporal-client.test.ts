// The typed Temporal helpers name workflows by their function. That rests on two facts checked here: every
// workflow module loads in plain Node (the bot process imports them outside the sandbox), and a function's
// `.name` is the type the worker registers (workflows/index.ts re-exports each under its own name).
import { describe, expect, it } from "vitest";
import * as productWorkflows from "../../../workflows/index.js";
import { signalWithStart, startWorkflow } from "../../../bot/core/temporal-client.js";
import { WORKFLOWS_PATH } from "../../temporal/conformance-env.js";
import { approve, awaitApproval, sleepFor } from "../../temporal/workflows/basics.js";
import { useTemporalTestEnv } from "../../support/temporal-env.js";

describe("workflow functions as names", () => {
  it("loads every product workflow in plain Node, each exported under its function's name", () => {
    const exported = Object.entries(productWorkflows);
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, workflow] of exported) {
      expect(typeof workflow).toBe("function");
      expect((workflow as { name: string }).name).toBe(name);
    }
  });
});

describe("typed Temporal client helpers", () => {
  const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });

  it("signalWithStart starts the workflow by its function's name and delivers the signal", async () => {
    const env = temporal();
    const taskQueue = env.taskQueue("typed-client");
    await env.withWorker({ taskQueue }, async () => {
      const handle = await signalWithStart(env.client, {
        workflow: awaitApproval,
        workflowId: `approval-${taskQueue}`,
        taskQueue,
        args: ["1 minute"],
        signal: approve,
        signalArgs: ["Ilze"],
      });
      expect(await handle.result()).toBe("approved by Ilze");
      expect((await handle.describe()).type).toBe("awaitApproval");
    });
  });

  it("startWorkflow starts a run with typed arguments", async () => {
    const env = temporal();
    const taskQueue = env.taskQueue("typed-client");
    await env.withWorker({ taskQueue }, async () => {
      const handle = await startWorkflow(env.client, {
        workflow: sleepFor,
        workflowId: `sleep-${taskQueue}`,
        taskQueue,
        args: [1_000],
      });
      expect(await handle.result()).toBeGreaterThanOrEqual(1_000);
      expect((await handle.describe()).type).toBe("sleepFor");
    });
  });

  it("rejects wrong arguments at compile time", () => {
    // These never run; `tsc` (a test of its own) fails if the helpers stop checking arguments.
    const typeChecks = (client: Parameters<typeof startWorkflow>[0]) => [
      // @ts-expect-error sleepFor takes a number of milliseconds
      startWorkflow(client, { workflow: sleepFor, workflowId: "x", taskQueue: "q", args: ["1 second"] }),
      signalWithStart(client, {
        workflow: awaitApproval,
        workflowId: "x",
        taskQueue: "q",
        args: ["1 minute"],
        signal: approve,
        // @ts-expect-error the approve signal carries a string
        signalArgs: [42],
      }),
    ];
    expect(typeof typeChecks).toBe("function");
  });
});
