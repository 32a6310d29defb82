import type pg from "pg";
import { expect } from "vitest";
import { createAbsenceDispatcher } from "../../bot/ingest/absence-dispatch.js";
import { createAbsenceImporter } from "../../prisma/absences/importer.js";
import type { DemoLearner } from "../../prisma/seed/demo-learners.js";
import type { SlackBotHarness } from "../support/slack/slack-bot-harness.js";
import type { TemporalTestEnv } from "../support/temporal-env.js";

export type AbsenceDay = [date: string, lessons: number, justified?: "yes" | "no" | "unknown"];

/**
 * Imports a learner's absences (unexcused unless said otherwise) through the real importer, then tells the
 * workflows, as the bot's sweep would.
 */
export async function importAbsences(
  env: { harness: SlackBotHarness; temporal: TemporalTestEnv; pool: pg.Pool },
  learner: DemoLearner,
  days: AbsenceDay[],
) {
  const records = days.flatMap(([date, lessons, justified = "no"]) =>
    Array.from({ length: lessons }, (_, i) => ({
      learner_code: learner.learnerCode,
      date,
      lesson: String(i + 1),
      subject: "Matemātika",
      reason: null,
      justified,
    })),
  );
  const result = await createAbsenceImporter({ prisma: env.harness.db.prisma, pool: env.pool }).importRecords(records, {
    scope: { schoolCode: learner.schoolCode },
    label: "test",
  });
  expect(result.rejected).toBe(0);
  await createAbsenceDispatcher({
    prisma: env.harness.db.prisma,
    temporal: env.temporal.client,
    taskQueue: env.harness.taskQueue,
  }).dispatchPending();
  return result;
}
