// The global setup compiles the Temporal test server once (test/support/prebuilt-test-server.ts); the bin
// script must run that bundle, and the bundle must be a working server, or every workflow test would silently
// fall back to compiling TypeScript at each start.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { TEST_SERVER_BUNDLE_VARIABLE } from "../support/prebuilt-test-server.js";
import { TEST_SERVER_EXECUTABLE } from "../support/temporal-env.js";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForListener(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (connected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on ${port}`);
}

describe("the prebuilt Temporal test server", () => {
  it("is named to the test processes and exists", () => {
    const bundle = process.env[TEST_SERVER_BUNDLE_VARIABLE];
    expect(bundle).toMatch(/node_modules\/\.cache\/pmp-test-server\/.+\.mjs$/);
    expect(existsSync(bundle!)).toBe(true);
  });

  it("is what the bin script runs, and it listens", async () => {
    const port = await freePort();
    const child = spawn(TEST_SERVER_EXECUTABLE, [String(port)], { stdio: "ignore" });
    try {
      await waitForListener(port, Date.now() + 30_000);
      // `exec node <bundle>`: the script became node running the bundle, with no tsx loader in between.
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, "utf8").split("\0");
      expect(cmdline).toContain(process.env[TEST_SERVER_BUNDLE_VARIABLE]);
      expect(cmdline).not.toContain("tsx");
    } finally {
      child.kill("SIGKILL");
    }
  });
});
