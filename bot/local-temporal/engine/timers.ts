// Durable timers on the virtual clock (so time skipping moves them).
import type { Engine } from "./engine.js";
import { durationMs, int64, num } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import type { WorkflowRun } from "./run.js";

export function startTimer(
  engine: Engine,
  run: WorkflowRun,
  attrs: temporal.api.command.v1.IStartTimerCommandAttributes,
  completedEventId: number,
): void {
  const timerId = attrs.timerId ?? "";
  const startedEventId = run.record(
    "timerStartedEventAttributes",
    { timerId, startToFireTimeout: attrs.startToFireTimeout, workflowTaskCompletedEventId: int64(completedEventId) },
    engine.now(),
  );
  const handle = engine.clock.after(durationMs(attrs.startToFireTimeout), () => {
    run.timers.delete(timerId);
    engine.deliver(run, "timerFiredEventAttributes", { timerId, startedEventId: int64(startedEventId) });
  });
  run.timers.set(timerId, { startedEventId, handle });
}

export function cancelTimer(
  engine: Engine,
  run: WorkflowRun,
  attrs: temporal.api.command.v1.ICancelTimerCommandAttributes,
  completedEventId: number,
): void {
  const timerId = attrs.timerId ?? "";
  let startedEventId = run.timers.get(timerId)?.startedEventId;
  if (startedEventId !== undefined) {
    run.timers.get(timerId)!.handle.cancel();
    run.timers.delete(timerId);
  } else {
    // The timer fired while the task ran: like the real server, the cancel wins and the buffered
    // TimerFired event is dropped, since the worker never saw it.
    const fired = run.takeBuffered((e) => e.timerFiredEventAttributes?.timerId === timerId);
    if (!fired) return;
    startedEventId = num(fired.timerFiredEventAttributes?.startedEventId);
  }
  run.record(
    "timerCanceledEventAttributes",
    { timerId, startedEventId: int64(startedEventId), workflowTaskCompletedEventId: int64(completedEventId) },
    engine.now(),
  );
}
