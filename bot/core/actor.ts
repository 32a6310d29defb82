import type { PrismaClient } from "../../prisma/client.js";
import type { ChatPlatform } from "../../prisma/generated/enums.js";
import type { Actor } from "./access-matrix.js";
import type { Locale } from "./i18n.js";

export interface ChatUser {
  platform: ChatPlatform;
  workspaceId: string;
  userId: string;
}

export interface KnownActor extends Actor {
  displayName: string;
  locale: Locale;
}

/**
 * The staff member behind a chat user, with roles and data-protection training; null for anyone not registered,
 * who then gets a polite refusal and no data.
 */
export async function resolveActor(prisma: PrismaClient, user: ChatUser): Promise<KnownActor | null> {
  const identity = await prisma.chatIdentity.findUnique({
    where: { platform_workspaceId_userId: user },
    select: {
      staff: {
        select: {
          id: true,
          displayName: true,
          locale: true,
          active: true,
          roles: { select: { role: true, schoolId: true, municipalityId: true, classLabel: true } },
          trainings: {
            where: { topic: "DATA_PROTECTION" },
            select: { validUntil: true },
            orderBy: { validUntil: "desc" },
            take: 1,
          },
        },
      },
    },
  });
  const staff = identity?.staff;
  if (!staff?.active) return null;
  return {
    staffId: staff.id,
    displayName: staff.displayName,
    locale: staff.locale,
    roles: staff.roles,
    trainedUntil: staff.trainings[0]?.validUntil ?? null,
  };
}
