import { z } from "zod";
import {
  databaseFields,
  loggingFields,
  parseEnv,
  productionRequires,
  slackApiFields,
  temporalFields,
} from "../prisma/runtime/env-fields.js";

// The worker delivers the outbox to Slack; without a token, messages wait in the outbox.
export const workerEnvObject = z.object({ ...databaseFields, ...temporalFields, ...loggingFields, ...slackApiFields });

const workerEnvSchema = workerEnvObject.superRefine(productionRequires);
export type WorkerEnv = z.output<typeof workerEnvSchema>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, source, "the worker");
}
