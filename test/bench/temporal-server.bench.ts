// Benchmark of the Temporal test server: 1,000 concurrent workflows, each running an activity and then a
// 30-day timer, started and finished on virtual time. Baseline in the same run: the same 1,000 workflows with
// the activity only (no timer), so the ratio shows what durable timers and time skipping cost.
// Records wall time and peak RSS of the server process and of this process (client + worker).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Client } from "@temporalio/client";
import { createTemporalTestEnv, type TemporalTestEnv } from "../support/temporal-env.js";
import * as activities from "../temporal/activities.js";
import type { callActivity, greetAfterSleep } from "../temporal/workflows/index.js";
import { writeBenchSection } from "./report.js";

const WORKFLOWS = 1_000;
const START_CONCURRENCY = 100;
const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;
const workflowsPath = fileURLToPath(new URL("../temporal/workflows/index.ts", import.meta.url));

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The spawned server's pid, found by the port in its command line (the SDK does not expose it). */
function serverPid(port: string): number {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  const line = out.split("\n").find((l) => l.includes("server-main.ts") && l.trim().endsWith(` ${port}`));
  if (!line) throw new Error(`server process for port ${port} not found`);
  return Number(line.trim().split(/\s+/)[0]);
}

interface Measurement {
  wallMs: number;
  serverPeakRss: number;
  workerPeakRss: number;
}

async function measure(t: TemporalTestEnv, pid: number, scenario: "timer" | "baseline"): Promise<Measurement> {
  let serverPeakRss = 0;
  let workerPeakRss = 0;
  const sample = () => {
    serverPeakRss = Math.max(serverPeakRss, rssOf(pid));
    workerPeakRss = Math.max(workerPeakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 50);
  const taskQueue = t.taskQueue(`bench-${scenario}`);
  // A plain client awaits the results; time skipping is unlocked once for the whole batch (the
  // time-skipping client would unlock per result() call, which the lock counter does not allow concurrently).
  const client = new Client({ connection: t.env.connection, namespace: t.namespace });
  const started = performance.now();
  await t.withWorker(
    { taskQueue, activities, maxCachedWorkflows: 2_000, maxConcurrentWorkflowTaskExecutions: 100 },
    async () => {
      const handles = [];
      for (let i = 0; i < WORKFLOWS; i += START_CONCURRENCY) {
        const batch = Array.from({ length: Math.min(START_CONCURRENCY, WORKFLOWS - i) }, (_, j) => {
          const workflowId = `bench-${scenario}-${i + j}-${taskQueue}`;
          return scenario === "timer"
            ? client.workflow.start<typeof greetAfterSleep>("greetAfterSleep", {
                taskQueue,
                workflowId,
                args: [`n${i + j}`, THIRTY_DAYS_MS],
              })
            : client.workflow.start<typeof callActivity>("callActivity", {
                taskQueue,
                workflowId,
                args: ["greet", [`n${i + j}`], { startToCloseTimeout: "1 minute" }],
              });
        });
        handles.push(...(await Promise.all(batch)));
      }
      const testService = t.env.connection.testService;
      if (!testService) throw new Error("the test server's TestService is not available");
      await testService.unlockTimeSkipping({});
      try {
        const results = await Promise.all(handles.map((h) => h.result()));
        if (results.some((r) => typeof r !== "string" || !r.startsWith("Hello"))) throw new Error("unexpected result");
      } finally {
        await testService.lockTimeSkipping({});
      }
    },
  );
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  sample();
  return { wallMs, serverPeakRss, workerPeakRss };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ratio = (a: number, b: number) => (a / b).toFixed(2);

const t = await createTemporalTestEnv({ workflowsPath });
try {
  if (t.kind !== "pmp-test-server")
    throw new Error("this benchmark measures the project's test server; unset TEMPORAL_ADDRESS");
  const pid = serverPid(t.env.address.split(":").pop()!);
  // Warm-up (worker start, bundle load, JIT) so neither scenario pays it.
  await measure(t, pid, "baseline");
  const baseline = await measure(t, pid, "baseline");
  const timer = await measure(t, pid, "timer");
  const virtualDays = ((await t.env.currentTimeMs()) - Date.now()) / (24 * 3600 * 1000);
  const rows = [
    ["activity only (baseline)", baseline],
    ["activity + 30-day timer", timer],
  ] as const;
  const markdown = `## Temporal test server: 1,000 concurrent workflows

\`npm run bench -- temporal-server\`. ${WORKFLOWS} workflows started concurrently on one worker (in this process) against
the test server (its own process); each runs one activity and then sleeps 30 days on virtual time, all awaited
together with time skipping unlocked. Baseline: the same workflows with the activity only. Virtual clock
advanced by about ${virtualDays.toFixed(0)} days over the run. Machine: ${process.platform}, Node ${process.version}, 2 cores.
Measured ${new Date().toISOString().slice(0, 10)}.

| scenario | wall time | server peak RSS | worker+client peak RSS |
|---|---|---|---|
${rows.map(([name, m]) => `| ${name} | ${(m.wallMs / 1000).toFixed(2)} s | ${mb(m.serverPeakRss)} MB | ${mb(m.workerPeakRss)} MB |`).join("\n")}
| **ratio timer / baseline** | **${ratio(timer.wallMs, baseline.wallMs)}×** | **${ratio(timer.serverPeakRss, baseline.serverPeakRss)}×** | **${ratio(timer.workerPeakRss, baseline.workerPeakRss)}×** |

Per workflow: ${(timer.wallMs / WORKFLOWS).toFixed(1)} ms (timer) vs ${(baseline.wallMs / WORKFLOWS).toFixed(1)} ms (baseline) of wall time.
Time skipping advances to one timer at a time and waits for the workflows to react, as Temporal's own test
server does, so the 1,000 timers cost about one extra workflow task each.`;
  console.log(markdown);
  await writeBenchSection("temporal-test-server", markdown);
} finally {
  await t.teardown();
}
