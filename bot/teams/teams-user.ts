import type { Activity } from "botbuilder";
import { resolveActor, type KnownActor } from "../core/actor.js";
import type { CoreDeps } from "../core/deps.js";

/** Who sent a Teams activity: their tenant and Azure AD object id (what ChatIdentity stores for TEAMS). */
export function teamsUserOf(activity: Partial<Activity>): { tenantId: string; aadObjectId: string } | null {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenantId = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  const aadObjectId = activity.from?.aadObjectId;
  return tenantId && aadObjectId ? { tenantId, aadObjectId } : null;
}

/** The registered staff member behind a Teams user, or null (who then gets the polite "not registered"). */
export function teamsActor(core: CoreDeps, activity: Partial<Activity>): Promise<KnownActor | null> {
  const user = teamsUserOf(activity);
  if (!user) return Promise.resolve(null);
  return resolveActor(core.prisma, { platform: "TEAMS", workspaceId: user.tenantId, userId: user.aadObjectId });
}
