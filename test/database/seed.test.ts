import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../prisma/migrate.js";
import { createCalendarRepository } from "../../prisma/repositories/calendar-repository.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createReferenceDataRepository } from "../../prisma/repositories/reference-data-repository.js";
import { seedDatabase } from "../../prisma/seed/index.js";
import { demoIds, DEMO_STAFF } from "../../prisma/seed/demo-municipality.js";
import { isSchoolDay, semesterOf } from "../../workflows/domain/calendar/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

/** A fingerprint of every row of every table, to prove a second seed changes nothing at all. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`,
      );
      result[name] = `${rows[0]!.n}:${rows[0]!.md5}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

describe("fresh database: migrate, seed twice, read back", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    await migrateDatabase(db.url);
  });
  afterAll(async () => db.drop());

  it("seeds, and a second run changes nothing", { timeout: 120_000 }, async () => {
    const vault = createPersonalDataVault({ prisma: db.prisma, key: db.key });
    await seedDatabase({ prisma: db.prisma, vault });
    const first = await fingerprint(db.url);
    await seedDatabase({ prisma: db.prisma, vault });
    expect(await fingerprint(db.url)).toEqual(first);
    expect(first.Learner).toMatch(/^200:/);
    expect(first.LearnerPersonalData).toMatch(/^200:/);
  });

  it("reads the 66 risks in 4 groups back through the repository", async () => {
    const groups = await createReferenceDataRepository(db.prisma).listRiskClassifier();
    expect(groups.map((g) => [g.code, g.risks.length, g.legacyGroup])).toEqual([
      ["A", 17, 1],
      ["B", 23, 2],
      ["C", 6, 3],
      ["D", 20, 4],
    ]);
    const absences = groups[0]!.risks.find((r) => r.code === "A02")!;
    expect(absences).toMatchObject({
      number: 2,
      nameLv: "Neattaisnoti mācību kavējumi",
      nameEn: "Unjustified absences",
      immediateIntervention: true,
      answerKind: "FREQUENCY",
    });
  });

  it("reads the support catalogue back with the risks each activity addresses", async () => {
    const repository = createReferenceDataRepository(db.prisma);
    const catalogue = await repository.listSupportCatalogue();
    expect(catalogue).toHaveLength(17);
    expect(catalogue.flatMap((c) => c.activities)).toHaveLength(100);
    expect(catalogue.map((c) => c.level)).toEqual([
      ...Array(5).fill("UNIVERSAL"),
      ...Array(7).fill("TARGETED"),
      ...Array(5).fill("INDICATED"),
    ]);
    const forAbsences = await repository.activitiesForRisk({ riskCode: "A02" });
    expect(forAbsences.length).toBeGreaterThan(0);
  });

  it("reads the demo municipality's indicators with baselines and targets", async () => {
    const indicators = await createReferenceDataRepository(db.prisma).listIndicators({
      municipalityId: demoIds.municipality(),
    });
    expect(indicators.length).toBe(17);
    const nonAttendance = indicators.find((i) => i.ikmsCode === "VAI002")!;
    expect(nonAttendance).toMatchObject({ unit: "PERCENT", baselineYear: "2024", risFlag: true });
    expect(Number(nonAttendance.baselineValue)).toBe(1.26);
    expect(Number(nonAttendance.target2027)).toBe(1);
    expect(Number(nonAttendance.target2029)).toBe(0.8);
  });

  it("reads the school calendar back and computes with it", async () => {
    const { calendars, overrides } = await createCalendarRepository(db.prisma).loadMunicipalityCalendar({
      municipalityId: demoIds.municipality(),
    });
    expect(calendars.map((c) => c.schoolYear)).toEqual(["2024/25", "2025/26", "2026/27"]);
    expect(semesterOf("2025-10-01", 5, calendars, overrides)).toMatchObject({
      schoolYear: "2025/26",
      semester: 1,
      start: "2025-09-01",
      end: "2025-12-19",
    });
    expect(isSchoolDay("2025-10-22", { calendars, grade: 5, overrides })).toBe(false);
  });

  it("has a staff member in every role, each with a Slack identity", async () => {
    const roles = await db.prisma.staffRole.findMany({
      select: { role: true, staff: { select: { chatIdentities: { select: { platform: true } } } } },
    });
    expect(new Set(roles.map((r) => r.role)).size).toBe(new Set(DEMO_STAFF.map((s) => s.role)).size);
    expect(new Set(roles.map((r) => r.role))).toEqual(
      new Set(Object.values((await import("../../prisma/generated/enums.js")).Role)),
    );
    expect(roles.every((r) => r.staff.chatIdentities.some((i) => i.platform === "SLACK"))).toBe(true);
  });
});
