import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const hasCompose = spawnSync("docker-compose", ["--version"]).status === 0;

// No Docker engine runs on our machines; `docker-compose config` still parses and validates the file.
// CI installs docker-compose (.ci/run), so there the check is never skipped.
describe.runIf(hasCompose || process.env.CI)("docker-compose.yml", () => {
  const config = (env: Record<string, string>) =>
    execFileSync("docker-compose", ["-f", "docker-compose.yml", "config"], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: "utf8",
    });

  it("is a valid compose file with the database, Temporal and UI, migrations, worker and bot", () => {
    const out = config({ PERSONAL_DATA_KEY: "a2V5LWZvci1jb25maWctdmFsaWRhdGlvbi1vbmx5LTAwMDA=" });
    for (const service of ["postgres", "temporal", "temporal-ui", "migrate", "worker", "bot"])
      expect(out).toMatch(new RegExp(`^  ${service}:$`, "m"));
    expect(out).toContain("bot/main.ts");
    expect(out).toContain("activities/main.ts");
  });

  it("refuses to start without a personal-data key", () => {
    const result = spawnSync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"], {
      cwd: root,
      env: { ...process.env, PERSONAL_DATA_KEY: "" },
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("PERSONAL_DATA_KEY");
  });
});
