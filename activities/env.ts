import { z } from "zod";
import {
  databaseFields,
  loggingFields,
  parseEnv,
  productionRequires,
  slackApiFields,
  teamsFields,
  teamsPairing,
  temporalFields,
} from "../prisma/runtime/env-fields.js";

// The worker delivers the outbox to Slack and Teams; without a platform's credentials, messages wait in the outbox.
export const workerEnvObject = z.object({
  ...databaseFields,
  ...temporalFields,
  ...loggingFields,
  ...slackApiFields,
  ...teamsFields,
});

const workerEnvSchema = workerEnvObject.superRefine(productionRequires).superRefine(teamsPairing);
export type WorkerEnv = z.output<typeof workerEnvSchema>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, source, "the worker");
}
