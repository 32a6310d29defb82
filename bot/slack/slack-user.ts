import { resolveActor, type KnownActor } from "../core/actor.js";
import type { CoreDeps } from "../core/deps.js";

/** The registered staff member behind a Slack user in a workspace, or null. */
export function slackActor(
  core: CoreDeps,
  body: { user?: { id: string; team_id?: string }; user_id?: string; team?: { id: string } | null; team_id?: string },
): Promise<KnownActor | null> {
  const userId = body.user?.id ?? body.user_id ?? "";
  const workspaceId = body.team?.id ?? body.team_id ?? body.user?.team_id ?? "";
  return resolveActor(core.prisma, { platform: "SLACK", workspaceId, userId });
}
