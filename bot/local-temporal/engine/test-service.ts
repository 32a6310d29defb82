// temporal.api.testservice.v1.TestService: the time-skipping controls @temporalio/testing uses.
import type { Engine } from "./engine.js";
import type { ServiceHandlers } from "./grpc-wiring.js";
import { failedPrecondition } from "./rpc-error.js";
import { durationMs, timestamp, timestampMs } from "./proto.js";
import type { temporal } from "@temporalio/proto";

function sleepUntil(engine: Engine, at: number): Promise<object> {
  return new Promise((resolve) => engine.clock.at(at, () => resolve({})));
}

export function testServiceHandlers(engine: Engine): ServiceHandlers<temporal.api.testservice.v1.TestService> {
  return {
    LockTimeSkipping: () => {
      engine.clock.lock();
      return {};
    },
    UnlockTimeSkipping: () => {
      if (engine.clock.lockCount === 0) throw failedPrecondition("time skipping is not locked");
      engine.clock.unlock();
      return {};
    },
    Sleep: (req) => sleepUntil(engine, engine.now() + durationMs(req.duration)),
    SleepUntil: (req) => sleepUntil(engine, timestampMs(req.timestamp) ?? engine.now()),
    UnlockTimeSkippingWithSleep: async (req) => {
      if (engine.clock.lockCount === 0) throw failedPrecondition("time skipping is not locked");
      const until = engine.now() + durationMs(req.duration);
      engine.clock.unlock();
      await sleepUntil(engine, until);
      engine.clock.lock();
      return {};
    },
    GetCurrentTime: () => ({ time: timestamp(engine.now()) }),
  };
}
