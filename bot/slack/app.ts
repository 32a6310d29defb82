import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import type { Express } from "express";
import type { Logger } from "../../prisma/runtime/logger.js";

export interface SlackOptions {
  token: string;
  signingSecret: string;
  /** Base URL of the Slack Web API; a local fake in tests. */
  apiUrl?: string | undefined;
  logger: Logger;
}

/**
 * Bolt on our express app at POST /slack/events, request signing on (bad signature or a timestamp older
 * than five minutes → 401). Kept thin: listeners register themselves per surface.
 */
export function mountSlack(app: Express, options: SlackOptions): App {
  const receiver = new ExpressReceiver({ signingSecret: options.signingSecret, endpoints: "/slack/events", app });
  const bolt = new App({
    token: options.token,
    receiver,
    logLevel: LogLevel.WARN,
    ...(options.apiUrl ? { clientOptions: { slackApiUrl: options.apiUrl } } : {}),
  });
  bolt.error(async (error) => {
    options.logger.error("slack listener failed", { error: error.message });
  });
  return bolt;
}
