/**
 * Links staff to their chat accounts by work e-mail: the platform's directory is asked for each active staff
 * member with an e-mail and no account on that platform and workspace yet (Slack: users.lookupByEmail; Teams
 * can pass a lookup by AAD object id or e-mail through the same interface). Who could not be matched is
 * reported, for an administrator to fix (/pmp admin link). Every link and unlink is audited.
 */
import type { PrismaClient } from "../client.js";
import type { ChatPlatform } from "../generated/enums.js";

export interface ChatAccountLookup {
  platform: ChatPlatform;
  /** Slack: team id; Teams: tenant id. */
  workspaceId: string;
  /** The platform user id for a work e-mail, or null when the workspace has nobody with it. */
  userIdByEmail(email: string): Promise<string | null>;
}

export interface LinkReport {
  linked: Array<{ staffId: string; email: string; userId: string }>;
  /** No account with this e-mail in the workspace. */
  unmatched: Array<{ staffId: string; email: string }>;
  /** An account was found but already belongs to another staff member. */
  conflicts: Array<{ staffId: string; email: string; userId: string }>;
  alreadyLinked: number;
}

export type LinkActor = { kind: "STAFF"; staffId: string } | { kind: "SYSTEM"; name: string };

async function audit(
  prisma: PrismaClient,
  actor: LinkActor,
  action: "CHAT_ACCOUNT_LINKED" | "CHAT_ACCOUNT_UNLINKED",
  staffId: string,
  details: { platform: ChatPlatform; workspaceId: string; userId: string; via: string },
): Promise<void> {
  await prisma.auditLog.create({
    data: {
      actorKind: actor.kind,
      actorId: actor.kind === "STAFF" ? actor.staffId : null,
      action,
      entityType: "StaffMember",
      entityId: staffId,
      purpose: "chat-account-link",
      details: actor.kind === "STAFF" ? details : { ...details, system: actor.name },
    },
  });
}

export async function linkChatAccounts(
  prisma: PrismaClient,
  lookup: ChatAccountLookup,
  options: { municipalityId?: string; actor?: LinkActor } = {},
): Promise<LinkReport> {
  const actor = options.actor ?? { kind: "SYSTEM", name: "chat-account-linking" };
  const staff = await prisma.staffMember.findMany({
    where: {
      active: true,
      email: { not: null },
      ...(options.municipalityId ? { municipalityId: options.municipalityId } : {}),
    },
    select: {
      id: true,
      email: true,
      chatIdentities: {
        where: { platform: lookup.platform, workspaceId: lookup.workspaceId },
        select: { id: true },
      },
    },
    orderBy: { email: "asc" },
  });
  const report: LinkReport = { linked: [], unmatched: [], conflicts: [], alreadyLinked: 0 };
  for (const person of staff) {
    if (person.chatIdentities.length > 0) {
      report.alreadyLinked += 1;
      continue;
    }
    const email = person.email!;
    const userId = await lookup.userIdByEmail(email);
    if (!userId) {
      report.unmatched.push({ staffId: person.id, email });
      continue;
    }
    const result = await linkAccount(prisma, {
      staffId: person.id,
      platform: lookup.platform,
      workspaceId: lookup.workspaceId,
      userId,
      actor,
      via: "email",
    });
    if (result === "TAKEN") report.conflicts.push({ staffId: person.id, email, userId });
    else report.linked.push({ staffId: person.id, email, userId });
  }
  return report;
}

/** One link, as the nightly job or an administrator makes it; an account belongs to one person only. */
export async function linkAccount(
  prisma: PrismaClient,
  input: {
    staffId: string;
    platform: ChatPlatform;
    workspaceId: string;
    userId: string;
    actor: LinkActor;
    via: string;
  },
): Promise<"LINKED" | "ALREADY" | "TAKEN"> {
  const key = { platform: input.platform, workspaceId: input.workspaceId, userId: input.userId };
  const existing = await prisma.chatIdentity.findUnique({ where: { platform_workspaceId_userId: key } });
  if (existing) return existing.staffId === input.staffId ? "ALREADY" : "TAKEN";
  await prisma.$transaction(async (tx) => {
    await tx.chatIdentity.create({ data: { staffId: input.staffId, ...key } });
    await audit(tx as unknown as PrismaClient, input.actor, "CHAT_ACCOUNT_LINKED", input.staffId, {
      ...key,
      via: input.via,
    });
  });
  return "LINKED";
}

/** Removes a person's accounts on a platform (all workspaces); returns how many. */
export async function unlinkAccounts(
  prisma: PrismaClient,
  input: { staffId: string; platform: ChatPlatform; actor: LinkActor },
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.chatIdentity.findMany({ where: { staffId: input.staffId, platform: input.platform } });
    for (const row of rows) {
      await tx.chatIdentity.delete({ where: { id: row.id } });
      await audit(tx as unknown as PrismaClient, input.actor, "CHAT_ACCOUNT_UNLINKED", input.staffId, {
        platform: row.platform,
        workspaceId: row.workspaceId,
        userId: row.userId,
        via: "admin",
      });
    }
    return rows.length;
  });
}

/** Active staff with an e-mail and no chat account on the platform: whom an administrator still has to link. */
export async function unlinkedStaff(
  prisma: PrismaClient,
  where: { municipalityId: string; platform: ChatPlatform },
): Promise<Array<{ staffId: string; displayName: string; email: string | null }>> {
  const rows = await prisma.staffMember.findMany({
    where: {
      municipalityId: where.municipalityId,
      active: true,
      chatIdentities: { none: { platform: where.platform } },
    },
    select: { id: true, displayName: true, email: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ staffId: r.id, displayName: r.displayName, email: r.email }));
}
