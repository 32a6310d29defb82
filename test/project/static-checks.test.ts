import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

// The type checker and the linter are part of the one test command, so a type error or a fence breach fails
// the suite like any other test.
describe("static checks", () => {
  it("type-checks the whole project", { timeout: 240_000 }, () => {
    const result = spawnSync(process.execPath, [bin("tsc"), "--noEmit", "-p", "tsconfig.json"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  // One formatter for the whole tree (.prettierrc.json), so no line runs on and a diff shows only what changed.
  it("is formatted by Prettier", { timeout: 120_000 }, () => {
    const result = spawnSync(process.execPath, [bin("prettier"), "--check", "--log-level=warn", "."], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("lints the whole project", { timeout: 240_000 }, () => {
    const result = spawnSync(process.execPath, [bin("eslint"), "--max-warnings=0", "."], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
