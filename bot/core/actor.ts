import { z } from "zod";
import type { PrismaClient } from "../../prisma/client.js";
import { Locale, Role, type ChatPlatform } from "../../prisma/generated/enums.js";
import type { Actor } from "./access-matrix.js";
import type { Locale as LocaleType } from "./i18n.js";

export interface ChatUser {
  platform: ChatPlatform;
  workspaceId: string;
  userId: string;
}

export interface KnownActor extends Actor {
  displayName: string;
  locale: LocaleType;
}

// The row the query below returns, checked once here (raw SQL is an edge like any other).
const actorRowSchema = z.object({
  staffId: z.string(),
  displayName: z.string(),
  locale: z.enum(Locale),
  active: z.boolean(),
  roles: z.array(
    z.object({
      role: z.enum(Role),
      schoolId: z.string().nullable(),
      municipalityId: z.string(),
      classLabel: z.string().nullable(),
    }),
  ),
  trainedUntil: z.date().nullable(),
});

/**
 * The staff member behind a chat user, with roles and data-protection training; null for anyone not registered,
 * who then gets a polite refusal and no data.
 *
 * Every chat request starts here, inside the platform's acknowledgement window (Slack: 3 s), so it is one SQL
 * round trip rather than the four a nested Prisma select makes (identity, staff, roles, trainings). No cache:
 * a role revoked or a training expired counts from the very next request. A training with no expiry (NULL
 * validUntil) is valid for good: it sorts first and reads as NO_EXPIRY, never as "not trained" (issue 16 item 5).
 */
/** Stands for "valid with no end date", so the gate (a date comparison) needs no special case. */
export const NO_EXPIRY = new Date("9999-12-31T00:00:00Z");

export async function resolveActor(prisma: PrismaClient, user: ChatUser): Promise<KnownActor | null> {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT s."id" AS "staffId", s."displayName", s."locale"::text AS "locale", s."active",
      COALESCE(
        (SELECT json_agg(json_build_object(
            'role', r."role", 'schoolId', r."schoolId", 'municipalityId', r."municipalityId", 'classLabel', r."classLabel"
          ) ORDER BY r."id")
         FROM "StaffRole" r WHERE r."staffId" = s."id"),
        '[]'::json) AS "roles",
      (SELECT COALESCE(t."validUntil", ${NO_EXPIRY}) FROM "TrainingRecord" t
        WHERE t."staffId" = s."id" AND t."topic" = 'DATA_PROTECTION'::"TrainingTopic"
        ORDER BY t."validUntil" DESC NULLS FIRST LIMIT 1) AS "trainedUntil"
    FROM "ChatIdentity" c JOIN "StaffMember" s ON s."id" = c."staffId"
    WHERE c."platform" = ${user.platform}::"ChatPlatform" AND c."workspaceId" = ${user.workspaceId}
      AND c."userId" = ${user.userId}`;
  if (rows.length === 0) return null;
  const staff = actorRowSchema.parse(rows[0]);
  if (!staff.active) return null;
  return {
    staffId: staff.staffId,
    displayName: staff.displayName,
    locale: staff.locale,
    roles: staff.roles,
    trainedUntil: staff.trainedUntil,
  };
}
