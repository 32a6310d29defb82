import { ErrorCode, WebClient, type WebAPICallError } from "@slack/web-api";
import { renderSlackMessage } from "../../bot/slack/render/message.js";
import type { PrismaClient } from "../../prisma/client.js";
import type { ChatAddress } from "../../prisma/repositories/directory-repository.js";
import { DeliveryError, type ChatTransport, type DeliveryRequest } from "./transport.js";

/** Tags every message the bot posts, so a delivery in doubt can be found again instead of posted twice. */
const OUTBOX_EVENT_TYPE = "pmp_outbox";

/** Slack errors that go away on their own; anything else Slack refused is final (archived channel, removed user). */
const TRANSIENT_PLATFORM_ERRORS = [
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
];

/**
 * Slack's side of delivery: neutral addresses become Slack ids here (a person's DM channel, a body's channel),
 * messages are rendered to Block Kit, and Slack's answers are classified for the drainer. The Web API client's own
 * retries are off: the drainer backs off in the database, which survives restarts.
 */
export function createSlackTransport(options: {
  prisma: PrismaClient;
  token: string;
  apiUrl?: string | undefined;
  /** Per call; a slower answer counts as in doubt and is retried. */
  timeoutMs?: number;
}): ChatTransport {
  const { prisma } = options;
  const client = new WebClient(options.token, {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });
  const directMessageChannels = new Map<string, string>();

  /**
   * Where to post for a neutral address: a body's channel, or a person's Slack user id (Slack delivers a post to a
   * user id in the person's direct messages with the bot).
   */
  async function slackTargetOf(address: ChatAddress): Promise<string> {
    if (address.kind === "CHANNEL") {
      const channel = await prisma.chatChannel.findUnique({
        where: { id: address.channelId },
        select: { platform: true, externalId: true },
      });
      if (channel?.platform !== "SLACK") throw new DeliveryError("no Slack channel on record", { retryable: false });
      return channel.externalId;
    }
    const identity = await prisma.chatIdentity.findFirst({
      where: { staffId: address.staffId, platform: "SLACK" },
      select: { userId: true },
      orderBy: { id: "asc" },
    });
    if (!identity) throw new DeliveryError("no Slack identity on record", { retryable: false });
    return identity.userId;
  }

  /** The conversation a target's history lives in: a user's direct-message channel, or the channel itself. */
  async function conversationOf(target: string): Promise<string> {
    if (!target.startsWith("U") && !target.startsWith("W")) return target;
    const known = directMessageChannels.get(target);
    if (known) return known;
    const opened = await client.conversations.open({ users: target });
    const channelId = opened.channel?.id;
    if (!channelId) throw new DeliveryError("Slack opened no direct-message channel", { retryable: true });
    directMessageChannels.set(target, channelId);
    return channelId;
  }

  /** An earlier post of this message, found by its tag among the bot's messages since the send began. */
  async function findEarlierPost(target: string, request: DeliveryRequest): Promise<string | null> {
    const channel = await conversationOf(target);
    const since = (request.inDoubtSince!.getTime() - 60_000) / 1000;
    const history = await client.conversations.history({
      channel,
      oldest: since.toFixed(6),
      include_all_metadata: true,
      limit: 100,
    });
    const found = history.messages?.find(
      (m) =>
        m.metadata?.event_type === OUTBOX_EVENT_TYPE &&
        (m.metadata.event_payload as { key?: unknown } | undefined)?.key === request.idempotencyKey,
    );
    return found?.ts ? `${channel}|${found.ts}` : null;
  }

  return {
    platform: "SLACK",
    async deliver(request) {
      try {
        const rendered = renderSlackMessage(request.message);
        if (request.replaces) {
          const [channel, ts] = request.replaces.split("|") as [string, string];
          await client.chat.update({ channel, ts, text: rendered.text, blocks: rendered.blocks });
          return { externalMessageId: request.replaces };
        }
        const channel = await slackTargetOf(request.address);
        if (request.inDoubtSince) {
          const earlier = await findEarlierPost(channel, request);
          if (earlier) return { externalMessageId: earlier };
        }
        const posted = await client.chat.postMessage({
          channel,
          text: rendered.text,
          blocks: rendered.blocks,
          metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: request.idempotencyKey } },
        });
        return { externalMessageId: `${posted.channel ?? channel}|${posted.ts ?? ""}` };
      } catch (error) {
        throw error instanceof DeliveryError ? error : classifySlackError(error);
      }
    },
  };
}

/** Rate limits, server errors and network trouble are worth retrying; anything Slack refused outright is not. */
export function classifySlackError(error: unknown): DeliveryError {
  const coded = error as Partial<WebAPICallError> & {
    statusCode?: number;
    retryAfter?: number;
    headers?: Record<string, string>;
    data?: { error?: string };
  };
  switch (coded.code) {
    case ErrorCode.RateLimitedError:
      return new DeliveryError("rate limited (429)", {
        retryable: true,
        retryAfterMs: coded.retryAfter !== undefined ? coded.retryAfter * 1000 : undefined,
      });
    case ErrorCode.RequestError:
      // The request may have reached Slack before the connection broke.
      return new DeliveryError("network error", { retryable: true, inDoubt: true });
    case ErrorCode.HTTPError: {
      const status = coded.statusCode ?? 500;
      const retryAfter = Number(coded.headers?.["retry-after"]);
      return new DeliveryError(`HTTP ${status}`, {
        retryable: status >= 500 || status === 429,
        retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
        inDoubt: status >= 500,
      });
    }
    case ErrorCode.PlatformError: {
      const code = coded.data?.error ?? "unknown";
      return new DeliveryError(`Slack error: ${code}`, { retryable: TRANSIENT_PLATFORM_ERRORS.includes(code) });
    }
    default:
      return new DeliveryError(error instanceof Error ? error.message : String(error), {
        retryable: true,
        inDoubt: true,
      });
  }
}
