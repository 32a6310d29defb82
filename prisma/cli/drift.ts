import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rm } from "node:fs/promises";
import { checkDrift } from "../drift.js";
import { makeScratchDir, startEmbeddedPostgres } from "../embedded-postgres.js";
import { runCli } from "./run-cli.js";

// npm run db:drift — exits 1 when prisma/schema.prisma and prisma/migrations describe different databases.
// Runs on a throw-away embedded PostgreSQL, so it needs no configuration and touches no real data.
runCli(async () => {
  const schema = await readFile(fileURLToPath(new URL("../schema.prisma", import.meta.url)), "utf8");
  const dir = await makeScratchDir("pmp-drift-");
  const cluster = await startEmbeddedPostgres({ dataDir: join(dir, "data"), persistent: false, durable: false });
  try {
    const report = await checkDrift({ adminUrl: cluster.adminUrl, urlFor: cluster.urlFor, schema });
    if (report.inSync) {
      console.log("schema.prisma and prisma/migrations agree");
      return 0;
    }
    console.error(
      "Drift: schema.prisma and prisma/migrations disagree. Write a migration with `npm run db:new-migration -- <name>`.",
    );
    for (const line of report.onlyInSchema) console.error(`  only in schema.prisma:  ${line}`);
    for (const line of report.onlyInMigrations) console.error(`  only in migrations:     ${line}`);
    return 1;
  } finally {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
