import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import type { RateLimiter } from "../edge/rate-limiter.js";
import { boltLogger } from "./bolt-logger.js";
import { SLACK_BODY_LIMIT_BYTES, slackRequestGuard } from "./request-guard.js";
import { WebClient } from "@slack/web-api";
import type { Express } from "express";
import type { Logger } from "../../prisma/runtime/logger.js";
import type { CoreDeps } from "../core/deps.js";
import { authorizeOncePerWorkspace } from "./authorize-once.js";
import { registerListeners } from "./listeners/index.js";

export interface SlackOptions {
  token: string;
  signingSecret: string;
  /** Base URL of the Slack Web API; a local fake in tests. */
  apiUrl?: string | undefined;
  logger: Logger;
  core: CoreDeps;
  /** Requests per window per workspace and per user (bot.ts sets them from the env); absent: unlimited. */
  rateLimits?: { workspace: RateLimiter; user: RateLimiter } | undefined;
}

/**
 * Bolt on our express app at POST /slack/events, behind the request guard (request-guard.ts: media type and
 * charset, 256 KB, v0 signature, timestamp within five minutes either way, rate limits), Bolt's own signature
 * check after it. Bolt logs through our JSON logger. Kept thin: listeners register themselves per surface.
 */
export function mountSlack(app: Express, options: SlackOptions): App {
  app.post(
    "/slack/events",
    slackRequestGuard({
      signingSecret: options.signingSecret,
      logger: options.logger.child("edge"),
      limits: options.rateLimits,
    }),
  );
  const logger = boltLogger(options.logger.child("bolt"));
  const receiver = new ExpressReceiver({
    signingSecret: options.signingSecret,
    endpoints: "/slack/events",
    app,
    logger,
    bodyLimit: SLACK_BODY_LIMIT_BYTES,
  });
  // Every answer must reach Slack within its 3-second window (trigger ids expire too): no half-hour retry
  // loops in the request path. Deliveries that may wait go through the worker's outbox instead.
  const clientOptions = {
    retryConfig: { retries: 1, minTimeout: 100, maxTimeout: 300 },
    logger,
    timeout: 2_500,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const bolt = new App({
    // The bot's identity comes from one auth.test per workspace, on its first request: start-up makes no
    // network calls, and later requests make none for authorisation (Bolt's own `token` mode asks every time).
    authorize: authorizeOncePerWorkspace({ token: options.token, client: new WebClient(undefined, clientOptions) }),
    receiver,
    logger,
    logLevel: LogLevel.WARN,
    clientOptions,
  });
  registerListeners(bolt, { core: options.core, logger: options.logger });
  bolt.error(async (error) => {
    options.logger.error("slack listener failed", { error: error.message });
  });
  return bolt;
}
