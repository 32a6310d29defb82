import { resolveActor, type KnownActor } from "../core/actor.js";
import type { CoreDeps } from "../core/deps.js";

/** The user and workspace of any Slack payload: commands, interactions and Events API callbacks. */
export interface SlackPayloadUser {
  user?: { id: string; team_id?: string } | string;
  user_id?: string;
  team?: { id: string } | null;
  team_id?: string;
  event?: { user?: string | { id: string } };
}

export function slackUserOf(body: SlackPayloadUser): { userId: string; workspaceId: string } {
  const eventUser = body.event?.user;
  const userId =
    (typeof body.user === "object" ? body.user.id : body.user) ??
    body.user_id ??
    (typeof eventUser === "object" ? eventUser.id : eventUser) ??
    "";
  const workspaceId = body.team?.id ?? body.team_id ?? (typeof body.user === "object" ? body.user.team_id : "") ?? "";
  return { userId, workspaceId };
}

/** The registered staff member behind a Slack user in a workspace, or null. */
export function slackActor(core: CoreDeps, body: SlackPayloadUser): Promise<KnownActor | null> {
  const { userId, workspaceId } = slackUserOf(body);
  if (!userId || !workspaceId) return Promise.resolve(null);
  return resolveActor(core.prisma, { platform: "SLACK", workspaceId, userId });
}
