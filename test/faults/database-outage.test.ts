import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKFLOWS_PATH } from "../../activities/worker.js";
import { startBot, type RunningBot } from "../../bot/bot.js";
import { loadBotEnv } from "../../bot/env.js";
import { createApiTokenRepository } from "../../prisma/absences/api-tokens.js";
import { createPrismaClient, type PrismaClient } from "../../prisma/client.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { adminQuery, createTestDatabase, type TestDatabase } from "../support/database.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import { inject } from "vitest";

// Issue 16 item 3: a PostgreSQL restart or dropped connections must not crash the bot or lose an import; /healthz
// reports the outage and then the recovery. The outage is made real: the test database refuses new connections
// and every connection the bot holds is ended with pg_terminate_backend from a second (admin) connection.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
let db: TestDatabase;
let prisma: PrismaClient;
let bot: RunningBot;
let token: string;
const logLines: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const env = {
    ...loadBotEnv({
      DATABASE_URL: db.url,
      TEMPORAL_TASK_QUEUE: temporal().taskQueue("outage"),
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
    }),
    PORT: 0, // any free port
  };
  const logger = createLogger("bot", "info", (line) => logLines.push(line));
  prisma = createPrismaClient(db.url, { maxConnections: 3, logger: logger.child("database") });
  bot = await startBot({
    env,
    temporalAddress: temporal().env.address,
    databaseUrl: db.url,
    prisma,
    vault: createPersonalDataVault({ prisma, key: db.key }),
    logger,
  });
  token = (await createApiTokenRepository(db.prisma).issue({ schoolCode: "DEMO-VSK", label: "e-klase" })).token;
});

afterAll(async () => {
  await adminQuery(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`).catch(() => {});
  await bot?.stop();
  await prisma?.$disconnect();
  await temporal().terminateStarted();
  await db?.drop();
});

const health = async () => {
  const response = await fetch(`${bot.url}/healthz`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; checks: Record<string, string> },
  };
};

const importAbsences = (lessons: number[]) =>
  fetch(`${bot.url}/api/absences`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      records: lessons.map((lesson) => ({
        learner_code: "V0030",
        date: "2025-10-13",
        lesson,
        subject: "Matemātika",
        reason: null,
        justified: "no",
      })),
    }),
  });

/** Ends every session on the test database from a connection to another database, as a restart would. */
async function terminateBotConnections(): Promise<number> {
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [db.name],
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe("database connections terminated mid-run", () => {
  it("keeps the bot up, reports the outage on /healthz, then the recovery, and loses no import", async () => {
    expect(await health()).toEqual({
      status: 200,
      body: { status: "ok", checks: { database: "up", importPool: "up" } },
    });
    expect((await importAbsences([1])).status).toBe(200);

    // The server goes away: no new sessions, and the open ones (idle in both pools) are killed.
    await adminQuery(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
    expect(await terminateBotConnections()).toBeGreaterThan(0);

    const during = await health();
    expect(during.status).toBe(503);
    expect(during.body).toEqual({ status: "unavailable", checks: { database: "down", importPool: "down" } });
    // An import during the outage is refused with a retryable answer, not a crash and not a half-stored batch.
    const refused = await importAbsences([2, 3]);
    expect(refused.status).toBe(500);
    expect(await refused.json()).toEqual({ error: "import failed; nothing was stored, retry later" });

    await adminQuery(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
    expect(await health()).toEqual({
      status: 200,
      body: { status: "ok", checks: { database: "up", importPool: "up" } },
    });

    // The e-journal retries the refused request: it is stored now, once, next to the one from before the outage.
    const retried = await importAbsences([2, 3]);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ imported: 2, duplicates: 0 });
    const stored = await db.prisma.absenceRecord.findMany({
      where: { learner: { learnerCode: "V0030" } },
      select: { lesson: true },
      orderBy: { lesson: "asc" },
    });
    expect(stored.map((r) => r.lesson)).toEqual([1, 2, 3]);

    const messages = logLines.map((line) => JSON.parse(line) as { msg: string; dependency?: string });
    const transitions = messages.filter((m) => m.msg.startsWith("dependency")).map((m) => `${m.msg}:${m.dependency}`);
    // Probes run in parallel: within each phase the order is open, the phases are not.
    expect(transitions.slice(0, 2).sort()).toEqual([
      "dependency unavailable:database",
      "dependency unavailable:importPool",
    ]);
    expect(transitions.slice(2).sort()).toEqual(["dependency recovered:database", "dependency recovered:importPool"]);
    expect(messages.some((m) => m.msg.startsWith("database connection lost"))).toBe(true);
  });
});
