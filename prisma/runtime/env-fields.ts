import { z } from "zod";

// Environment fields shared by the bot and worker processes. Each process composes its own schema from these
// (bot/env.ts, activities/env.ts, prisma/env.ts) and parses process.env exactly once at start-up.
// prisma/runtime/ holds the few process-level helpers both processes share: prisma/ is the one folder that
// bot/ and activities/ may both import.

/** Treats `VAR=` like an unset variable, so an empty value cannot slip through as a valid one. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** A duration in milliseconds, at least 100; `VAR=` means the default. */
const milliseconds = (fallback: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(100).default(fallback));

export const databaseFields = {
  /** Unset: start an embedded PostgreSQL under PMP_DATA_DIR. */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  /** Local state: embedded database, generated key. */
  PMP_DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".local")),
  /** 32 bytes, base64. Required in production; generated once and kept in PMP_DATA_DIR in local mode. */
  PERSONAL_DATA_KEY: optional(
    z.string().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64"),
  ),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // Every pool of the process (Prisma's and the raw import pool) applies these (prisma/runtime/database-pool.ts).
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(30_000),
  DATABASE_LOCK_TIMEOUT_MS: milliseconds(10_000),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(60_000),
};

export const temporalFields = {
  /** host:port of a Temporal frontend. Unset: local mode starts the in-memory engine. */
  TEMPORAL_ADDRESS: optional(z.string().regex(/^[^:\s]+:\d+$/, "must be host:port")),
  TEMPORAL_NAMESPACE: z.string().min(1).default("default"),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default("pmp"),
};

/** What both processes need to call the Slack Web API (the bot answers, the worker delivers the outbox). */
export const slackApiFields = {
  SLACK_BOT_TOKEN: optional(z.string().startsWith("xoxb-", "must be a bot token (xoxb-…)")),
  /** Another base URL for the Slack Web API, e.g. a local fake: http://127.0.0.1:4010/api/ */
  SLACK_API_URL: optional(z.url()),
};

export const loggingFields = {
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
};

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Parses an environment against a schema. On failure the message names every offending variable, e.g.
 * `PORT: expected number, received "abc"`, so start-up stops with something an operator can act on.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv, processName: string): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const value = issue.path.length === 1 ? source[String(issue.path[0])] : undefined;
    const shown = value === undefined ? "unset" : `got "${isSecretName(name) ? "***" : value}"`;
    return `  ${name}: ${issue.message} (${shown})`;
  });
  throw new EnvError(`Invalid environment for ${processName}:\n${lines.join("\n")}`);
}

function isSecretName(name: string): boolean {
  return /KEY|SECRET|TOKEN|PASSWORD|Password/.test(name);
}

export const productionRequires = <
  T extends { NODE_ENV: string; PERSONAL_DATA_KEY?: string | undefined; DATABASE_URL?: string | undefined },
>(
  env: T,
  ctx: z.RefinementCtx,
): void => {
  if (env.NODE_ENV !== "production") return;
  if (!env.PERSONAL_DATA_KEY)
    ctx.addIssue({ code: "custom", path: ["PERSONAL_DATA_KEY"], message: "required in production" });
  if (!env.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "required in production" });
};

/**
 * The Teams bot's credentials and Microsoft endpoints, under botbuilder's own setting names (the bot answers, the
 * worker sends proactively). Unset endpoints mean Microsoft's public cloud; a national cloud (or the tests' local
 * identity provider) sets them all, since botbuilder treats any one of them as "all are given".
 */
export const teamsFields = {
  MicrosoftAppId: optional(z.string().min(1)),
  MicrosoftAppPassword: optional(z.string().min(1)),
  MicrosoftAppType: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["SingleTenant", "MultiTenant"]).default("MultiTenant"),
  ),
  MicrosoftAppTenantId: optional(z.string().min(1)),
  ToBotFromChannelOpenIdMetadataUrl: optional(z.url()),
  ToBotFromEmulatorOpenIdMetadataUrl: optional(z.url()),
  ToBotFromChannelTokenIssuer: optional(z.string().min(1)),
  ToChannelFromBotLoginUrl: optional(z.url({ protocol: /^https$/ })),
  ToChannelFromBotOAuthScope: optional(z.string().min(1)),
  OAuthUrl: optional(z.url()),
  CallerId: optional(z.string().min(1)),
  ValidateAuthority: optional(z.enum(["true", "false"])),
};

export const TEAMS_ENDPOINT_SETTINGS = [
  "ToBotFromChannelOpenIdMetadataUrl",
  "ToBotFromEmulatorOpenIdMetadataUrl",
  "ToBotFromChannelTokenIssuer",
  "ToChannelFromBotLoginUrl",
  "ToChannelFromBotOAuthScope",
  "OAuthUrl",
  "CallerId",
  "ValidateAuthority",
] as const;

type TeamsEnv = { [K in keyof typeof teamsFields]?: string | undefined };

/** Id and password together; a tenant for a single-tenant app; the endpoints all or none (see teamsFields). */
export const teamsPairing = (env: TeamsEnv, ctx: z.RefinementCtx): void => {
  if (Boolean(env.MicrosoftAppId) !== Boolean(env.MicrosoftAppPassword)) {
    const missing = env.MicrosoftAppId ? "MicrosoftAppPassword" : "MicrosoftAppId";
    ctx.addIssue({ code: "custom", path: [missing], message: "set MicrosoftAppId and MicrosoftAppPassword together" });
  }
  if (env.MicrosoftAppType === "SingleTenant" && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
    ctx.addIssue({ code: "custom", path: ["MicrosoftAppTenantId"], message: "required for a SingleTenant app" });
  }
  const given = TEAMS_ENDPOINT_SETTINGS.filter((name) => env[name]);
  if (given.length > 0 && given.length < TEAMS_ENDPOINT_SETTINGS.length) {
    for (const name of TEAMS_ENDPOINT_SETTINGS.filter((n) => !env[n])) {
      ctx.addIssue({ code: "custom", path: [name], message: "set every Microsoft endpoint setting, or none" });
    }
  }
};
