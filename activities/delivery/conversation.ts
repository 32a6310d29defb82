import type { ChatAddress } from "../../prisma/repositories/directory-repository.js";

/** Messages to one conversation are delivered in the order they were written; this names the conversation. */
export function conversationKeyOf(address: ChatAddress): string {
  return address.kind === "PERSON"
    ? `${address.platform}:PERSON:${address.staffId}`
    : `${address.platform}:CHANNEL:${address.channelId}`;
}
