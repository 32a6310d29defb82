import type { Prisma, PrismaClient } from "../client.js";
import type { ChannelPurpose, ChatPlatform, Role } from "../generated/enums.js";
import { isSchoolRole, STAND_INS } from "../../workflows/domain/role-scope.js";

// Who and where to tell: the chat channels of schools' and municipalities' bodies, and staff with their chat
// addresses. Returns neutral addresses (our own ids and a platform); only the delivery transports turn them into a
// platform's ids (a Slack user or channel, a Teams conversation). Display names of professionals only.

/** Where a message goes, in our own terms. The platform is chosen here; the platform's ids are the transport's. */
export type ChatAddress =
  | { kind: "PERSON"; platform: ChatPlatform; staffId: string }
  | { kind: "CHANNEL"; platform: ChatPlatform; channelId: string };

export interface ChatPerson {
  staffId: string;
  displayName: string;
  locale: "lv" | "en";
  /** The person's preferred platform among those they have an identity on; null when they have none. */
  address: ChatAddress | null;
}

const personSelect = {
  id: true,
  displayName: true,
  locale: true,
  preferredPlatform: true,
  chatIdentities: { select: { platform: true }, orderBy: { id: "asc" } },
  municipality: { select: { defaultPlatform: true } },
} as const;

type PersonRow = {
  id: string;
  displayName: string;
  locale: "lv" | "en";
  preferredPlatform: ChatPlatform | null;
  chatIdentities: Array<{ platform: ChatPlatform }>;
  municipality?: { defaultPlatform: ChatPlatform } | null;
};

/**
 * The person's own choice when they have an identity there; else their municipality's default platform when they
 * have one there; else the first identity on record.
 */
export function preferredPlatformOf(
  row: Pick<PersonRow, "preferredPlatform" | "chatIdentities" | "municipality">,
): ChatPlatform | null {
  const platforms = row.chatIdentities.map((identity) => identity.platform);
  if (row.preferredPlatform && platforms.includes(row.preferredPlatform)) return row.preferredPlatform;
  const fallback = row.municipality?.defaultPlatform;
  if (fallback && platforms.includes(fallback)) return fallback;
  return platforms[0] ?? null;
}

/** A Teams conversation the bot can post to proactively (botbuilder's ConversationReference as JSON). */
export interface TeamsConversation {
  tenantId: string;
  conversationId: string;
  /** "personal" | "channel" | "groupChat" */
  conversationType: string;
  /** For a personal chat: the person's Azure AD object id. */
  aadObjectId: string | null;
  reference: Record<string, unknown>;
}

const toPerson = (row: PersonRow): ChatPerson => {
  const platform = preferredPlatformOf(row);
  return {
    staffId: row.id,
    displayName: row.displayName,
    locale: row.locale,
    address: platform ? { kind: "PERSON", platform, staffId: row.id } : null,
  };
};

