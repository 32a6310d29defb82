import { createPrismaClient } from "../client.js";
import { openDatabase } from "../database.js";
import { loadDbToolsEnv } from "../env.js";
import { migrateDatabase } from "../migrate.js";
import { resolvePersonalDataKey } from "../personal-data-key.js";
import { createPersonalDataVault } from "../repositories/personal-data-vault.js";
import { seedDatabase } from "../seed/index.js";
import { runCli } from "./run-cli.js";

// npm run db:seed — reference data and the demo municipality; safe to run any number of times.
runCli(async () => {
  const env = loadDbToolsEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR });
  try {
    if (db.embedded) await migrateDatabase(db.url);
    const prisma = createPrismaClient(db.url);
    try {
      const key = await resolvePersonalDataKey({ configured: env.PERSONAL_DATA_KEY, dataDir: env.PMP_DATA_DIR });
      await seedDatabase({ prisma, vault: createPersonalDataVault({ prisma, key }) });
      console.log(`seeded: ${await prisma.risk.count()} risks, ${await prisma.learner.count()} learners`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
});
