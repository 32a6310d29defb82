import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort, isAlive as alive, makeScratchDir } from "../../prisma/embedded-postgres.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

// The README's main-job command on embedded defaults: no DATABASE_URL, no TEMPORAL_ADDRESS, no Slack.
describe("npm start (local mode)", () => {
  it(
    "starts database, engine, worker and bot, says where they listen, and stops cleanly on SIGTERM",
    { timeout: 180_000 },
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
      const child = spawn(process.execPath, ["--import", "tsx", "bot/start-local.ts"], {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let log = "";
      child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
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

        child.kill("SIGTERM");
        expect(await exited).toBe(0);
        expect(log).toContain('"msg":"stopped"');
        expect(alive(postmasterPid)).toBe(false);
        await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
