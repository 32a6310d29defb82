import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort, isAlive as alive, makeScratchDir } from "../../prisma/embedded-postgres.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs a command to its end and gives its exit code and output. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => resolve({ code, out }));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

// The README's main-job command, `npm start`, exactly as a person runs it (through npm) on embedded defaults: no
// DATABASE_URL, no TEMPORAL_ADDRESS, no Slack. The documented commands beside it use its database; SIGTERM to the npm
// process leaves nothing running.
describe("npm start (local mode)", () => {
  it(
    "starts database, engine, worker and bot, lets a documented CLI and a refused second start run beside it, and stops everything on SIGTERM to npm",
    { timeout: 240_000 },
    async () => {
      const dataDir = await makeScratchDir("pmp-main-job-");
      const port = await freePort();
      const env: NodeJS.ProcessEnv = { ...process.env, PMP_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "info" };
      for (const name of [
        "DATABASE_URL",
        "TEMPORAL_ADDRESS",
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "PERSONAL_DATA_KEY",
      ])
        delete env[name];
      const child = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
      let log = "";
      child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
      const exited = exitOf(child);
      try {
        for (let i = 0; i < 600 && !log.includes('"msg":"bot listening"'); i += 1) {
          if (child.exitCode !== null) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(log).toContain('"msg":"bot listening"');
        expect(log).toContain("database: embedded PostgreSQL");
        expect(log).toContain("in-memory engine");
        expect(log).toContain('"msg":"worker polling"');
        expect(log).toContain("Slack not connected");
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(health.status).toBe(200);
        const postmasterPid = Number(
          (await readFile(join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0],
        );
        expect(alive(postmasterPid)).toBe(true);
        // The generated personal-data key is kept with the local data, readable only by its owner.
        expect((await import("node:fs")).statSync(join(dataDir, "personal-data.key")).mode & 0o077).toBe(0);

        const { ownerPid } = JSON.parse(await readFile(join(dataDir, "pmp-owner.json"), "utf8")) as {
          ownerPid: number;
        };
        expect(ownerPid).not.toBe(child.pid); // npm's child: the node process that runs the product

        // A documented CLI beside it uses the running database and leaves it up.
        const token = await run(
          "npm",
          ["run", "--silent", "issue-api-token", "--", "--school", "DEMO-VSK", "--label", "e-klase"],
          env,
        );
        expect(token.out).toMatch(/token .* for school DEMO-VSK/);
        expect(token.code).toBe(0);
        expect(alive(postmasterPid)).toBe(true);
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

        // A second `npm start` on the same data folder refuses in one plain line and changes nothing.
        const second = await run("npm", ["start"], { ...env, PORT: String(await freePort()) });
        expect(second.code).toBe(1);
        expect(second.out).toContain("pmp-bot: pmp-bot is already running on the data folder");
        expect(second.out).not.toMatch(/\n\s+at /); // no stack trace
        expect(alive(postmasterPid)).toBe(true);
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

        child.kill("SIGTERM");
        expect(await exited).toBe(0);
        expect(log).toContain('"msg":"stopped"');
        expect(alive(ownerPid)).toBe(false);
        expect(alive(postmasterPid)).toBe(false);
        await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
        const owner = await readFile(join(dataDir, "pmp-owner.json"), "utf8").catch(() => null);
        if (owner) process.kill((JSON.parse(owner) as { ownerPid: number }).ownerPid, "SIGKILL");
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
