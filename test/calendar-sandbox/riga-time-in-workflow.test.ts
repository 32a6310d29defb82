import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rigaDateOf } from "../../workflows/domain/calendar/index.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";

const temporal = useTemporalTestEnv({
  workflowsPath: fileURLToPath(new URL("./workflows/riga-time-probe.ts", import.meta.url)),
});

// Workflows compute deadlines with these helpers; they must give the same answers in the sandbox as in Node.
describe("Riga time inside the workflow sandbox", () => {
  it("dates instants just after midnight in Riga by Riga's calendar, in winter and summer time", async () => {
    const env = temporal();
    const taskQueue = env.taskQueue();
    const instants = ["2026-11-24T22:50:00Z", "2026-07-01T21:30:00Z", "2026-03-29T00:30:00Z", "2026-10-25T00:30:00Z"];
    const result = await env.withWorker({ taskQueue }, () =>
      env.client.workflow.execute("rigaTimeProbe", {
        taskQueue,
        workflowId: `riga-time-${Date.now()}`,
        args: [instants],
      }),
    );
    expect(result.dates).toEqual(["2026-11-25", "2026-07-02", "2026-03-29", "2026-10-25"]);
    expect(result.dates).toEqual(instants.map((i) => rigaDateOf(new Date(i))));
    expect(result.endOfDay).toBe("2026-11-25T15:00:00.000Z");
    // Two school days after Wednesday 25 November 2026 (Riga) is Friday 27 November, 17:00 Riga.
    expect(result.deadline).toBe("2026-11-27T15:00:00.000Z");
  });
});
