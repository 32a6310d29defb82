import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeScratchDir, startEmbeddedPostgres } from "../embedded-postgres.js";
import { MIGRATIONS_DIR } from "../migrations-dir.js";
import { diffSchemas } from "../schema-diff.js";
import { runCli } from "./run-cli.js";

// npm run db:new-migration -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes the committed schema (git HEAD) to the working-tree schema.prisma. It stands in for
// `prisma migrate dev`, whose native engine cannot be downloaded here. Review the SQL before committing.
runCli(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:new-migration -- <name_in_snake_case>");
  const schemaPath = fileURLToPath(new URL("../schema.prisma", import.meta.url));
  const to = await readFile(schemaPath, "utf8");
  const from = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
  const dir = await makeScratchDir("pmp-migration-");
  const cluster = await startEmbeddedPostgres({ dataDir: join(dir, "data"), persistent: false, durable: false });
  try {
    const sql = await diffSchemas(cluster.adminUrl, { from, to });
    if (!sql.trim() || /empty migration/i.test(sql)) {
      console.log("schema.prisma is unchanged since HEAD: no migration written");
      return 0;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(target, { recursive: true });
    await writeFile(join(target, "migration.sql"), sql);
    console.log(`wrote ${target}/migration.sql`);
    return 0;
  } finally {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
