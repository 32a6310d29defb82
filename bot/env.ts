import { z } from "zod";
import {
  databaseFields,
  loggingFields,
  optional,
  parseEnv,
  productionRequires,
  slackApiFields,
  teamsFields,
  teamsPairing,
  temporalFields,
} from "../prisma/runtime/env-fields.js";

/** Slack credentials under Slack's conventional names; token and signing secret come together or not at all. */
export const slackFields = { ...slackApiFields, SLACK_SIGNING_SECRET: optional(z.string().min(8)) };

export const httpFields = {
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Loopback by default; containers set 0.0.0.0. */
  HOST: z.string().min(1).default("127.0.0.1"),
};

/** Requests a minute before the edge answers 429 (bot/edge/rate-limiter.ts); generous for people, not for floods. */
const perMinute = (fallback: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).default(fallback));
export const rateLimitFields = {
  SLACK_RATE_LIMIT_PER_USER: perMinute(60),
  SLACK_RATE_LIMIT_PER_WORKSPACE: perMinute(1200),
  ABSENCES_RATE_LIMIT_PER_TOKEN: perMinute(30),
};

export const botEnvObject = z.object({
  ...rateLimitFields,
  ...databaseFields,
  ...temporalFields,
  ...loggingFields,
  ...httpFields,
  ...slackFields,
  ...teamsFields,
});

export const slackPairing = (
  env: { SLACK_BOT_TOKEN?: string | undefined; SLACK_SIGNING_SECRET?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  if (Boolean(env.SLACK_BOT_TOKEN) !== Boolean(env.SLACK_SIGNING_SECRET)) {
    const missing = env.SLACK_BOT_TOKEN ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN";
    ctx.addIssue({ code: "custom", path: [missing], message: "set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET together" });
  }
};

const botEnvSchema = botEnvObject.superRefine(productionRequires).superRefine(slackPairing).superRefine(teamsPairing);
export type BotEnv = z.output<typeof botEnvSchema>;

export function loadBotEnv(source: NodeJS.ProcessEnv = process.env): BotEnv {
  return parseEnv(botEnvSchema, source, "the bot");
}
