import { fileURLToPath } from "node:url";
import {
  NativeConnection,
  Runtime,
  Worker,
  DefaultLogger,
  type LogLevel as TemporalLogLevel,
} from "@temporalio/worker";
import type { PrismaClient } from "../prisma/client.js";
import type { Logger, LogLevel } from "../prisma/runtime/logger.js";
import { createActivities, type ActivityDeps } from "./index.js";
import { createDelivery } from "./delivery/index.js";
import type { ChatTransport } from "./delivery/transport.js";

export const WORKFLOWS_PATH = fileURLToPath(new URL("../workflows/index.ts", import.meta.url));

export interface RunningWorker {
  /** Resolves when the worker has stopped (after shutdown() or a fatal error). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

let runtimeInstalled = false;

/** Temporal's own logs go through our logger, so there is one log format per process. */
function installRuntimeLogger(logger: Logger, level: LogLevel): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const temporalLevel = level.toUpperCase() as TemporalLogLevel;
  Runtime.install({
    logger: new DefaultLogger(temporalLevel === "DEBUG" ? "DEBUG" : temporalLevel, (entry) => {
      const at =
        entry.level === "TRACE" || entry.level === "DEBUG"
          ? "debug"
          : entry.level === "WARN"
            ? "warn"
            : entry.level === "ERROR"
              ? "error"
              : "info";
      logger[at](entry.message);
    }),
  });
}

/**
 * Starts a worker for our task queue: our workflows (bundled from workflows/index.ts), our activities over the
 * given database, and the drainer that delivers the outbox through the connected platforms' transports (none
 * connected: messages wait in the outbox and go out once a platform is). The caller owns the database client.
 */
export async function startWorker(options: {
  address: string;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
  logger: Logger;
  logLevel: LogLevel;
  transports: ChatTransport[];
  directoryJobs?: ActivityDeps["directoryJobs"];
}): Promise<RunningWorker> {
  installRuntimeLogger(options.logger.child("temporal"), options.logLevel);
  const connection = await NativeConnection.connect({ address: options.address });
  const delivery = createDelivery({ prisma: options.prisma, transports: options.transports, logger: options.logger });
  try {
    const worker = await Worker.create({
      connection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      workflowsPath: WORKFLOWS_PATH,
      activities: createActivities({
        prisma: options.prisma,
        logger: options.logger.child("activities"),
        outbox: delivery.outbox,
        ...(options.directoryJobs ? { directoryJobs: options.directoryJobs } : {}),
      }),
    });
    delivery.drainer.start();
    // The absence sweep (bot/ingest/absence-sweep.ts) runs in the bot process, next to the dispatch it repeats.
    const done = worker.run().finally(async () => {
      await delivery.drainer.stop();
      await connection.close();
    });
    return {
      done,
      async shutdown() {
        if (worker.getState() === "RUNNING") worker.shutdown();
        await done;
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
