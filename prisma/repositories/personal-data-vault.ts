import { z } from "zod";
import type { PrismaClient, PrismaTransaction } from "../client.js";
import type { ContactRelation } from "../generated/enums.js";
import type { PersonalDataKey } from "../personal-data-key.js";
import { openJson, sealJson } from "../personal-data-cipher.js";

// The only door to learners' names, personal codes and contacts. Everything is stored as ciphertext; every
// read decrypts here and writes an AuditLog row in the same transaction, so there is no read without a trace.
// Lint forbids touching `learnerPersonalData` / `learnerContact` anywhere else.

export const learnerIdentitySchema = z.object({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  personalCode: z.string().regex(/^\d{6}-\d{5}$/, "personal code must look like 123456-12345"),
  birthDate: z.iso.date().optional(),
});
export type LearnerIdentity = z.infer<typeof learnerIdentitySchema>;

export const contactDetailsSchema = z.object({
  name: z.string().min(1),
  phone: z.string().optional(),
  email: z.email().optional(),
});
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

export type AuditActor = { kind: "STAFF"; staffId: string } | { kind: "SYSTEM" | "INTEGRATION"; name: string };

export interface ReadRequest {
  learnerId: string;
  actor: AuditActor;
  /** Why the data is needed, e.g. "absence-parent-contact"; recorded in the audit log. */
  purpose: string;
}

export interface LearnerContactView extends ContactDetails {
  id: string;
  relation: ContactRelation;
  informOnAbsence: boolean;
}

export function createPersonalDataVault(deps: { prisma: PrismaClient; key: PersonalDataKey }) {
  const { prisma, key } = deps;

  async function audit(tx: PrismaTransaction, request: ReadRequest, action: string, count: number): Promise<void> {
    await tx.auditLog.create({
      data: {
        actorKind: request.actor.kind,
        actorId: request.actor.kind === "STAFF" ? request.actor.staffId : null,
        action,
        entityType: "Learner",
        entityId: request.learnerId,
        purpose: request.purpose,
        details: request.actor.kind === "STAFF" ? { records: count } : { records: count, system: request.actor.name },
      },
    });
  }

  return {
    async storeIdentity(
      learnerId: string,
      identity: LearnerIdentity,
      tx: PrismaTransaction | PrismaClient = prisma,
    ): Promise<void> {
      const ciphertext = sealJson(key, learnerId, learnerIdentitySchema.parse(identity));
      await tx.learnerPersonalData.upsert({
        where: { learnerId },
        create: { learnerId, keyId: key.id, ciphertext },
        update: { keyId: key.id, ciphertext },
      });
    },

    async addContact(
      input: {
        id?: string;
        learnerId: string;
        relation: ContactRelation;
        informOnAbsence?: boolean;
        details: ContactDetails;
      },
      tx: PrismaTransaction | PrismaClient = prisma,
    ): Promise<string> {
      const id = input.id ?? crypto.randomUUID();
      const ciphertext = sealJson(key, id, contactDetailsSchema.parse(input.details));
      await tx.learnerContact.upsert({
        where: { id },
        create: {
          id,
          learnerId: input.learnerId,
          relation: input.relation,
          informOnAbsence: input.informOnAbsence ?? true,
          keyId: key.id,
          ciphertext,
        },
        update: { relation: input.relation, informOnAbsence: input.informOnAbsence ?? true, keyId: key.id, ciphertext },
      });
      return id;
    },

    /** Which of the learners have personal data on file; reveals no personal data, so it is not audited. */
    async learnersWithIdentity(): Promise<Set<string>> {
      const rows = await prisma.learnerPersonalData.findMany({ select: { learnerId: true } });
      return new Set(rows.map((r) => r.learnerId));
    },

    /** Name and personal code of one learner. Audited. */
    async readIdentity(request: ReadRequest): Promise<LearnerIdentity | null> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.learnerPersonalData.findUnique({
          where: { learnerId: request.learnerId },
          select: { ciphertext: true },
        });
        await audit(tx, request, "PERSONAL_DATA_READ", row ? 1 : 0);
        return row ? learnerIdentitySchema.parse(openJson(key, request.learnerId, row.ciphertext)) : null;
      });
    },

    /** The people to contact about a learner (parents, or foster family / guardian / institution head). Audited. */
    async readContacts(request: ReadRequest): Promise<LearnerContactView[]> {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.learnerContact.findMany({
          where: { learnerId: request.learnerId },
          select: { id: true, relation: true, informOnAbsence: true, ciphertext: true },
          orderBy: { createdAt: "asc" },
        });
        await audit(tx, request, "CONTACT_DATA_READ", rows.length);
        return rows.map((row) => ({
          id: row.id,
          relation: row.relation,
          informOnAbsence: row.informOnAbsence,
          ...contactDetailsSchema.parse(openJson(key, row.id, row.ciphertext)),
        }));
      });
    },
  };
}

export type PersonalDataVault = ReturnType<typeof createPersonalDataVault>;
