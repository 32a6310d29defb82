import type { HomeView } from "@slack/types";
import type { Message } from "../../core/messages/model.js";
import { SLACK_LIMITS } from "./limits.js";
import { renderSlackBlocks } from "./message.js";

/** The App Home tab from a composed home message. */
export function renderSlackHome(message: Message): HomeView {
  return { type: "home", blocks: renderSlackBlocks(message, SLACK_LIMITS.surfaceBlocks) };
}
