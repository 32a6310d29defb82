import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { Connection } from "@temporalio/client";
import { freePort } from "../../prisma/embedded-postgres.js";
import type { Logger } from "../../prisma/runtime/logger.js";

export interface TemporalEngine {
  address: string;
  kind: "external" | "dev-server" | "in-memory";
  stop(): Promise<void>;
}

/**
 * The Temporal frontend for local mode: TEMPORAL_ADDRESS when set; else the official dev server when the
 * `temporal` CLI is installed; else the project's in-memory engine, which keeps workflow state only for the
 * life of the process (the log says so plainly).
 */
export async function openTemporalEngine(options: {
  address?: string | undefined;
  logger: Logger;
}): Promise<TemporalEngine> {
  if (options.address) return { address: options.address, kind: "external", stop: async () => {} };
  const cli = findOnPath("temporal");
  if (cli) return startDevServer(cli, options.logger);
  const { startTemporalTestServer } = await import("./engine/server.js");
  const server = await startTemporalTestServer({ host: "127.0.0.1", port: await freePort() });
  options.logger.warn(
    "Temporal: using the project's in-memory engine. Workflow state lives in this process's memory and is lost when it stops; production uses a Temporal cluster (see docker-compose.yml).",
    { address: server.address },
  );
  return { address: server.address, kind: "in-memory", stop: () => server.stop() };
}

async function startDevServer(cli: string, logger: Logger): Promise<TemporalEngine> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    cli,
    ["server", "start-dev", "--ip", "127.0.0.1", "--port", String(port), "--headless"],
    { stdio: "ignore" },
  );
  const address = `127.0.0.1:${port}`;
  await waitForFrontend(address, child);
  logger.info("Temporal: started the official dev server (state is lost on exit).", { address });
  return {
    address,
    kind: "dev-server",
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function waitForFrontend(address: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 500 });
      await connection.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`temporal dev server did not answer on ${address}`);
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
