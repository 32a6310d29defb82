import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkDrift } from "../../prisma/drift.js";
import { testDatabaseUrl } from "../support/database.js";
import { inject } from "vitest";

const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

describe("schema drift check", () => {
  const options = { adminUrl: inject("pgAdminUrl"), urlFor: testDatabaseUrl };

  it("finds schema.prisma and the migrations in agreement", async () => {
    const report = await checkDrift({ ...options, schema: await readFile(schemaPath, "utf8") });
    expect(report).toEqual({ inSync: true, onlyInMigrations: [], onlyInSchema: [] });
  });

  it("fails when a model is added to schema.prisma without a migration", async () => {
    const schema = `${await readFile(schemaPath, "utf8")}
model SurveyResponse {
  id        String   @id @default(uuid())
  answeredAt DateTime
}
`;
    const report = await checkDrift({ ...options, schema });
    expect(report.inSync).toBe(false);
    expect(report.onlyInSchema).toContain("column SurveyResponse.answeredAt timestamp(3) without time zone NOT NULL");
    expect(report.onlyInMigrations).toEqual([]);
  });

  it("fails when a column changes type without a migration", async () => {
    const schema = (await readFile(schemaPath, "utf8")).replace(/(model Learner \{[\s\S]*?grade\s+)Int/, "$1String");
    const report = await checkDrift({ ...options, schema });
    expect(report.inSync).toBe(false);
    expect(report.onlyInSchema).toContain("column Learner.grade text NOT NULL");
    expect(report.onlyInMigrations).toContain("column Learner.grade integer NOT NULL");
  });
});
