import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789";
export const TEST_BOT_TOKEN = "xoxb-test-token";

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"). */
export function signSlackBody(body: string, timestamp: number, secret = TEST_SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SlackPost {
  body: string;
  contentType: string;
}

export const commandBody = (fields: Record<string, string>): SlackPost => ({
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});
export const interactionBody = (payload: unknown): SlackPost => ({
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  contentType: "application/x-www-form-urlencoded",
});

/** Posts a request to the bot as Slack would, signed (or tampered with, for the negative tests). */
export async function postToSlackEndpoint(
  url: string,
  post: SlackPost,
  options: { timestamp?: number; signature?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string; json: unknown }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": post.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? signSlackBody(post.body, timestamp),
      ...options.headers,
    },
    body: post.body,
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, body: text, json };
}
