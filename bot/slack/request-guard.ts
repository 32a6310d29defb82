import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { z } from "zod";
import type { Logger } from "../../prisma/runtime/logger.js";
import { declaredLength, parseContentType } from "../edge/content-type.js";
import type { RateLimiter } from "../edge/rate-limiter.js";

/** Slack's own payloads stay far below this; a larger body is refused before it is read (issue 16 item 4). */
export const SLACK_BODY_LIMIT_BYTES = 256 * 1024;
/** Slack's replay window, both ways: a timestamp further in the past or in the future is refused. */
export const SLACK_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

const SIGNATURE = /^v0=([0-9a-f]{64})$/;
const MEDIA_TYPES = new Set(["application/x-www-form-urlencoded", "application/json"]);

export interface SlackRequestGuardOptions {
  signingSecret: string;
  logger: Logger;
  /** Per workspace (team id) and per Slack user; absent: no rate limit (tests that do not test it). */
  limits?: { workspace: RateLimiter; user: RateLimiter } | undefined;
  /** Seconds since the epoch; the clock is an argument for tests. */
  nowSeconds?: () => number;
}

// Who a verified request is from, wherever its kind keeps it: slash commands as form fields, interactions as a
// JSON `payload` field, Events API callbacks as JSON. Only the ids are read; the rest is Bolt's.
const idsOfJson = z.looseObject({
  team_id: z.string().optional(),
  team: z.looseObject({ id: z.string().optional() }).nullish(),
  user: z.union([z.string(), z.looseObject({ id: z.string().optional() })]).nullish(),
  user_id: z.string().optional(),
  event: z.looseObject({ user: z.unknown().optional() }).optional(),
});

/**
 * The first thing every request to /slack/events meets, before Bolt reads it: everything Slack's documentation
 * asks a receiver to check and Bolt 5 does not, each answered at once with its own status, so a hostile or broken
 * client costs neither a parse nor a listener:
 *
 *   415 a media type other than form or JSON, or a charset other than UTF-8 (Slack sends UTF-8 only)
 *   413 a body over 256 KB: by Content-Length unread, otherwise as soon as the limit is passed
 *   401 a signature other than version v0, a timestamp more than 5 minutes off either way, a wrong signature
 *   429 a workspace or a user over their rate limit, with Retry-After in seconds
 *
 * A verified body is handed to Bolt as `rawBody` (Bolt reads that instead of the stream and checks again).
 */
export function slackRequestGuard(options: SlackRequestGuardOptions): RequestHandler {
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const log = options.logger;
  return (req: Request, res: Response, next: NextFunction) => {
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
      log.warn("slack request refused", { status, reason });
      res.set(headers).status(status).json({ error: reason });
    };
    const { mediaType, charset } = parseContentType(req.get("content-type"));
    if (!MEDIA_TYPES.has(mediaType)) return refuse(415, "unsupported media type");
    if (charset !== null && charset !== "utf-8" && charset !== "utf8") return refuse(415, "charset must be UTF-8");
    // Bolt compares the media type exactly; a declared UTF-8 charset is the same body.
    req.headers["content-type"] = mediaType;

    const length = declaredLength(req.get("content-length"));
    if (length !== null && length > SLACK_BODY_LIMIT_BYTES) {
      res.set("Connection", "close");
      return refuse(413, "request body too large");
    }
    const signature = SIGNATURE.exec(req.get("x-slack-signature") ?? "")?.[1];
    if (!signature) return refuse(401, "signature must be version v0");
    const timestampHeader = req.get("x-slack-request-timestamp") ?? "";
    const timestamp = /^\d{1,12}$/.test(timestampHeader) ? Number(timestampHeader) : NaN;
    if (!Number.isFinite(timestamp) || Math.abs(nowSeconds() - timestamp) > SLACK_TIMESTAMP_TOLERANCE_SECONDS)
      return refuse(401, "request timestamp outside the five-minute window");

    readBounded(req, SLACK_BODY_LIMIT_BYTES).then(
      (body) => {
        if (body === null) {
          res.set("Connection", "close");
          return refuse(413, "request body too large");
        }
        const expected = createHmac("sha256", options.signingSecret)
          .update(`v0:${timestampHeader}:`)
          .update(body)
          .digest();
        if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return refuse(401, "signature mismatch");
        if (options.limits) {
          const { team, user } = senderOf(body, mediaType);
          for (const [limiter, key, scope] of [
            [options.limits.workspace, team, "workspace"],
            [options.limits.user, user && `${team}/${user}`, "user"],
          ] as const) {
            if (!key) continue;
            const taken = limiter.take(key);
            if (!taken.allowed)
              return refuse(429, `${scope} rate limit exceeded`, { "Retry-After": String(taken.retryAfterSeconds) });
          }
        }
        (req as Request & { rawBody?: Buffer }).rawBody = body;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** The body, or null as soon as it passes `limit` bytes (the rest is not read: the connection is closed). */
function readBounded(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

function senderOf(body: Buffer, mediaType: string): { team: string | null; user: string | null } {
  try {
    let json: unknown;
    if (mediaType === "application/json") json = JSON.parse(body.toString("utf8"));
    else {
      const form = new URLSearchParams(body.toString("utf8"));
      const payload = form.get("payload");
      json = payload !== null ? JSON.parse(payload) : Object.fromEntries(form);
    }
    const ids = idsOfJson.safeParse(json);
    if (!ids.success) return { team: null, user: null };
    const d = ids.data;
    const team = d.team_id ?? d.team?.id ?? null;
    const user =
      d.user_id ??
      (typeof d.user === "string" ? d.user : d.user?.id) ??
      (typeof d.event?.user === "string" ? d.event.user : null) ??
      null;
    return { team, user };
  } catch {
    // Bolt answers an unreadable body with 400; the limits count only requests it can route.
    return { team: null, user: null };
  }
}
