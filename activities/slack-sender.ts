import { ErrorCode, WebClient, type WebAPICallError } from "@slack/web-api";
import type { SlackMessage } from "../bot/slack/blocks/case-messages.js";

export type SendFailure = { retryable: boolean; message: string };

export interface SlackSender {
  post(target: string, message: SlackMessage): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/**
 * The Slack Web API client the worker delivers with. Its own retries are off: Temporal's activity retry policy
 * does the backing off (and survives restarts), so a 429 or 5xx surfaces at once as a retryable failure.
 */
export function createSlackSender(options: { token: string; apiUrl?: string | undefined }): SlackSender {
  const client = new WebClient(options.token, {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });
  return {
    async post(target, message) {
      const result = await client.chat.postMessage({ channel: target, text: message.text, blocks: message.blocks });
      return { channel: result.channel ?? target, ts: result.ts ?? "" };
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    },
  };
}

/** Rate limits, server errors and network trouble are worth retrying; anything Slack refused outright is not. */
export function classifySlackError(error: unknown): SendFailure {
  const coded = error as Partial<WebAPICallError> & { statusCode?: number; data?: { error?: string } };
  switch (coded.code) {
    case ErrorCode.RateLimitedError:
      return { retryable: true, message: "rate limited (429)" };
    case ErrorCode.RequestError:
      return { retryable: true, message: "network error" };
    case ErrorCode.HTTPError:
      return { retryable: (coded.statusCode ?? 500) >= 500, message: `HTTP ${coded.statusCode}` };
    case ErrorCode.PlatformError:
      return {
        retryable: ["internal_error", "fatal_error", "service_unavailable", "request_timeout"].includes(
          coded.data?.error ?? "",
        ),
        message: `Slack error: ${coded.data?.error}`,
      };
    default:
      return { retryable: true, message: error instanceof Error ? error.message : String(error) };
  }
}
