import { execFileSync } from "node:child_process";
import { chmod, cp, mkdir, rm } from "node:fs/promises";
import { arch, platform, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  binariesReachableBy,
  EmbeddedPostgresError,
  makeScratchDir,
  startEmbeddedPostgres,
  unreachableAncestor,
} from "../../prisma/embedded-postgres.js";

// Started by root, PostgreSQL runs as the `postgres` user. A clone in a private folder (/root/…, any 0700 folder)
// used to die with `spawn …/initdb EACCES` and a stack trace; now the data folder is checked first and the
// answer is one line that says what to do.
const asRoot = userInfo().uid === 0;

describe.runIf(asRoot)("embedded PostgreSQL started by root", () => {
  const postgresIds = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  });

  it("names the first folder the postgres user cannot enter", async () => {
    const scratch = await makeScratchDir("pmp-private-");
    try {
      const inner = join(scratch, "private", "clone", ".local");
      await mkdir(inner, { recursive: true });
      await chmod(join(scratch, "private"), 0o700);
      await startEmbeddedPostgres({ dataDir: join(scratch, "warm-up"), persistent: false }).then((db) => db.stop());
      expect(await unreachableAncestor(inner, postgresIds())).toBe(join(scratch, "private"));
      await chmod(join(scratch, "private"), 0o711);
      expect(await unreachableAncestor(inner, postgresIds())).toBeNull();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it(
    "copies the binaries where the postgres user can run them when the clone is private",
    { timeout: 120_000 },
    async () => {
      const scratch = await makeScratchDir("pmp-private-");
      try {
        const { postgres } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
        const nativeDir = dirname(dirname(postgres));
        const privateNative = join(scratch, "root-home", "native");
        await mkdir(join(scratch, "root-home"), { mode: 0o700 });
        await cp(nativeDir, privateNative, { recursive: true, verbatimSymlinks: true });
        const packaged = {
          initdb: join(privateNative, "bin", "initdb"),
          postgres: join(privateNative, "bin", "postgres"),
        };
        const lines: string[] = [];
        const reachable = await binariesReachableBy(postgresIds(), (line) => lines.push(line), packaged);
        expect(reachable.initdb).not.toBe(packaged.initdb);
        expect(await unreachableAncestor(reachable.initdb, postgresIds())).toBeNull();
        const version = execFileSync(reachable.initdb, ["--version"], { ...postgresIds() }).toString();
        expect(version).toMatch(/initdb \(PostgreSQL\) \d+/);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  );

  it("refuses a data folder inside a 0700 folder in one line that says what to do", async () => {
    const scratch = await makeScratchDir("pmp-private-");
    try {
      const privateFolder = join(scratch, "root-home");
      await mkdir(privateFolder, { mode: 0o700 });
      await chmod(privateFolder, 0o700);
      const started = startEmbeddedPostgres({
        dataDir: join(privateFolder, "pmp-bot", ".local", "postgres"),
        persistent: true,
      });
      await expect(started).rejects.toBeInstanceOf(EmbeddedPostgresError);
      await expect(started).rejects.toThrow(
        `cannot enter ${privateFolder}: set PMP_DATA_DIR to a folder it can enter (e.g. PMP_DATA_DIR=/var/lib/pmp-bot)`,
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
