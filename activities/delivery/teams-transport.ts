import { TeamsSendError, teamsSenderFromEnv, type TeamsSender } from "../../bot/teams/proactive.js";
import type { PrismaClient } from "../../prisma/client.js";
import { createDirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import type { ChatAddress } from "../../prisma/repositories/directory-repository.js";
import { DeliveryError, type ChatTransport } from "./transport.js";

/**
 * Teams' side of delivery: a neutral address becomes a stored conversation reference (a person's personal chat
 * with the bot, found by tenant and AAD object id; a body's channel), the message goes out as an Adaptive Card
 * whose `refresh` names its queue key, and an edit updates the earlier card in place. The connector's 429 and 5xx
 * go back to the drainer's back-off; a missing reference (the app is not installed for that person or team) is
 * final and becomes an operator alert.
 */
export function createTeamsTransport(options: { prisma: PrismaClient; sender: TeamsSender }): ChatTransport {
  const { prisma, sender } = options;
  const directory = createDirectoryRepository(prisma);

  async function referenceOf(address: ChatAddress): Promise<Record<string, unknown>> {
    if (address.kind === "CHANNEL") {
      const channel = await prisma.chatChannel.findUnique({
        where: { id: address.channelId },
        select: { platform: true, workspaceId: true, externalId: true, conversationRef: true },
      });
      if (channel?.platform !== "TEAMS") throw new DeliveryError("no Teams channel on record", { retryable: false });
      const reference =
        (channel.conversationRef as Record<string, unknown> | null) ??
        (await directory.teamsConversation({ tenantId: channel.workspaceId, conversationId: channel.externalId }));
      if (!reference) throw new DeliveryError("the Teams app is not installed in that team", { retryable: false });
      return reference;
    }
    const identity = await directory.teamsIdentityOf({ staffId: address.staffId });
    if (!identity) throw new DeliveryError("no Teams identity on record", { retryable: false });
    const reference = await directory.teamsConversation(identity);
    if (!reference) throw new DeliveryError("no personal Teams chat with the bot on record", { retryable: false });
    return reference;
  }

  /** Who sees the card's refreshed state automatically: the addressee of a personal chat (a channel: everyone). */
  const refreshUsers = (reference: Record<string, unknown>, address: ChatAddress): string[] => {
    const user = (reference.user as { id?: string } | undefined)?.id;
    return address.kind === "PERSON" && user ? [user] : [];
  };

  return {
    platform: "TEAMS",
    async deliver(request) {
      try {
        const reference = await referenceOf(request.address);
        const refresh = { key: request.idempotencyKey, userIds: refreshUsers(reference, request.address) };
        if (request.replaces) {
          const [conversationId, activityId] = splitMessageId(request.replaces);
          const conversation = { ...(reference.conversation as Record<string, unknown>), id: conversationId };
          await sender.update({ ...reference, conversation }, activityId, request.message, refresh);
          return { externalMessageId: request.replaces };
        }
        const activityId = await sender.send(reference, request.message, refresh);
        const conversationId = (reference.conversation as { id: string }).id;
        return { externalMessageId: `${conversationId}|${activityId}` };
      } catch (error) {
        throw error instanceof DeliveryError ? error : classifyTeamsError(error);
      }
    },
  };
}

/** "<conversation id>|<activity id>": conversation ids contain colons and semicolons, never a bar. */
function splitMessageId(externalMessageId: string): [string, string] {
  const at = externalMessageId.lastIndexOf("|");
  return [externalMessageId.slice(0, at), externalMessageId.slice(at + 1)];
}

/** Rate limits, server errors and network trouble are worth retrying; anything else the connector refused is not. */
export function classifyTeamsError(error: unknown): DeliveryError {
  if (!(error instanceof TeamsSendError)) {
    return new DeliveryError(error instanceof Error ? error.name : "unknown", { retryable: true, inDoubt: true });
  }
  const retryAfterMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined;
  if (error.status === undefined) return new DeliveryError(error.message, { retryable: true, inDoubt: true });
  if (error.status === 429) return new DeliveryError("rate limited (429)", { retryable: true, retryAfterMs });
  if (error.status >= 500) return new DeliveryError(error.message, { retryable: true, retryAfterMs, inDoubt: true });
  return new DeliveryError(error.message, { retryable: false });
}

/** The Teams transport when the environment has the app's credentials; none otherwise (messages wait). */
export function teamsTransportsFromEnv(
  prisma: PrismaClient,
  env: Parameters<typeof teamsSenderFromEnv>[0],
): ChatTransport[] {
  const sender = teamsSenderFromEnv(env);
  return sender ? [createTeamsTransport({ prisma, sender })] : [];
}
