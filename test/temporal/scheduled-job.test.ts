import { describe, expect, it } from "vitest";
import { REAL_TIME, eventsOf, uniqueId, useConformanceEnv } from "./conformance-env.js";
import * as activities from "./activities.js";
import { EventType } from "./event-types.js";
import { nextFireTime } from "../../workflows/domain/schedule-spec.js";
import { scheduledJob } from "../../workflows/scheduled-job.js";

const getEnv = useConformanceEnv();

describe("scheduled jobs (calendar spec in Europe/Riga on virtual time)", () => {
  it.skipIf(REAL_TIME)(
    "fires at each calendar time, continues as new between runs, and stops after maxFires",
    async () => {
      const t = getEnv();
      const taskQueue = t.taskQueue();
      await t.withWorker({ taskQueue, activities }, async () => {
        const spec = { daysOfWeek: [1, 3, 5], hours: [8], minutes: [0] };
        const startedAt = new Date(await t.env.currentTimeMs());
        const handle = await t.client.workflow.start(scheduledJob, {
          taskQueue,
          workflowId: uniqueId("scheduled"),
          args: [
            { spec, action: { kind: "activity", name: "recordFire", args: ["report"] }, firesPerRun: 2, maxFires: 5 },
          ],
        });
        const result = await handle.result();
        let expected = startedAt;
        const fires: string[] = [];
        for (let i = 0; i < 5; i++) {
          expected = nextFireTime(spec, expected);
          fires.push(expected.toISOString());
        }
        expect(result).toEqual({ firedCount: 5, recentFires: fires });
        // The activity received the fire time; the last run started from a continue-as-new.
        const events = await eventsOf(handle);
        expect(events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBeTruthy();
        expect(events.some((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).toBe(true);
      });
    },
  );
});