export function createDirectoryRepository(prisma: PrismaClient) {
  /** Active staff holding one of the roles at a school (or, with classLabel, leading that class). */
  async function peopleWithRole(where: {
    roles: Role[];
    schoolId?: string;
    municipalityId?: string;
    classLabel?: string;
  }): Promise<ChatPerson[]> {
    const rows = await prisma.staffMember.findMany({
      where: {
        active: true,
        roles: {
          some: {
            role: { in: where.roles },
            ...(where.schoolId ? { schoolId: where.schoolId } : {}),
            ...(where.municipalityId ? { municipalityId: where.municipalityId } : {}),
            ...(where.classLabel ? { classLabel: where.classLabel } : {}),
          },
        },
      },
      select: personSelect,
      orderBy: { displayName: "asc" },
    });
    return rows.map(toPerson);
  }

  return {
    peopleWithRole,

    /** A body's channels (one per platform it uses), e.g. a school's support team in Slack and in Teams. */
    async channels(where: {
      schoolId?: string;
      municipalityId?: string;
      purpose: ChannelPurpose;
    }): Promise<ChatAddress[]> {
      const rows = await prisma.chatChannel.findMany({
        where: {
          purpose: where.purpose,
          ...(where.schoolId ? { schoolId: where.schoolId } : { municipalityId: where.municipalityId }),
        },
        select: { id: true, platform: true },
        orderBy: { id: "asc" },
      });
      // One channel per platform: a second one registered for the same body and platform is ignored.
      const seen = new Set<ChatPlatform>();
      return rows.flatMap((row) => {
        if (seen.has(row.platform)) return [];
        seen.add(row.platform);
        return [{ kind: "CHANNEL" as const, platform: row.platform, channelId: row.id }];
      });
    },

    /** Every OPERATIONS channel: where operators hear about faults (a municipality's, or the deployment's). */
    async operationsChannels(where: { municipalityId?: string | null } = {}): Promise<ChatAddress[]> {
      const rows = await prisma.chatChannel.findMany({
        where: {
          purpose: "OPERATIONS",
          ...(where.municipalityId ? { OR: [{ municipalityId: where.municipalityId }, { municipalityId: null }] } : {}),
        },
        select: { id: true, platform: true },
        orderBy: { id: "asc" },
      });
      return rows.map((row) => ({ kind: "CHANNEL" as const, platform: row.platform, channelId: row.id }));
    },

    async person({ staffId }: { staffId: string }): Promise<ChatPerson | null> {
      const row = await prisma.staffMember.findUnique({ where: { id: staffId }, select: personSelect });
      return row ? toPerson(row) : null;
    },

    /**
     * Who holds `role` for a learner: at their school for a school role (the class teacher of their class), in
     * the municipality otherwise; when nobody does, the role's stand-in (the social pedagogue for a class
     * teacher). Answers the role found, or the role asked with nobody.
     */
    async holdersOf(where: {
      role: Role;
      schoolId: string;
      municipalityId: string;
      classLabel?: string | null;
    }): Promise<{ role: Role; people: ChatPerson[] }> {
      const stand = STAND_INS[where.role];
      for (const role of [where.role, ...(stand ? [stand] : [])]) {
        const people = await peopleWithRole({
          roles: [role],
          ...(isSchoolRole(role) ? { schoolId: where.schoolId } : { municipalityId: where.municipalityId }),
          ...(role === "CLASS_TEACHER" && where.classLabel ? { classLabel: where.classLabel } : {}),
        });
        if (people.length) return { role, people };
      }
      return { role: where.role, people: [] };
    },

    /**
     * Stores (or refreshes) a Teams conversation reference; called on install and on every incoming activity. A
     * personal chat stays its first owner's: an activity in it from anybody else (which Teams never sends, but a
     * forged request could) refreshes nothing.
     */
    async saveTeamsConversation(conversation: TeamsConversation): Promise<void> {
      const key = { tenantId: conversation.tenantId, conversationId: conversation.conversationId };
      const reference = conversation.reference as Prisma.InputJsonObject;
      const updated = await prisma.teamsConversationReference.updateMany({
        where: { ...key, aadObjectId: conversation.aadObjectId },
        data: { reference },
      });
      if (updated.count > 0) return;
      await prisma.teamsConversationReference.createMany({
        data: [
          { ...key, conversationType: conversation.conversationType, aadObjectId: conversation.aadObjectId, reference },
        ],
        skipDuplicates: true,
      });
    },

    /** The stored reference of a Teams conversation, or of a person's personal chat with the bot (newest first). */
    async teamsConversation(
      where: { tenantId: string; conversationId: string } | { tenantId: string; aadObjectId: string },
    ): Promise<Record<string, unknown> | null> {
      const row = await prisma.teamsConversationReference.findFirst({
        where:
          "conversationId" in where
            ? { tenantId: where.tenantId, conversationId: where.conversationId }
            : { tenantId: where.tenantId, aadObjectId: where.aadObjectId, conversationType: "personal" },
        select: { reference: true },
        orderBy: { updatedAt: "desc" },
      });
      return (row?.reference as Record<string, unknown> | undefined) ?? null;
    },

    /** A staff member's Teams identity (tenant and AAD object id), if they have one. */
    async teamsIdentityOf({ staffId }: { staffId: string }): Promise<{ tenantId: string; aadObjectId: string } | null> {
      const row = await prisma.chatIdentity.findFirst({
        where: { staffId, platform: "TEAMS" },
        select: { workspaceId: true, userId: true },
        orderBy: { id: "asc" },
      });
      return row ? { tenantId: row.workspaceId, aadObjectId: row.userId } : null;
    },

    /**
     * Links a Teams user to the active staff member with the same e-mail address (as Teams reports it when the
     * app is installed), unless the user is linked already. Answers whether a staff member is linked now.
     */
    async linkTeamsUserByEmail(input: { tenantId: string; aadObjectId: string; email: string }): Promise<boolean> {
      const key = { platform: "TEAMS" as const, workspaceId: input.tenantId, userId: input.aadObjectId };
      const existing = await prisma.chatIdentity.findUnique({
        where: { platform_workspaceId_userId: key },
        select: { id: true },
      });
      if (existing) return true;
      const staff = await prisma.staffMember.findFirst({
        where: { email: { equals: input.email.trim(), mode: "insensitive" }, active: true },
        select: { id: true },
      });
      if (!staff) return false;
      await prisma.chatIdentity.createMany({ data: [{ ...key, staffId: staff.id }], skipDuplicates: true });
      return true;
    },

    /** Roles a staff member holds at one school or at municipality level. */
    async rolesOf({ staffId }: { staffId: string }) {
      return prisma.staffRole.findMany({
        where: { staffId },
        select: { role: true, schoolId: true, municipalityId: true, classLabel: true },
      });
    },
  };
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
