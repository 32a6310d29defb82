import { createHmac } from "node:crypto";
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

  /** Writes one audit row for a vault write (or a compare-then-write) done inside the caller's transaction. */
  async function auditWrite(
    tx: PrismaTransaction | PrismaClient,
    request: ReadRequest,
    action: string,
    details: object,
  ) {
    await tx.auditLog.create({
      data: {
        actorKind: request.actor.kind,
        actorId: request.actor.kind === "STAFF" ? request.actor.staffId : null,
        action,
        entityType: "Learner",
        entityId: request.learnerId,
        purpose: request.purpose,
        details: request.actor.kind === "STAFF" ? { ...details } : { ...details, system: request.actor.name },
      },
    });
  }

  /** Keyed digest of a personal code: finds the same person in another school's export without decrypting. */
  function lookupDigestOf(personalCode: string): string {
    return createHmac("sha256", key.bytes).update(`pmp-bot:lookup:${personalCode}`).digest("hex");
  }

  return {
    lookupDigestOf,

    /** Learner ids by the lookup digests of their personal codes (no personal data leaves: not audited). */
    async learnersByLookupDigest(
      digests: string[],
      tx: PrismaTransaction | PrismaClient = prisma,
    ): Promise<Map<string, string>> {
      const rows = await tx.learnerPersonalData.findMany({
        where: { lookupDigest: { in: digests } },
        select: { learnerId: true, lookupDigest: true },
      });
      return new Map(rows.map((row) => [row.lookupDigest!, row.learnerId]));
    },

    /**
     * A directory import's identity for a learner: decrypts what is stored, compares, and writes only when it
     * differs (a fresh IV would otherwise change the ciphertext of an unchanged person). Audited as one
     * PERSONAL_DATA_SYNC row (a read and, when `changed`, a write) in the caller's transaction.
     */
    async syncIdentity(
      request: ReadRequest,
      identity: LearnerIdentity,
      tx: PrismaTransaction,
    ): Promise<"CREATED" | "UPDATED" | "UNCHANGED"> {
      const next = learnerIdentitySchema.parse(identity);
      const row = await tx.learnerPersonalData.findUnique({
        where: { learnerId: request.learnerId },
        select: { ciphertext: true, lookupDigest: true },
      });
      const digest = lookupDigestOf(next.personalCode);
      const stored = row ? learnerIdentitySchema.parse(openJson(key, request.learnerId, row.ciphertext)) : null;
      const outcome = !stored
        ? "CREATED"
        : canonical(stored) === canonical(next) && row?.lookupDigest === digest
          ? "UNCHANGED"
          : "UPDATED";
      if (outcome !== "UNCHANGED") {
        const ciphertext = sealJson(key, request.learnerId, next);
        await tx.learnerPersonalData.upsert({
          where: { learnerId: request.learnerId },
          create: { learnerId: request.learnerId, keyId: key.id, ciphertext, lookupDigest: digest },
          update: { keyId: key.id, ciphertext, lookupDigest: digest },
        });
      }
      await auditWrite(tx, request, "PERSONAL_DATA_SYNC", { records: 1, read: stored ? 1 : 0, changed: outcome });
      return outcome;
    },

    /**
     * A directory import's contacts for a learner: the stored list is replaced when it differs from `contacts`
     * (same order, same fields), and kept otherwise. Audited as one CONTACT_DATA_SYNC row.
     */
    async syncContacts(
      request: ReadRequest,
      contacts: Array<{
        relation: ContactRelation;
        informOnAbsence: boolean;
        consentRecordedAt: Date | null;
        details: ContactDetails;
      }>,
      tx: PrismaTransaction,
    ): Promise<"CREATED" | "UPDATED" | "UNCHANGED"> {
      const rows = await tx.learnerContact.findMany({
        where: { learnerId: request.learnerId },
        select: { id: true, relation: true, informOnAbsence: true, consentRecordedAt: true, ciphertext: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      const view = (c: {
        relation: string;
        informOnAbsence: boolean;
        consentRecordedAt: Date | null;
        details: ContactDetails;
      }) =>
        canonical({
          relation: c.relation,
          informOnAbsence: c.informOnAbsence,
          consent: c.consentRecordedAt?.toISOString() ?? null,
          details: contactDetailsSchema.parse(c.details),
        });
      const stored = rows.map((row) =>
        view({ ...row, details: contactDetailsSchema.parse(openJson(key, row.id, row.ciphertext)) }),
      );
      const next = contacts.map(view);
      const outcome =
        rows.length === 0 && next.length > 0
          ? "CREATED"
          : stored.join("\n") === next.join("\n")
            ? "UNCHANGED"
            : "UPDATED";
      if (outcome !== "UNCHANGED") {
        await tx.learnerContact.deleteMany({ where: { learnerId: request.learnerId } });
        const base = Date.now();
        for (const [index, contact] of contacts.entries()) {
          const id = crypto.randomUUID();
          await tx.learnerContact.create({
            data: {
              id,
              learnerId: request.learnerId,
              relation: contact.relation,
              informOnAbsence: contact.informOnAbsence,
              consentRecordedAt: contact.consentRecordedAt,
              keyId: key.id,
              ciphertext: sealJson(key, id, contactDetailsSchema.parse(contact.details)),
              // Keeps the file's order for readers that sort by creation time.
              createdAt: new Date(base + index),
            },
          });
        }
      }
      await auditWrite(tx, request, "CONTACT_DATA_SYNC", {
        records: contacts.length,
        read: rows.length,
        changed: outcome,
      });
      return outcome;
    },

    /**
     * One audit row for the reads a dry run made and then rolled back with everything else (the dry run's own
     * audit rows are gone with it, the reads happened): entity DirectoryImport, counts only.
     */
    async auditDryRunReads(input: {
      /** The dry run's run-log row, or (a municipality the dry run would create) the municipality's code. */
      entity: { type: "DirectoryImport" | "Municipality"; id: string };
      actor: AuditActor;
      records: number;
    }): Promise<void> {
      await prisma.auditLog.create({
        data: {
          actorKind: input.actor.kind,
          actorId: input.actor.kind === "STAFF" ? input.actor.staffId : null,
          action: "PERSONAL_DATA_SYNC_DRY_RUN",
          entityType: input.entity.type,
          entityId: input.entity.id,
          purpose: "directory-import-dry-run",
          details:
            input.actor.kind === "STAFF"
              ? { records: input.records }
              : { records: input.records, system: input.actor.name },
        },
      });
    },

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

/** Key-sorted JSON, so two equal records compare equal whatever order their fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export type PersonalDataVault = ReturnType<typeof createPersonalDataVault>;
