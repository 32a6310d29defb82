import { parseArgs } from "node:util";
import { createPrismaClient } from "../client.js";
import { openDatabase } from "../database.js";
import { loadDbToolsEnv } from "../env.js";
import { migrateDatabase } from "../migrate.js";
import { resolvePersonalDataKey } from "../personal-data-key.js";
import { createPersonalDataVault } from "../repositories/personal-data-vault.js";
import { seedDemo, seedReferenceData } from "../seed/index.js";
import { runCli } from "./run-cli.js";

// npm run db:seed — the national reference data only (risks, support catalogue, IKMS indicators); a real
// municipality's schools, people and defaults come from the directory import (docs/onboarding.md).
// npm run db:seed -- --demo — also the demo municipality with 200 made-up learners. Safe to run any number of times.
runCli(async () => {
  const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });
  const env = loadDbToolsEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR });
  try {
    if (db.embedded) await migrateDatabase(db.url);
    const prisma = createPrismaClient(db.url);
    try {
      await seedReferenceData(prisma);
      if (values.demo) {
        const key = await resolvePersonalDataKey({ configured: env.PERSONAL_DATA_KEY, dataDir: env.PMP_DATA_DIR });
        await seedDemo({ prisma, vault: createPersonalDataVault({ prisma, key }) });
      }
      console.log(`seeded: ${await prisma.risk.count()} risks, ${await prisma.learner.count()} learners`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
});
