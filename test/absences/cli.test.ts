import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiTokenRepository } from "../../prisma/absences/api-tokens.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { HEADER, csv } from "./support.js";

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "pmp-absence-cli-"));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the real command as `npm run import:absences` does, against this file's database. */
function importAbsences(...args: string[]) {
  return runCli("prisma/cli/import-absences.ts", ...args);
}

function runCli(script: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "development" },
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

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe("npm run import:absences", () => {
  it("prints each rejected line, then the summary, and exits 1 when rows were rejected", async () => {
    const path = await file(
      "mixed.csv",
      csv(
        HEADER,
        "V0020,2025-11-03,1,Matemātika,,no",
        "V0020,2025-11-03,2,,,perhaps",
        "X1,2025-11-03,1,,,no",
        "V0020,2025-11-03,3,,,unknown",
      ),
    );
    const run = await importAbsences(path, "--school", "DEMO-VSK");
    expect(run.stdout.trim().split("\n")).toEqual([
      'line 3: justified "perhaps" must be yes, no, unknown or withdrawn [INVALID_FIELD]',
      'line 4: unknown learner code "X1" in school DEMO-VSK [UNKNOWN_LEARNER]',
      "imported 2, duplicates 0, rejected 2",
    ]);
    expect(run.code).toBe(1);
  });

  it("exits 0 when every row is imported or a duplicate", async () => {
    const path = await file("clean.csv", csv(HEADER, "V0021,2025-11-04,1,,,no", "T0002,2025-11-04,1,,,yes"));
    const first = await importAbsences(path);
    expect(first.stdout.trim()).toBe("imported 2, duplicates 0, rejected 0");
    expect(first.code).toBe(0);
    const again = await importAbsences(path);
    expect(again.stdout.trim()).toBe("imported 0, duplicates 2, rejected 0");
    expect(again.code).toBe(0);
  });

  it("reports crossed marks by pseudonymous learner code", async () => {
    const lines = ["2025-11-10", "2025-11-11", "2025-11-12"].flatMap((date) =>
      [1, 2, 3, 4, 5, 6, 7].map((lesson) => `V0022,${date},${lesson},,,no`),
    );
    const run = await importAbsences(await file("over.csv", csv(HEADER, ...lines)), "--school", "DEMO-VSK");
    expect(run.stdout.trim().split("\n")).toEqual([
      "mark crossed: viis-entry-school (MK89_P7) learner V0022 2025/26 semester 1: 0 → 21 unexcused lessons (more than 20)",
      "imported 21, duplicates 0, rejected 0",
    ]);
    expect(run.code).toBe(0);
  });

  it("exits 2 without importing anything for a bad header, an unknown school or a missing file", async () => {
    const badHeader = await importAbsences(await file("bad.csv", "code,date\nV0020,2025-11-03\n"));
    expect(badHeader.stderr).toContain("error: line 1: header must name the columns");
    expect(badHeader.code).toBe(2);
    const unknownSchool = await importAbsences(await file("ok.csv", csv(HEADER)), "--school", "NOPE");
    expect(unknownSchool.stderr).toContain("error: unknown school NOPE");
    expect(unknownSchool.code).toBe(2);
    const missing = await importAbsences(join(dir, "missing.csv"));
    expect(missing.stderr).toContain("cannot read");
    expect(missing.code).toBe(2);
  });
});

describe("npm run import:absences --encoding (issue 10 defect 6)", () => {
  const example = "docs/examples/absences-windows-1257.csv";

  it("refuses a Windows-1257 file read as UTF-8 whole, saying how to save it as UTF-8, and exits 2", async () => {
    const run = await importAbsences(example, "--encoding", "utf-8");
    expect(run.stderr).toContain("error: line 2: not valid UTF-8; nothing was imported: save the file as UTF-8");
    expect(run.stdout).toBe("");
    expect(run.code).toBe(2);
    expect(await db.prisma.absenceImportBatch.count({ where: { label: "absences-windows-1257.csv" } })).toBe(0);
  });

  it("reads it with --encoding windows-1257 (or detected without the option), and names an unknown encoding", async () => {
    const run = await importAbsences(example, "--encoding", "windows-1257");
    expect(run.stdout.trim().split("\n")).toEqual([
      "withdrew 1 record(s) marked withdrawn (kept for audit, never counted)",
      "imported 7, duplicates 0, rejected 0",
    ]);
    expect(run.code).toBe(0);
    expect((await importAbsences(example)).stdout.trim()).toBe("imported 0, duplicates 7, rejected 0");
    const unknown = await importAbsences(example, "--encoding", "latin9");
    expect(unknown.stderr).toContain('error: unknown encoding "latin9": use utf-8 or windows-1257');
    expect(unknown.code).toBe(2);
  });
});

describe("issue-api-token", () => {
  it("prints a token once and stores only its hash", async () => {
    const run = await runCli("prisma/cli/issue-api-token.ts", "--school", "DEMO-TEH", "--label", "Mykoob sync");
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^pmp_[A-Za-z0-9_-]{43}$/);
    expect(await createApiTokenRepository(db.prisma).verify(token)).toMatchObject({ label: "Mykoob sync" });
    const stored = await db.prisma.schoolApiToken.findMany({ select: { tokenHash: true } });
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);
  });
});
