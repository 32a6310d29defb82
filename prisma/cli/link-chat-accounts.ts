import { parseArgs } from "node:util";
import { z } from "zod";
import { createSlackAccountLookup } from "../../activities/directory/slack-account-lookup.js";
import { createPrismaClient } from "../client.js";
import { openDatabase } from "../database.js";
import { linkChatAccounts } from "../directory/chat-account-links.js";
import { migrateDatabase } from "../migrate.js";
import { databaseFields, loggingFields, parseEnv, productionRequires, slackApiFields } from "../runtime/env-fields.js";
import { runCli } from "./run-cli.js";

const USAGE = "usage: npm run link:chat-accounts -- [--municipality CODE]";

// npm run link:chat-accounts — links active staff to their Slack users by work e-mail (users.lookupByEmail) and
// prints whom it could not match, for an administrator to link by hand (/pmp admin link). The worker runs the same
// every night. Exit code: 0 everyone linked, 1 some staff unmatched or their account taken, 2 usage or no token.
const envSchema = z.object({ ...databaseFields, ...loggingFields, ...slackApiFields }).superRefine(productionRequires);

runCli(async () => {
  const { values } = parseArgs({ options: { municipality: { type: "string" } } });
  const env = parseEnv(envSchema, process.env, "link-chat-accounts");
  if (!env.SLACK_BOT_TOKEN) {
    console.error(`error: set SLACK_BOT_TOKEN to link Slack accounts\n${USAGE}`);
    return 2;
  }
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PMP_DATA_DIR });
  try {
    if (db.embedded) await migrateDatabase(db.url);
    const prisma = createPrismaClient(db.url, { maxConnections: 2 });
    try {
      const municipality = values.municipality
        ? await prisma.municipality.findUnique({ where: { code: values.municipality }, select: { id: true } })
        : null;
      if (values.municipality && !municipality) {
        console.error(`error: no municipality ${values.municipality}`);
        return 2;
      }
      const lookup = await createSlackAccountLookup({ token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL });
      const report = await linkChatAccounts(prisma, lookup, municipality ? { municipalityId: municipality.id } : {});
      for (const u of report.unmatched) console.log(`unmatched: ${u.email} (no Slack user with this e-mail)`);
      for (const c of report.conflicts)
        console.log(`taken: ${c.email} (Slack user ${c.userId} is linked to someone else)`);
      console.log(
        `linked ${report.linked.length}, already linked ${report.alreadyLinked}, unmatched ${report.unmatched.length}, taken ${report.conflicts.length}`,
      );
      return report.unmatched.length + report.conflicts.length > 0 ? 1 : 0;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
});
