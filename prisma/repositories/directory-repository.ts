import type { PrismaClient } from "../client.js";
import type { ChannelPurpose, Role } from "../generated/enums.js";

// Who and where to tell: chat channels of schools and municipalities, and staff with their chat identities.
// Returns ids and display names of professionals only.

export interface ChatPerson {
  staffId: string;
  displayName: string;
  locale: "lv" | "en";
  slack: { workspaceId: string; userId: string } | null;
}

const personSelect = {
  id: true,
  displayName: true,
  locale: true,
  chatIdentities: { where: { platform: "SLACK" }, select: { workspaceId: true, userId: true }, take: 1 },
} as const;

type PersonRow = {
  id: string;
  displayName: string;
  locale: "lv" | "en";
  chatIdentities: Array<{ workspaceId: string; userId: string }>;
};
const toPerson = (row: PersonRow): ChatPerson => ({
  staffId: row.id,
  displayName: row.displayName,
  locale: row.locale,
  slack: row.chatIdentities[0] ?? null,
});

export function createDirectoryRepository(prisma: PrismaClient) {
  return {
    async slackChannel(where: {
      schoolId?: string;
      municipalityId?: string;
      purpose: ChannelPurpose;
    }): Promise<{ workspaceId: string; channelId: string } | null> {
      const channel = await prisma.chatChannel.findFirst({
        where: {
          platform: "SLACK",
          purpose: where.purpose,
          ...(where.schoolId ? { schoolId: where.schoolId } : { municipalityId: where.municipalityId }),
        },
        select: { workspaceId: true, externalId: true },
      });
      return channel ? { workspaceId: channel.workspaceId, channelId: channel.externalId } : null;
    },

    async person({ staffId }: { staffId: string }): Promise<ChatPerson | null> {
      const row = await prisma.staffMember.findUnique({ where: { id: staffId }, select: personSelect });
      return row ? toPerson(row) : null;
    },

    /** Active staff holding one of the roles at a school (or, with classLabel, leading that class). */
    async peopleWithRole(where: {
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
