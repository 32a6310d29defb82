// The in-process local engine (startTemporalTestServer) that the app's offline local mode uses: real time,
// plain SDK connections, no TestService involvement.
import { describe, expect, it } from "vitest";
import { Client, Connection } from "@temporalio/client";
import { NativeConnection, Worker } from "@temporalio/worker";
import { startTemporalTestServer } from "../../bot/local-temporal/engine/index.js";
import { WORKFLOWS_PATH, uniqueId } from "./conformance-env.js";
import * as activities from "./activities.js";
import { greetAfterSleep } from "./workflows/basics.js";

describe.skipIf(!!process.env.TEMPORAL_ADDRESS)("local engine (startTemporalTestServer)", () => {
  it("runs a workflow in real time for plain clients and workers", async () => {
    const server = await startTemporalTestServer({ timeSkipping: false });
    const connection = await Connection.connect({ address: server.address });
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    try {
      const client = new Client({ connection });
      const taskQueue = uniqueId("local");
      const worker = await Worker.create({
        connection: nativeConnection,
        taskQueue,
        workflowsPath: WORKFLOWS_PATH,
        activities,
      });
      const started = Date.now();
      const result = await worker.runUntil(
        client.workflow.execute(greetAfterSleep, {
          taskQueue,
          workflowId: uniqueId("local"),
          args: ["Daugavpils", 1_000],
        }),
      );
      expect(result).toBe("Hello, Daugavpils!");
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000); // no time skipping: the timer took real time
    } finally {
      await nativeConnection.close();
      await connection.close();
      await server.stop();
    }
  });
});
