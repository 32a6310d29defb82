import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { demoLearners } from "../../prisma/seed/demo-learners.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

describe("personal-data vault", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  const learner = demoLearners()[7]!;
  const actor = { kind: "STAFF" as const, staffId: demoIds.staff("social-pedagogue") };

  it("keeps names, personal codes and contacts only as ciphertext", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // Every text-like value in every table, as PostgreSQL itself would show it to anyone with SQL access.
    const { rows } = await client.query<{ dump: string }>(
      `SELECT string_agg(t::text, ' ') AS dump FROM (
         SELECT row_to_json(l)::text AS t FROM "Learner" l
         UNION ALL SELECT encode(ciphertext, 'escape') FROM "LearnerPersonalData"
         UNION ALL SELECT encode(ciphertext, 'escape') FROM "LearnerContact"
         UNION ALL SELECT row_to_json(a)::text FROM "AuditLog" a) s`,
    );
    await client.end();
    const dump = rows[0]!.dump;
    expect(dump).toContain(learner.learnerCode);
    expect(dump).not.toContain(learner.identity.personalCode);
    expect(dump).not.toContain(learner.identity.lastName);
    expect(dump).not.toContain(learner.contacts[0]!.phone);
  });

  it("decrypts through the vault and audits every read", async () => {
    const vault = createPersonalDataVault({ prisma: db.prisma, key: db.key });
    const before = await db.prisma.auditLog.count({ where: { entityId: learner.id } });

    expect(await vault.readIdentity({ learnerId: learner.id, actor, purpose: "case-details" })).toEqual(
      learner.identity,
    );
    const contacts = await vault.readContacts({ learnerId: learner.id, actor, purpose: "absence-parent-contact" });
    expect(contacts.map((c) => c.name)).toEqual(learner.contacts.map((c) => c.name));

    const audit = await db.prisma.auditLog.findMany({
      where: { entityId: learner.id },
      orderBy: { at: "asc" },
      skip: before,
    });
    expect(audit.map((a) => [a.action, a.actorId, a.purpose])).toEqual([
      ["PERSONAL_DATA_READ", actor.staffId, "case-details"],
      ["CONTACT_DATA_READ", actor.staffId, "absence-parent-contact"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(learner.identity.lastName);
  });

  it("cannot open a ciphertext moved onto another learner's row", async () => {
    const vault = createPersonalDataVault({ prisma: db.prisma, key: db.key });
    const [a, b] = [demoLearners()[1]!, demoLearners()[2]!];
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `UPDATE "LearnerPersonalData" SET ciphertext = (SELECT ciphertext FROM "LearnerPersonalData" WHERE "learnerId" = $1) WHERE "learnerId" = $2`,
      [a.id, b.id],
    );
    await client.end();
    await expect(vault.readIdentity({ learnerId: b.id, actor, purpose: "case-details" })).rejects.toThrow();
  });

  it("a wrong key cannot read anything", async () => {
    const wrong = createPersonalDataVault({ prisma: db.prisma, key: { id: "other", bytes: Buffer.alloc(32, 7) } });
    await expect(wrong.readIdentity({ learnerId: learner.id, actor, purpose: "case-details" })).rejects.toThrow();
  });
});
