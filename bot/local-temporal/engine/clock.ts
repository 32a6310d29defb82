// Virtual time for the test server. Time normally follows the wall clock (plus an offset); with time
// skipping enabled it jumps to the next timer, with the semantics of Temporal's own test server:
// a lock counter that starts at 1 (locked), and a skip only while the counter is 0 *and* the engine reports
// that no workflow or activity task is waiting or running. Skipping merely because "nothing is runnable"
// would let a `condition(…, '7 days')` timeout win against a signal the test is about to send.

export interface TimerHandle {
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

export class VirtualClock {
  private offsetMs = 0;
  private seq = 0;
  private readonly entries: Entry[] = []; // kept sorted by (at, seq)
  private locks = 1;
  private wakeup: NodeJS.Timeout | undefined;
  private evaluateQueued = false;
  private stopped = false;
  /** Set while time is held still (see `hold`): `now()` answers it and only timers due by then fire. */
  private heldAt: number | undefined;
  /** Reports whether any workflow/activity task is queued or in flight; set by the engine. */
  isBusy: () => boolean = () => false;

  /** `startAt` (epoch ms) starts virtual time there instead of at the wall clock, e.g. inside an autumn holiday. */
  constructor(
    readonly timeSkipping: boolean,
    startAt?: number,
  ) {
    if (startAt !== undefined) this.offsetMs = startAt - Date.now();
  }

  now(): number {
    return this.heldAt ?? Date.now() + this.offsetMs;
  }

  /**
   * Holds virtual time still at its current instant until `release`. An in-process driver (the simulator) does its
   * work at one instant however long that takes on a loaded machine; without it, wall-clock time would keep flowing
   * under a locked clock and stamp the workflows' reactions a minute late.
   */
  hold(): void {
    this.heldAt = this.now();
  }

  /** Lets time flow again from where it was held. */
  release(): void {
    if (this.heldAt === undefined) return;
    this.offsetMs = this.heldAt - Date.now();
    this.heldAt = undefined;
    this.poke();
  }

  /** Runs `fire` once virtual time reaches `at` (epoch ms). */
  at(at: number, fire: () => void): TimerHandle {
    const entry: Entry = { at, seq: this.seq++, fire, cancelled: false };
    let i = this.entries.length;
    while (i > 0 && this.entries[i - 1]!.at > at) i--;
    this.entries.splice(i, 0, entry);
    this.poke();
    return {
      cancel: () => {
        if (entry.cancelled) return;
        entry.cancelled = true;
        const idx = this.entries.indexOf(entry);
        if (idx >= 0) this.entries.splice(idx, 1);
      },
    };
  }

  after(ms: number, fire: () => void): TimerHandle {
    return this.at(this.now() + Math.max(0, ms), fire);
  }

  lock(): void {
    this.locks += 1;
  }

  unlock(): void {
    if (this.locks === 0) throw new Error("time skipping is already unlocked");
    this.locks -= 1;
    this.poke();
  }

  get lockCount(): number {
    return this.locks;
  }

  /** Re-evaluates timers soon; coalesced so a burst of state changes costs one evaluation. */
  poke(): void {
    if (this.evaluateQueued || this.stopped) return;
    this.evaluateQueued = true;
    setImmediate(() => {
      this.evaluateQueued = false;
      this.evaluate();
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.wakeup) clearTimeout(this.wakeup);
    this.entries.length = 0;
  }

  private evaluate(): void {
    if (this.stopped) return;
    this.fireDue();
    const next = this.entries[0];
    if (!next) return;
    if (this.timeSkipping && this.locks === 0 && !this.isBusy()) {
      // Jump exactly to the next timer and fire only what is due then; the tasks it creates make the
      // engine busy again, so the next jump waits for the workflows to react.
      this.offsetMs = Math.max(this.offsetMs, next.at - Date.now());
      this.fireDue();
      this.poke();
      return;
    }
    if (this.wakeup) clearTimeout(this.wakeup);
    if (this.heldAt !== undefined) return; // nothing more becomes due until time is released
    const delay = Math.min(Math.max(0, next.at - this.now()), 2 ** 31 - 1);
    this.wakeup = setTimeout(() => this.evaluate(), delay);
    this.wakeup.unref();
  }

  private fireDue(): void {
    const now = this.now();
    while (this.entries[0] && this.entries[0].at <= now) {
      const entry = this.entries.shift()!;
      entry.cancelled = true;
      try {
        entry.fire();
      } catch (err) {
        console.error("[temporal-test-server] timer callback failed:", err);
      }
    }
  }
}
