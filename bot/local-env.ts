import type { z } from "zod";
import { parseEnv, productionRequires, teamsPairing } from "../prisma/runtime/env-fields.js";
import { workerEnvObject } from "../activities/env.js";
import { botEnvObject, slackPairing } from "./env.js";

// The local all-in-one process (npm start) is both the bot and the worker, so it accepts both sets of variables.
const localEnvSchema = botEnvObject
  .extend(workerEnvObject.shape)
  .superRefine(productionRequires)
  .superRefine(slackPairing)
  .superRefine(teamsPairing);
export type LocalEnv = z.output<typeof localEnvSchema>;

export function loadLocalEnv(source: NodeJS.ProcessEnv = process.env): LocalEnv {
  return parseEnv(localEnvSchema, source, "pmp-bot (local mode)");
}
