import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../prisma/migrate.js";
import { seedReferenceData } from "../../prisma/seed/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { EXAMPLE_DIR, EXAMPLE_MUNICIPALITY, exampleFiles, learnerSecrets } from "./support.js";

// The real commands as npm runs them, on a database of this file's own (reference data only).

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  await migrateDatabase(db.url);
  await seedReferenceData(db.prisma);
}, 120_000);
afterAll(async () => db?.drop());

function run(script: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        NODE_ENV: "development",
        PERSONAL_DATA_KEY: Buffer.from(db.key.bytes).toString("base64"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run import:directory", () => {
  it("refuses a call without a municipality (exit 2)", async () => {
    const result = await run("prisma/cli/import-directory.ts", EXAMPLE_DIR);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run import:directory");
  });

  it(
    "dry run, partial import, then the same folder again: exit codes, lines, no personal data",
    { timeout: 180_000 },
    async () => {
      const secrets = learnerSecrets((await exampleFiles()).learners.content);
      const dry = await run(
        "prisma/cli/import-directory.ts",
        EXAMPLE_DIR,
        "--municipality",
        EXAMPLE_MUNICIPALITY,
        "--dry-run",
        "--partial",
      );
      expect(dry.code).toBe(1);
      expect(dry.stdout).toContain("learners.csv: would be created 300,");
      expect(dry.stdout).toContain("dry run: nothing was changed");
      expect(await db.prisma.municipality.count()).toBe(0);

      const applied = await run(
        "prisma/cli/import-directory.ts",
        EXAMPLE_DIR,
        "--municipality",
        EXAMPLE_MUNICIPALITY,
        "--partial",
      );
      expect(applied.code).toBe(1);
      expect(applied.stdout).toMatch(/^learners\.csv: line \d+: personal_code: must look like 123456-12345$/m);
      expect(applied.stdout).toContain(
        "learners.csv: created 300, updated 0, unchanged 0, deactivated 0, reactivated 0",
      );
      expect(await db.prisma.learner.count()).toBe(300);

      const again = await run(
        "prisma/cli/import-directory.ts",
        EXAMPLE_DIR,
        "--municipality",
        EXAMPLE_MUNICIPALITY,
        "--partial",
      );
      expect(again.stdout.trim().split("\n")).toEqual(
        ["municipality", "agencies", "schools", "staff", "classes", "learners", "contacts"].map(
          (kind) => `${kind}.csv: already imported (same file), nothing to do`,
        ),
      );
      expect(again.code).toBe(0);
      const output = dry.stdout + dry.stderr + applied.stdout + applied.stderr + again.stdout + again.stderr;
      expect(secrets.filter((secret) => output.includes(secret))).toEqual([]);
    },
  );
});
