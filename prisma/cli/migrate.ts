import { openDatabase } from "../database.js";
import { loadDbToolsEnv } from "../env.js";
import { migrateDatabase } from "../migrate.js";
import { runCli } from "./run-cli.js";

// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the local embedded database.
runCli(async () => {
  const env = loadDbToolsEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR });
  try {
    const { applied } = await migrateDatabase(db.url);
    console.log(
      applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date",
    );
  } finally {
    await db.stop();
  }
});
