// Test harness for workflow tests. Each test file gets one Temporal environment and one workflow bundle;
// each test gets its own task queue and a worker that is shut down (and the workflows the test started
// terminated) in `finally`, also when the test fails.
//
// Which server:
//   TEMPORAL_ADDRESS            an existing server (a real cluster or `temporal server start-dev`); no time skipping
//   TEMPORAL_TEST_SERVER_PATH   a Temporal test-server executable (e.g. Temporal's own), spawned per file
//   otherwise                   our protocol-compatible test server, bot/local-temporal/engine/bin/temporal-test-server
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { WorkflowClientInterceptor } from "@temporalio/client";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { afterAll, beforeAll } from "vitest";
import {
  DefaultLogger,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from "@temporalio/worker";

export const TEST_SERVER_EXECUTABLE = fileURLToPath(
  new URL("../../bot/local-temporal/engine/bin/temporal-test-server", import.meta.url),
);

export type TemporalServerKind = "pmp-test-server" | "external-test-server" | "existing-server";

export interface TemporalTestEnv {
  readonly env: TestWorkflowEnvironment;
  readonly client: TestWorkflowEnvironment["client"];
  readonly kind: TemporalServerKind;
  /** False against an existing server: long timers then really take long, so tests keep them short there. */
  readonly timeSkipping: boolean;
  readonly namespace: string;
  readonly workflowBundle: WorkflowBundleWithSourceMap;
  /** A fresh task queue name (one per test keeps tests from stealing each other's tasks). */
  taskQueue(prefix?: string): string;
  createWorker(options: WorkerTestOptions): Promise<Worker>;
  /**
   * Runs a worker while `fn` runs; afterwards terminates the workflows started meanwhile that are still open
   * (so they cannot hold up time skipping for later tests) and shuts the worker down, whatever `fn` did.
   */
  withWorker<T>(options: WorkerTestOptions, fn: (worker: Worker) => Promise<T>): Promise<T>;
  /** Terminates every still-running workflow this environment's client started. */
  terminateStarted(): Promise<void>;
  teardown(): Promise<void>;
}

export type WorkerTestOptions = Partial<Omit<WorkerOptions, "connection" | "namespace">> & { taskQueue: string };

export interface TemporalTestEnvOptions {
  /** Module exporting the workflows, bundled once for the environment. */
  workflowsPath: string;
}

let runtimeInstalled = false;
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger((process.env.TEMPORAL_TEST_LOG_LEVEL as "ERROR") ?? "ERROR") });
  } catch {
    // Already installed by someone else in this process: keep theirs.
  }
}

export async function createTemporalTestEnv(options: TemporalTestEnvOptions): Promise<TemporalTestEnv> {
  installQuietRuntime();
  const startedIds = new Set<string>();
  // Records workflow ids started through the client, for the clean-up after each test.
  const tracker: WorkflowClientInterceptor = {
    async startWithDetails(input, next) {
      startedIds.add(input.options.workflowId);
      return next(input);
    },
    async start(input, next) {
      startedIds.add(input.options.workflowId);
      return next(input);
    },
    async signalWithStart(input, next) {
      startedIds.add(input.options.workflowId);
      return next(input);
    },
  };
  const client = { interceptors: { workflow: [tracker] } };
  const namespace = process.env.TEMPORAL_NAMESPACE ?? "default";
  let kind: TemporalServerKind;
  let env: TestWorkflowEnvironment;
  if (process.env.TEMPORAL_ADDRESS) {
    kind = "existing-server";
    env = await TestWorkflowEnvironment.createFromExistingServer({
      address: process.env.TEMPORAL_ADDRESS,
      namespace,
      client,
    });
  } else {
    kind = process.env.TEMPORAL_TEST_SERVER_PATH ? "external-test-server" : "pmp-test-server";
    const path = process.env.TEMPORAL_TEST_SERVER_PATH ?? TEST_SERVER_EXECUTABLE;
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: "existing-path", path } },
      client,
    });
  }
  try {
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: options.workflowsPath,
      logger: quietBundlerLogger,
    });
    return makeEnv(env, kind, namespace, workflowBundle, startedIds);
  } catch (err) {
    await env.teardown();
    throw err;
  }
}

const quietBundlerLogger = new DefaultLogger("WARN");

function makeEnv(
  env: TestWorkflowEnvironment,
  kind: TemporalServerKind,
  namespace: string,
  workflowBundle: WorkflowBundleWithSourceMap,
  startedIds: Set<string>,
): TemporalTestEnv {
  const terminateStarted = async () => {
    const ids = [...startedIds];
    startedIds.clear();
    await Promise.all(
      ids.map(async (id) => {
        try {
          const handle = env.client.workflow.getHandle(id);
          const { status } = await handle.describe();
          if (status.name === "RUNNING") await handle.terminate("test finished");
        } catch {
          // Already gone or closed meanwhile: nothing to clean up.
        }
      }),
    );
  };
  const createWorker = (options: WorkerTestOptions) =>
    Worker.create({ workflowBundle, ...options, connection: env.nativeConnection, namespace });
  return {
    env,
    client: env.client,
    kind,
    timeSkipping: env.supportsTimeSkipping,
    namespace,
    workflowBundle,
    taskQueue: (prefix = "test") => `${prefix}-${randomUUID()}`,
    createWorker,
    async withWorker(options, fn) {
      const worker = await createWorker(options);
      try {
        return await worker.runUntil(async () => {
          try {
            return await fn(worker);
          } finally {
            await terminateStarted();
          }
        });
      } finally {
        if (worker.getState() !== "STOPPED" && worker.getState() !== "FAILED") {
          worker.shutdown();
        }
      }
    },
    terminateStarted,
    async teardown() {
      try {
        await terminateStarted();
      } finally {
        await env.teardown();
      }
    },
  };
}

/**
 * Registers beforeAll/afterAll in the calling vitest file (one environment and one bundle per file) and
 * returns an accessor for the environment.
 */
export function useTemporalTestEnv(options: TemporalTestEnvOptions): () => TemporalTestEnv {
  let current: TemporalTestEnv | undefined;
  beforeAll(async () => {
    current = await createTemporalTestEnv(options);
  }, 120_000);
  afterAll(async () => {
    await current?.teardown();
  }, 60_000);
  return () => {
    if (!current) throw new Error("Temporal test environment is not ready (beforeAll failed?)");
    return current;
  };
}
