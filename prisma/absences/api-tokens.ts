/**
 * Bearer tokens with which a school's e-journal pushes absences to POST /api/absences. Only the SHA-256 of a
 * token is stored; the plaintext is shown once, when it is issued. A token is bound to one school, and the
 * endpoint accepts only that school's learners.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../client.js";

const TOKEN_PREFIX = "pmp_";

/** Hex SHA-256, the form SchoolApiToken.tokenHash stores. A fast hash suffices: tokens are 256 random bits. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface IssuedApiToken {
  id: string;
  schoolId: string;
  /** Shown once; not recoverable from the database. */
  token: string;
}

export interface VerifiedApiToken {
  id: string;
  schoolId: string;
  label: string;
}

export function createApiTokenRepository(prisma: PrismaClient) {
  return {
    async issue(input: { schoolCode: string; label: string }): Promise<IssuedApiToken> {
      const school = await prisma.school.findUnique({ where: { code: input.schoolCode }, select: { id: true } });
      if (!school) throw new Error(`unknown school ${input.schoolCode}`);
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
      const row = await prisma.schoolApiToken.create({
        data: { schoolId: school.id, label: input.label, tokenHash: hashApiToken(token) },
        select: { id: true, schoolId: true },
      });
      return { ...row, token };
    },

    /** The live token with this plaintext, or null when unknown or revoked. */
    async verify(token: string): Promise<VerifiedApiToken | null> {
      const row = await prisma.schoolApiToken.findUnique({
        where: { tokenHash: hashApiToken(token) },
        select: { id: true, schoolId: true, label: true, revokedAt: true },
      });
      if (!row || row.revokedAt !== null) return null;
      return { id: row.id, schoolId: row.schoolId, label: row.label };
    },

    async revoke(input: { id: string; at?: Date }): Promise<void> {
      await prisma.schoolApiToken.update({
        where: { id: input.id },
        data: { revokedAt: input.at ?? new Date() },
        select: { id: true },
      });
    },
  };
}

export type ApiTokenRepository = ReturnType<typeof createApiTokenRepository>;
