// Proactive sending for the delivery queue's Teams transport: a card posted into a stored conversation, or an
// earlier one updated in place, with the bot's outgoing token. Failures come back as plain status codes, so the
// transport classifies them without knowing botbuilder (a move to the Teams SDK changes this file only).

import { CloudAdapter, type ConversationReference, type TurnContext } from "botbuilder";
import {
  createTeamsAuthentication,
  teamsSettingsOf,
  type TeamsAuthOptions,
  type TeamsSettings,
} from "./authentication.js";
import { cardActivity, renderCard, type CardRefresh } from "./render/card.js";
import type { Message } from "../core/messages/model.js";

/** A send the Bot Connector refused or that did not get an answer (status undefined: a network failure). */
export class TeamsSendError extends Error {
  override name = "TeamsSendError";
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
  }
}

export interface TeamsSender {
  /** Posts the message as a card into the conversation; answers the new activity's id. */
  send(reference: Record<string, unknown>, message: Message, refresh: CardRefresh): Promise<string>;
  /** Replaces the card of an earlier activity in the conversation. */
  update(reference: Record<string, unknown>, activityId: string, message: Message, refresh: CardRefresh): Promise<void>;
}

function asSendError(error: unknown): TeamsSendError {
  const failed = error as {
    statusCode?: number;
    message?: string;
    response?: { headers?: { get?: (name: string) => string | undefined } };
  };
  const retryAfter = Number(failed.response?.headers?.get?.("retry-after"));
  return new TeamsSendError(
    failed.statusCode ? `Bot Connector answered ${failed.statusCode}` : "Bot Connector unreachable",
    failed.statusCode,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}

export function createTeamsSender(settings: TeamsSettings, auth: TeamsAuthOptions = {}): TeamsSender {
  const adapter = new CloudAdapter(createTeamsAuthentication(settings, auth));
  const appId = settings.MicrosoftAppId;
  const activityOf = (message: Message, refresh: CardRefresh) =>
    cardActivity(renderCard(message, { refresh }), message.summary);
  // A stored reference names the activity it was captured from; posting with it would reply in that activity's
  // thread. A proactive message starts its own.
  /**
   * The connector client retries 429 and 5xx itself (up to three times, inside the send). The queue must see them
   * instead: its back-off is in the database, survives a restart and keeps the conversation's order.
   */
  const withoutClientRetries = (context: TurnContext) => {
    const connector = context.turnState.get(adapter.ConnectorClientKey) as
      { client?: { pipeline?: { removePolicy(options: { phase: "Retry" }): unknown } } } | undefined;
    connector?.client?.pipeline?.removePolicy({ phase: "Retry" });
  };
  const conversationOnly = (reference: Record<string, unknown>) => {
    const { activityId: _activityId, ...rest } = reference;
    return rest as Partial<ConversationReference>;
  };

  return {
    async send(reference, message, refresh) {
      let id: string | undefined;
      try {
        await adapter.continueConversationAsync(appId, conversationOnly(reference), async (context) => {
          withoutClientRetries(context);
          id = (await context.sendActivity(activityOf(message, refresh)))?.id;
        });
      } catch (error) {
        throw asSendError(error);
      }
      if (!id) throw new TeamsSendError("Bot Connector returned no activity id", undefined, undefined);
      return id;
    },
    async update(reference, activityId, message, refresh) {
      try {
        await adapter.continueConversationAsync(appId, conversationOnly(reference), async (context) => {
          withoutClientRetries(context);
          await context.updateActivity({ ...activityOf(message, refresh), id: activityId });
        });
      } catch (error) {
        throw asSendError(error);
      }
    },
  };
}

/** The sender for a process's environment (botbuilder's setting names), or null when Teams is not configured. */
export function teamsSenderFromEnv(env: Parameters<typeof teamsSettingsOf>[0]): TeamsSender | null {
  const settings = teamsSettingsOf(env);
  return settings ? createTeamsSender(settings) : null;
}
