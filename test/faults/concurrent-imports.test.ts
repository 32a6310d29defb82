import type { Server } from "node:http";
import express from "express";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAbsencesRouter } from "../../bot/ingest/absences-router.js";
import { createApiTokenRepository } from "../../prisma/absences/api-tokens.js";
import { SCHOOL_IMPORT_LOCKS } from "../../prisma/absences/import-locks.js";
import { createAbsenceImporter, type AbsenceImporter } from "../../prisma/absences/importer.js";
import { createDatabasePool } from "../../prisma/runtime/database-pool.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

// Issue 16 item 4: imports lock per school, not globally, and the HTTP endpoint dispatches to the workflows after
// answering. Proven without timing: one school's lock is held from outside, and the other 24 schools' imports
// (started at the same moment) all finish while it is held; that school's import waits, then finishes too.

const SCHOOLS = 25;
let db: TestDatabase;
let pool: pg.Pool;
let importer: AbsenceImporter;
let schools: { id: string; code: string }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createDatabasePool({ connectionString: db.url, max: SCHOOLS + 1, name: "test-import" });
  importer = createAbsenceImporter({ prisma: db.prisma, pool });
  const vsk = await db.prisma.school.findUniqueOrThrow({ where: { code: "DEMO-VSK" } });
  schools = [];
  for (let i = 1; i <= SCHOOLS; i++) {
    const code = `DEMO-LOCK-${String(i).padStart(2, "0")}`;
    const school = await db.prisma.school.create({
      data: {
        municipalityId: vsk.municipalityId,
        code,
        nameLv: `Slodžu skola ${i}`,
        kind: vsk.kind,
        gradeFrom: 1,
        gradeTo: 9,
        learners: {
          create: { publicRef: `LRN-LOCK-${i}`, learnerCode: "L1", initials: "A.B.", grade: 5, classLabel: "5.a" },
        },
      },
      select: { id: true, code: true },
    });
    schools.push(school);
  }
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const records = ["2025-10-13", "2025-10-14", "2025-10-15"].map((date) => ({
  learner_code: "L1",
  date,
  lesson: "1",
  subject: null,
  reason: null,
  justified: "no",
}));

describe("25 concurrent absence imports", () => {
  it("finish without queueing behind one lock: only the school whose lock is held waits", async () => {
    const [blocked, ...others] = schools as [(typeof schools)[number], ...typeof schools];
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [SCHOOL_IMPORT_LOCKS, blocked.id]);

      let blockedDone = false;
      const blockedImport = importer
        .importRecords(records, { scope: { schoolId: blocked.id }, label: "held" })
        .finally(() => (blockedDone = true));
      const results = await Promise.all(
        others.map((school) => importer.importRecords(records, { scope: { schoolId: school.id }, label: school.code })),
      );
      expect(results.map((r) => r.imported)).toEqual(others.map(() => 3));
      // The 24 finished while the first school's lock was held: that import alone is still waiting, on its lock.
      expect(blockedDone).toBe(false);
      const waiting = await holder.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1",
        [SCHOOL_IMPORT_LOCKS],
      );
      expect(waiting.rows[0].n).toBe(1);

      await holder.query("COMMIT");
      expect((await blockedImport).imported).toBe(3);
    } finally {
      await holder.end();
    }
    // Nothing lost: three absences and their counter per learner, in every school.
    const counters = await db.prisma.absenceCounter.findMany({
      where: { learner: { publicRef: { startsWith: "LRN-LOCK-" } } },
      select: { unjustifiedLessons: true },
    });
    expect(counters.map((c) => c.unjustifiedLessons)).toEqual(schools.map(() => 3));
    expect(
      await db.prisma.absenceRecord.count({ where: { learner: { publicRef: { startsWith: "LRN-LOCK-" } } } }),
    ).toBe(SCHOOLS * 3);
  });

  it("POST /api/absences answers once the batch is committed, before the dispatch to the workflows finishes", async () => {
    const tokens = createApiTokenRepository(db.prisma);
    const token = (await tokens.issue({ schoolCode: schools[0]!.code, label: "e-klase" })).token;
    let releaseDispatch!: () => void;
    const dispatchGate = new Promise<void>((resolve) => (releaseDispatch = resolve));
    const dispatched: string[] = [];
    const app = express();
    app.use(
      createAbsencesRouter({
        tokens,
        importer,
        logger: createLogger("test", "error"),
        onImported: async (result) => {
          await dispatchGate;
          dispatched.push(result.batchId);
        },
      }),
    );
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const address = server.address();
      if (typeof address !== "object" || !address) throw new Error("no address");
      const response = await fetch(`http://127.0.0.1:${address.port}/api/absences`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ records: [{ ...records[0], date: "2025-10-16" }] }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { batchId: string; imported: number };
      expect(body.imported).toBe(1);
      expect(dispatched).toEqual([]);
      releaseDispatch();
      await dispatchGate;
      await new Promise((resolve) => setImmediate(resolve));
      expect(dispatched).toEqual([body.batchId]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
