// A worker in its own process, so a test can kill it with SIGKILL the way a crashed machine would stop.
// Usage: node --import tsx worker-process.ts <address> <namespace> <taskQueue> <workflowsPath>
import { DefaultLogger, NativeConnection, Runtime, Worker } from "@temporalio/worker";
import * as activities from "./activities.js";

Runtime.install({ logger: new DefaultLogger("ERROR") });
const [address, namespace, taskQueue, workflowsPath] = process.argv.slice(2);
const connection = await NativeConnection.connect({ address: address! });
const worker = await Worker.create({
  connection,
  namespace: namespace!,
  taskQueue: taskQueue!,
  workflowsPath: workflowsPath!,
  activities,
  // A task for a dead worker's cache waits this long before any worker may take it (real-server semantics).
  stickyQueueScheduleToStartTimeout: "1s",
});
process.stdout.write("ready\n");
await worker.run();
