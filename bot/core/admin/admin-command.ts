/**
 * `/pmp admin …`: an administrator keeps the directory's chat side in order from chat, on any platform.
 *
 *   admin unlinked                       staff of the municipality with no account on this platform
 *   admin link <e-mail> <user>           link a staff member to a chat user of this workspace (Slack: @mention or id)
 *   admin unlink <e-mail>                remove a staff member's accounts on this platform
 *   admin channel <body> [school code]   this channel becomes the body's: support-team and school-coordination
 *                                        need a school; municipal, commission and operations are the municipality's
 *
 * Only the ADMINISTRATOR role (access matrix: ADMIN, within its municipality, with current data-protection
 * training); every change is an AuditLog row. Staff names and work e-mails are professionals' data and may be
 * shown; nothing of learners is read here.
 */
import type { PrismaClient } from "../../../prisma/client.js";
import { linkAccount, unlinkAccounts, unlinkedStaff } from "../../../prisma/directory/chat-account-links.js";
import type { ChannelPurpose, ChatPlatform } from "../../../prisma/generated/enums.js";
import { authorize } from "../access-matrix.js";
import type { KnownActor } from "../actor.js";
import type { Locale } from "../i18n.js";
import type { Message } from "../messages/model.js";
import { composeAdminReply, type AdminReply } from "./admin-replies.js";

/** Where the command was typed: the platform, its workspace (Slack team / Teams tenant) and the conversation. */
export interface CommandOrigin {
  platform: ChatPlatform;
  workspaceId: string;
  channelId: string;
}

const BODIES: Record<string, { purpose: ChannelPurpose; school: boolean }> = {
  "support-team": { purpose: "SUPPORT_TEAM", school: true },
  "school-coordination": { purpose: "SCHOOL_COORDINATION", school: true },
  municipal: { purpose: "MUNICIPAL_COORDINATION", school: false },
  commission: { purpose: "COMMISSION", school: false },
  operations: { purpose: "OPERATIONS", school: false },
};

/** A Slack mention as a slash command escapes it (`<@U123|name>`), or a bare user id. */
function chatUserId(text: string | undefined): string | null {
  if (!text) return null;
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text);
  if (mention) return mention[1]!;
  return /^[A-Za-z0-9:_-]{2,128}$/.test(text) ? text : null;
}

export async function runAdminCommand(
  deps: { prisma: PrismaClient; now: () => Date },
  input: { actor: KnownActor; locale: Locale; args: string[]; origin: CommandOrigin | null },
): Promise<Message> {
  const reply = (r: AdminReply) => composeAdminReply(r, input.locale);
  const { prisma } = deps;
  const adminRole = input.actor.roles.find((r) => r.role === "ADMINISTRATOR");
  const municipalityId = adminRole?.municipalityId ?? input.actor.roles[0]?.municipalityId ?? "";
  const decision = authorize(input.actor, "ADMIN", { schoolId: "", municipalityId }, deps.now());
  if (!decision.allowed) return reply({ kind: "FORBIDDEN", reason: decision.reason });
  const [sub = "help", ...args] = input.args;
  const origin = input.origin;
  const actor = { kind: "STAFF" as const, staffId: input.actor.staffId };
  const audit = (action: string, entityType: string, entityId: string, details: Record<string, string>) =>
    prisma.auditLog.create({
      data: {
        actorKind: "STAFF",
        actorId: input.actor.staffId,
        action,
        entityType,
        entityId,
        purpose: "admin",
        details,
      },
    });
  const staffByEmail = (email: string | undefined) =>
    email
      ? prisma.staffMember.findFirst({
          where: { email: email.toLowerCase().replace(/^<mailto:([^|>]+).*>$/, "$1"), municipalityId },
          select: { id: true, displayName: true, email: true },
        })
      : Promise.resolve(null);

  switch (sub.toLowerCase()) {
    case "unlinked": {
      if (!origin) return reply({ kind: "NO_ORIGIN" });
      const people = await unlinkedStaff(prisma, { municipalityId, platform: origin.platform });
      await audit("ADMIN_LIST_UNLINKED", "Municipality", municipalityId, {
        platform: origin.platform,
        count: String(people.length),
      });
      return reply({ kind: "UNLINKED", people: people.map((p) => `${p.displayName} (${p.email ?? "—"})`) });
    }
    case "link": {
      if (!origin) return reply({ kind: "NO_ORIGIN" });
      const staff = await staffByEmail(args[0]);
      const userId = chatUserId(args[1]);
      if (!staff) return reply({ kind: "NO_STAFF" });
      if (!userId) return reply({ kind: "USAGE" });
      const result = await linkAccount(prisma, {
        staffId: staff.id,
        platform: origin.platform,
        workspaceId: origin.workspaceId,
        userId,
        actor,
        via: "admin",
      });
      return reply({ kind: result === "TAKEN" ? "TAKEN" : "LINKED", who: staff.displayName });
    }
    case "unlink": {
      if (!origin) return reply({ kind: "NO_ORIGIN" });
      const staff = await staffByEmail(args[0]);
      if (!staff) return reply({ kind: "NO_STAFF" });
      const count = await unlinkAccounts(prisma, { staffId: staff.id, platform: origin.platform, actor });
      return reply({ kind: "UNLINKED_ONE", who: staff.displayName, count });
    }
    case "channel": {
      if (!origin) return reply({ kind: "NO_ORIGIN" });
      const body = BODIES[(args[0] ?? "").toLowerCase()];
      if (!body) return reply({ kind: "USAGE" });
      const school = body.school
        ? await prisma.school.findFirst({
            where: { code: args[1] ?? "", municipalityId },
            select: { id: true, code: true },
          })
        : null;
      if (body.school && !school) return reply({ kind: "NO_SCHOOL" });
      const owner = school ? { schoolId: school.id, municipalityId: null } : { schoolId: null, municipalityId };
      const channel = await prisma.$transaction(async (tx) => {
        // One channel per body and platform: the new one replaces the old.
        await tx.chatChannel.deleteMany({
          where: {
            platform: origin.platform,
            purpose: body.purpose,
            ...(school ? { schoolId: school.id } : { municipalityId, schoolId: null }),
            NOT: { workspaceId: origin.workspaceId, externalId: origin.channelId },
          },
        });
        const key = {
          platform: origin.platform,
          workspaceId: origin.workspaceId,
          externalId: origin.channelId,
          purpose: body.purpose,
        };
        const row = await tx.chatChannel.upsert({
          where: { platform_workspaceId_externalId_purpose: key },
          create: { ...key, ...owner },
          update: owner,
        });
        await tx.auditLog.create({
          data: {
            actorKind: "STAFF",
            actorId: input.actor.staffId,
            action: "ADMIN_SET_CHANNEL",
            entityType: "ChatChannel",
            entityId: row.id,
            purpose: "admin",
            details: { purpose: body.purpose, platform: origin.platform, ...(school ? { school: school.code } : {}) },
          },
        });
        return row;
      });
      return reply({ kind: "CHANNEL_SET", body: body.purpose, school: school?.code ?? null, channelId: channel.id });
    }
    default:
      return reply({ kind: "USAGE" });
  }
}
