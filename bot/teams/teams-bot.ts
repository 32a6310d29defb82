import {
  CardFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from "botbuilder";
import { parsePmpCommand, runPmpCommand } from "../core/conversation/commands.js";
import type { CoreDeps } from "../core/deps.js";
import { DEFAULT_LOCALE } from "../core/i18n.js";
import { composeHelp } from "../core/messages/composers/help.js";
import { replyGenericError, replyUnregistered } from "../core/messages/replies.js";
import { renderCard } from "./render/card.js";
import { createDirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import type { Logger } from "../../prisma/runtime/logger.js";
import { newFormCard, runCardAction, type TeamsAnswer } from "./card-actions.js";
import { teamsActor, teamsUserOf } from "./teams-user.js";

export interface TeamsBotDeps {
  core: CoreDeps;
  logger: Logger;
}

const CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";

/** A channel thread's conversation id names its message (`…;messageid=…`); the channel is the part before. */
export const channelConversationOf = (conversationId: string) => conversationId.split(";messageid=")[0]!;

/** `pmp report`, `@pmp-bot pmp case R-1`, `/pmp help`, or just `help`: the command after the optional prefix. */
export function commandTextOf(text: string): string {
  return text.trim().replace(/^\/?pmp\b\s*/i, "");
}

/**
 * The Teams surface: messages are commands, Adaptive Card actions (Universal Actions, and the Action.Submit
 * fallback) go to the same core as Slack's buttons and modals, and every incoming activity refreshes the stored
 * conversation reference that proactive messages need. Installing the app links the person by e-mail.
 */
export class PmpTeamsBot extends TeamsActivityHandler {
  private readonly directory;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.directory = createDirectoryRepository(deps.core.prisma);
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  /** Keeps the conversation reference of every activity (install, first contact, any later message). */
  async rememberConversation(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const user = teamsUserOf(activity);
    const tenantId = user?.tenantId ?? activity.conversation?.tenantId;
    if (!tenantId || !activity.conversation?.id) return;
    const personal = activity.conversation.conversationType === "personal";
    await this.directory.saveTeamsConversation({
      tenantId,
      conversationId: channelConversationOf(activity.conversation.id),
      conversationType: activity.conversation.conversationType ?? "personal",
      aadObjectId: personal ? (user?.aadObjectId ?? null) : null,
      reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>,
    });
  }

  private async send(context: TurnContext, answer: TeamsAnswer): Promise<void> {
    if (answer.kind === "text") await context.sendActivity(answer.text);
    else await context.sendActivity({ summary: answer.summary, attachments: [CardFactory.adaptiveCard(answer.card)] });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const actor = await teamsActor(this.deps.core, context.activity);
    const locale = actor?.locale ?? DEFAULT_LOCALE;
    // An Action.Submit (clients without Universal Actions) arrives as a message carrying the card's data.
    if (context.activity.value && typeof context.activity.value === "object") {
      const answer = await runCardAction(this.deps.core, {
        actor,
        locale,
        data: context.activity.value,
        conversationId: channelConversationOf(context.activity.conversation.id),
      });
      return this.send(context, answer);
    }
    const text = commandTextOf(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? "");
    // Where it was typed, for `pmp admin` (its links are per platform, its channel settings per conversation).
    const tenantId = teamsUserOf(context.activity)?.tenantId ?? context.activity.conversation.tenantId;
    const origin = tenantId
      ? {
          platform: "TEAMS" as const,
          workspaceId: tenantId,
          channelId: channelConversationOf(context.activity.conversation.id),
        }
      : null;
    const outcome = await runPmpCommand(this.deps.core, { actor, locale, command: parsePmpCommand(text), origin });
    if (outcome.kind === "OPEN_FORM") return this.send(context, newFormCard(outcome.form, locale));
    return this.send(context, { kind: "card", card: renderCard(outcome.message), summary: outcome.message.summary });
  }

  /** On install: link the person by e-mail if the directory knows it, then say what the bot can do (or cannot). */
  private async welcome(context: TurnContext): Promise<void> {
    const user = teamsUserOf(context.activity);
    if (context.activity.conversation.conversationType === "personal" && user) {
      const member = await TeamsInfo.getMember(context, context.activity.from.id).catch(() => null);
      const email = member?.email ?? member?.userPrincipalName;
      if (email) await this.directory.linkTeamsUserByEmail({ ...user, email });
      const actor = await teamsActor(this.deps.core, context.activity);
      const message = actor ? composeHelp(actor.locale) : replyUnregistered(DEFAULT_LOCALE);
      await this.send(context, { kind: "card", card: renderCard(message), summary: message.summary });
    }
  }

  /** Universal Actions: always a non-empty answer (Teams retries an empty one, which would act twice). */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const actor = await teamsActor(this.deps.core, context.activity).catch(() => null);
    const locale = actor?.locale ?? DEFAULT_LOCALE;
    let answer: TeamsAnswer;
    try {
      answer = await runCardAction(this.deps.core, {
        actor,
        locale,
        data: invokeValue.action?.data,
        conversationId: channelConversationOf(context.activity.conversation.id),
      });
    } catch (error) {
      this.deps.logger.error("teams card action failed", {
        verb: invokeValue.action?.verb ?? "none",
        error: error instanceof Error ? error.name : "unknown",
      });
      answer = { kind: "text", text: replyGenericError(locale).summary };
    }
    if (answer.kind === "text")
      return { statusCode: 200, type: MESSAGE, value: answer.text as unknown as Record<string, unknown> };
    return { statusCode: 200, type: CARD, value: answer.card as unknown as Record<string, unknown> };
  }
}
