import { parseArgs } from "node:util";
import { createApiTokenRepository } from "../absences/api-tokens.js";
import { createPrismaClient } from "../client.js";
import { openDatabase } from "../database.js";
import { loadDbToolsEnv } from "../env.js";
import { migrateDatabase } from "../migrate.js";
import { runCli } from "./run-cli.js";

// tsx prisma/cli/issue-api-token.ts --school CODE --label TEXT: a token for the school's e-journal to call
// POST /api/absences. The plaintext is printed once on stdout; only its SHA-256 is stored.
runCli(async () => {
  const { values } = parseArgs({ options: { school: { type: "string" }, label: { type: "string" } } });
  if (!values.school || !values.label?.trim()) {
    console.error("usage: tsx prisma/cli/issue-api-token.ts --school CODE --label TEXT");
    return 2;
  }
  const env = loadDbToolsEnv();
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR });
  try {
    if (db.embedded) await migrateDatabase(db.url);
    const prisma = createPrismaClient(db.url, { maxConnections: 1 });
    try {
      const issued = await createApiTokenRepository(prisma).issue({
        schoolCode: values.school,
        label: values.label.trim(),
      });
      console.error(`token ${issued.id} for school ${values.school}; store it now, it cannot be shown again:`);
      console.log(issued.token);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
});
