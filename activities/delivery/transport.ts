import type { ChatPlatform } from "../../prisma/generated/enums.js";
import type { ChatAddress } from "../../prisma/repositories/directory-repository.js";
import type { Message } from "../../bot/core/messages/model.js";

// What the drainer needs from a chat platform. A transport is the only code that knows a platform's ids: it
// turns a neutral address into a Slack channel or a Teams conversation, renders the neutral message for its
// surface, and says whether a failure is worth retrying.

export interface DeliveryRequest {
  /** Stable per message; transports that can tag a message with it use it to find an earlier delivery. */
  idempotencyKey: string;
  address: ChatAddress;
  message: Message;
  /** The platform's reference of an earlier message to edit instead of posting a new one. */
  replaces: string | null;
  /**
   * Set when an earlier attempt may have reached the platform (the worker died or the connection broke mid-send):
   * the transport first looks for that delivery, so a message is never posted twice.
   */
  inDoubtSince: Date | null;
}

export interface DeliveryReceipt {
  /** The platform's reference to the delivered message, for later edits. */
  externalMessageId: string;
}

export interface ChatTransport {
  platform: ChatPlatform;
  deliver(request: DeliveryRequest): Promise<DeliveryReceipt>;
}

/**
 * A failed delivery, classified. `retryable`: rate limits, server errors, network trouble (back off and try again);
 * otherwise the platform refused the message for good (an archived channel, a removed user). `inDoubt`: the
 * platform may have accepted the message before the failure (a timeout, a dropped connection).
 */
export class DeliveryError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly inDoubt: boolean;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number | undefined; inDoubt?: boolean }) {
    super(message);
    this.name = "DeliveryError";
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.inDoubt = options.inDoubt ?? false;
  }
}
