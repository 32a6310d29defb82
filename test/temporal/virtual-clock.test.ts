import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../bot/local-temporal/engine/clock.js";

const START = Date.parse("2025-11-17T08:00:59Z");
const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("virtual clock held still", () => {
  it("answers the held instant however much wall time passes, and fires nothing due later", async () => {
    const clock = new VirtualClock(true, START);
    const fired: number[] = [];
    clock.at(START + 30, () => fired.push(clock.now()));
    clock.hold();
    const held = clock.now();
    await waitMs(80);
    expect(clock.now()).toBe(held);
    expect(fired).toEqual([]);
    clock.release();
    await waitMs(80);
    expect(fired).toHaveLength(1);
    expect(clock.now()).toBeGreaterThan(held);
    // Time resumes from the held instant, not from where the wall clock went meanwhile.
    expect(clock.now() - held).toBeLessThan(80 + 80);
    clock.stop();
  });

  it("fires a timer due at the held instant", async () => {
    const clock = new VirtualClock(false, START);
    clock.hold();
    let fired = false;
    clock.at(clock.now(), () => (fired = true));
    await waitMs(10);
    expect(fired).toBe(true);
    clock.stop();
  });
});
