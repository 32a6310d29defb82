import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLearners } from "../../prisma/seed/demo-learners.js";
import { HEADER, createImportHarness, csv, type ImportHarness } from "./support.js";

// The importer inserts with a plain INSERT after an anti-join, relying on the advisory lock that serialises
// imports. A writer outside the importer (here: a manual entry) can still store a conflicting row between the
// two; the import must then count that row as a duplicate instead of failing.
let h: ImportHarness;
beforeAll(async () => {
  h = await createImportHarness();
});
afterAll(async () => {
  await h.close();
});

describe("a row stored by another writer while the import inserts", () => {
  it("is counted as a duplicate and the import's other rows are stored", async () => {
    const learner = demoLearners().find((l) => l.schoolCode === "DEMO-VSK" && l.learnerCode === "V0005");
    if (!learner) throw new Error("no demo learner V0005 in DEMO-VSK");
    const other = new pg.Client({ connectionString: h.db.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO "AbsenceRecord" ("learnerId", date, lesson, justification, source) VALUES ($1, '2025-09-15', 1, 'JUSTIFIED', 'MANUAL')`,
        [learner.id],
      );
      const running = h.importCsv(
        csv(
          HEADER,
          "V0005,2025-09-15,1,Matemātika,,no",
          "V0005,2025-09-15,2,Fizika,,no",
          "V0005,2025-09-15,3,Fizika,,no",
        ),
        { today: "2026-11-24" },
      );
      // The import's INSERT waits on the other writer's uncommitted key; commit it then. (Polled from a connection
      // outside the open transaction: pg_stat_activity is a snapshot taken once per transaction.)
      const deadline = Date.now() + 15_000;
      for (;;) {
        const waiting = await h.pool.query(
          `SELECT 1 FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "AbsenceRecord"%'`,
        );
        if (waiting.rowCount) break;
        if (Date.now() > deadline) throw new Error("the import never waited on the other writer's row");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await other.query("COMMIT");
      const result = await running;
      expect({ imported: result.imported, duplicates: result.duplicates, rejected: result.rejected }).toEqual({
        imported: 2,
        duplicates: 1,
        rejected: 0,
      });
    } finally {
      await other.end();
    }
    const stored = await h.db.prisma.absenceRecord.findMany({
      where: { learnerId: learner.id },
      select: { lesson: true, source: true, justification: true },
      orderBy: { lesson: "asc" },
    });
    expect(stored).toEqual([
      { lesson: 1, source: "MANUAL", justification: "JUSTIFIED" },
      { lesson: 2, source: "CSV_IMPORT", justification: "UNJUSTIFIED" },
      { lesson: 3, source: "CSV_IMPORT", justification: "UNJUSTIFIED" },
    ]);
  });
});
