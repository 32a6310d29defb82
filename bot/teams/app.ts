import express, { type Express } from "express";
import { CloudAdapter, type TurnContext } from "botbuilder";
import type { CoreDeps } from "../core/deps.js";
import { t } from "../core/i18n.js";
import type { Logger } from "../../prisma/runtime/logger.js";
import { createTeamsAuthentication, type TeamsAuthOptions, type TeamsSettings } from "./authentication.js";
import { PmpTeamsBot } from "./teams-bot.js";

export interface TeamsOptions {
  settings: TeamsSettings;
  logger: Logger;
  core: CoreDeps;
  auth?: TeamsAuthOptions;
}

/** The path Teams posts activities to (the bot's messaging endpoint in its Azure registration). */
export const TEAMS_ENDPOINT = "/api/messages";

/**
 * The Bot Framework's CloudAdapter on our express app at POST /api/messages, authentication on: a request
 * without a valid channel token (signature, key, issuer, audience, expiry, service URL) is answered 401 and
 * reaches no handler.
 */
export function mountTeams(app: Express, options: TeamsOptions): CloudAdapter {
  const adapter = new CloudAdapter(createTeamsAuthentication(options.settings, options.auth));
  const bot = new PmpTeamsBot({ core: options.core, logger: options.logger });
  // The backstop for anything a handler did not catch: a polite answer in Latvian, and a log line that names
  // the kind of failure only (an error's message may quote what the person typed).
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    options.logger.error("teams turn failed", { activity: context.activity.type, error: error.name });
    await context.sendActivity(t("lv", "teams.turnError")).catch(() => {});
  };
  app.post(TEAMS_ENDPOINT, express.json({ limit: "256kb" }), (req, res) => {
    void adapter.process(req, res, async (context) => {
      await bot.rememberConversation(context).catch((error: unknown) =>
        options.logger.warn("teams conversation reference not saved", {
          error: error instanceof Error ? error.name : "unknown",
        }),
      );
      await bot.run(context);
    });
  });
  return adapter;
}
