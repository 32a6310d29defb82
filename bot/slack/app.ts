import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
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
}

/**
 * Bolt on our express app at POST /slack/events, request signing on (bad signature or a timestamp older
 * than five minutes → 401). Kept thin: listeners register themselves per surface.
 */
export function mountSlack(app: Express, options: SlackOptions): App {
  const receiver = new ExpressReceiver({ signingSecret: options.signingSecret, endpoints: "/slack/events", app });
  // Every answer must reach Slack within its 3-second window (trigger ids expire too): no half-hour retry
  // loops in the request path. Deliveries that may wait go through the worker's outbox instead.
  const clientOptions = {
    retryConfig: { retries: 1, minTimeout: 100, maxTimeout: 300 },
    timeout: 2_500,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const bolt = new App({
    // The bot's identity comes from one auth.test per workspace, on its first request: start-up makes no
    // network calls, and later requests make none for authorisation (Bolt's own `token` mode asks every time).
    authorize: authorizeOncePerWorkspace({ token: options.token, client: new WebClient(undefined, clientOptions) }),
    receiver,
    logLevel: LogLevel.WARN,
    clientOptions,
  });
  registerListeners(bolt, { core: options.core, logger: options.logger });
  bolt.error(async (error) => {
    options.logger.error("slack listener failed", { error: error.message });
  });
  return bolt;
}
