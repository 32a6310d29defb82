import { demoSlackUserId } from "../../../prisma/seed/demo-municipality.js";
import type { CapturedCall } from "../../support/slack/fake-slack-api.js";

/**
 * A message posted to a staff member directly: to their user id, or to the direct-message channel that
 * `conversations.open` gave for it (the fake Slack names it D + the user id's tail, as Slack's ids look).
 */
export function isDirectTo(call: CapturedCall, staffKey: string): boolean {
  const userId = demoSlackUserId(staffKey);
  return call.body.channel === userId || call.body.channel === `D${userId.slice(1)}`;
}
