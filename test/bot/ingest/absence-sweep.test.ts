// The sweep repeats the absence dispatch on a timer: a failed round is logged and retried, never thrown, and
// stop() waits for the round in flight so nothing signals Temporal after the bot has closed its connection.
import { describe, expect, it } from "vitest";
import { startAbsenceSweep } from "../../../bot/ingest/absence-sweep.js";
import { createLogger } from "../../../prisma/runtime/logger.js";

describe("absence sweep", () => {
  it("dispatches at once, retries after a failure, and stops after the round in flight", async () => {
    const rounds: string[] = [];
    let finishLast: () => void = () => {};
    const dispatcher = {
      async dispatchPending() {
        rounds.push("round");
        if (rounds.length === 1) throw new Error("Temporal unreachable");
        if (rounds.length === 2) return 3;
        await new Promise<void>((resolve) => (finishLast = resolve));
        return 0;
      },
    };
    const sweep = startAbsenceSweep({ dispatcher, logger: createLogger("test", "error"), intervalMs: 10 });
    while (rounds.length < 3) await new Promise((r) => setTimeout(r, 5));
    let stopped = false;
    const stopping = sweep.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false); // the third round is still running
    finishLast();
    await stopping;
    const after = rounds.length;
    await new Promise((r) => setTimeout(r, 40));
    expect(rounds.length).toBe(after); // no round after stop()
    expect(after).toBe(3);
  });
});
