import type { RespondFn } from "@slack/bolt";
import type { Message } from "../../core/messages/model.js";
import { renderSlackMessage } from "../render/message.js";

/** A private answer to the person who clicked or typed, next to (not replacing) the message they acted on. */
export function replyPrivately(respond: RespondFn, message: Message) {
  return respond({ response_type: "ephemeral", replace_original: false, ...renderSlackMessage(message) });
}
