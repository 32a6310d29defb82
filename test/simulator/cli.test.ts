// npm run simulate, as a municipality runs it: a bad scenario is refused with the field named and a non-zero exit,
// and a good one prints its timeline while the database in DATABASE_URL stays exactly as it was.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "bot/simulator/cli.ts");
const TSX = join(ROOT, "node_modules/.bin/tsx");

async function simulate(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 180_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const dir = mkdtempSync(join(tmpdir(), "pmp-scenarios-"));

describe("npm run simulate", () => {
  it("refuses a bad scenario, naming the field, with exit code 2 and nothing printed to stdout", async () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "start: 2025-12-15T08:00\nlearners:\n  - { code: S1, school: DEMO-VSK, grade: 7, favourite: yes }\nuntil: 2026-01-01T00:00\n",
    );
    const result = await simulate([file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("learners[0]");
    expect(result.stderr).toContain("favourite");
  });

  it(
    "prints a timeline of JSON lines ending in a summary, and writes nothing to the database in DATABASE_URL",
    { timeout: 200_000 },
    async () => {
      const counts = async () =>
        Promise.all([
          db.prisma.learner.count(),
          db.prisma.absenceRecord.count(),
          db.prisma.task.count(),
          db.prisma.outboxMessage.count(),
          db.prisma.ruleSet.count(),
        ]);
      const before = await counts();
      const result = await simulate([join(ROOT, "docs/examples/scenarios/baseline-20-21.yaml")], {
        DATABASE_URL: db.url,
      });
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.at(-1)).toHaveProperty("summary");
      expect(lines.some((l) => l.event === "task.opened" && l.task === "VIIS_ENTRY" && l.count === 21)).toBe(true);
      for (const line of lines) expect(line.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(await counts()).toEqual(before);
    },
  );
});
