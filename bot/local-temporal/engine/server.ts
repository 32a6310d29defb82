// Runs the engine behind a gRPC server. Used in-process (the app's offline local mode) and by the
// executable that @temporalio/testing spawns.
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { Engine } from "./engine.js";
import { addService } from "./grpc-wiring.js";
import { testServiceHandlers } from "./test-service.js";
import { workflowServiceHandlers } from "./workflow-service.js";

export interface TemporalTestServerOptions {
  /** 0 or absent: any free port. */
  port?: number;
  host?: string;
  /**
   * Skip time to the next timer whenever nothing runs and no client holds the time-skipping lock
   * (Temporal's test-server semantics). Off, time runs like a wall clock: a local engine.
   */
  timeSkipping?: boolean;
  /**
   * Where virtual time starts (epoch ms); default: now. Lets a test run in a chosen week of the school calendar.
   * The executable reads it from TEMPORAL_TEST_SERVER_START_TIME (ISO 8601), since the SDK passes only a port.
   */
  startAt?: number;
}

export interface TemporalTestServer {
  /** host:port, as TEMPORAL_ADDRESS expects it. */
  address: string;
  port: number;
  /** Virtual time (epoch ms): in-process callers such as the simulator stamp what they see with it. */
  now(): number;
  /**
   * Lets time skip from timer to timer until `at` (epoch ms), then locks it again and holds it still there until the
   * next call: what a test's `env.sleep` does over the TestService, for in-process callers that then act at `at`
   * however long their work takes.
   */
  advanceTo(at: number): Promise<void>;
  /** Resolves once no workflow or activity task is queued or running. */
  whenIdle(): Promise<void>;
  /** History length of every run so far, by workflow id (runs in order): e.g. to check continue-as-new. */
  historyLengths(): Map<string, number[]>;
  /** Workflow and activity tasks completed (and workflow tasks failed) so far. */
  stats(): { workflowTasksCompleted: number; workflowTasksFailed: number; activityTasksCompleted: number };
  stop(): Promise<void>;
}

export async function startTemporalTestServer(options: TemporalTestServerOptions = {}): Promise<TemporalTestServer> {
  const host = options.host ?? "127.0.0.1";
  const engine = new Engine(options.timeSkipping ?? false, options.startAt);
  const server = new Server({
    "grpc.max_receive_message_length": 128 * 1024 * 1024,
    "grpc.max_send_message_length": 128 * 1024 * 1024,
  });
  const reported = new Set<string>();
  const onUnimplemented = (method: string) => {
    if (reported.has(method)) return;
    reported.add(method);
    console.error(`[temporal-test-server] unimplemented RPC called: ${method}`);
  };
  addService(
    server,
    "temporal.api.workflowservice.v1.WorkflowService",
    workflowServiceHandlers(engine),
    onUnimplemented,
  );
  addService(server, "temporal.api.testservice.v1.TestService", testServiceHandlers(engine), onUnimplemented);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 0}`, ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  let stopped = false;
  return {
    address: `${host}:${port}`,
    port,
    now: () => engine.now(),
    advanceTo: async (at) => {
      if (at <= engine.now()) return;
      engine.clock.release();
      engine.clock.unlock();
      await new Promise<void>((resolve) => engine.clock.at(at, resolve));
      engine.clock.lock();
      engine.clock.hold();
    },
    stats: () => ({ ...engine.stats }),
    historyLengths: () => {
      const lengths = new Map<string, number[]>();
      for (const run of engine.runs.values())
        lengths.set(run.workflowId, [...(lengths.get(run.workflowId) ?? []), run.history.length]);
      return lengths;
    },
    whenIdle: async () => {
      while (engine.isBusy()) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      engine.queues.close();
      engine.clock.stop();
      // Long polls would hold a graceful shutdown for up to a minute; nothing here needs draining.
      server.forceShutdown();
    },
  };
}
