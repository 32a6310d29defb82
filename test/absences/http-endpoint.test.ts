import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAbsencesRouter } from "../../bot/ingest/absences-router.js";
import { createApiTokenRepository } from "../../prisma/absences/api-tokens.js";
import type { AbsenceImportResult } from "../../prisma/absences/importer.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { createImportHarness, demoLearner, windows1257, type ImportHarness } from "./support.js";

let h: ImportHarness;
let server: Server;
let url: string;
let vskToken: string;
let tehToken: string;
let revokedToken: string;
const imported: AbsenceImportResult[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  h = await createImportHarness();
  const tokens = createApiTokenRepository(h.db.prisma);
  vskToken = (await tokens.issue({ schoolCode: "DEMO-VSK", label: "e-klase" })).token;
  tehToken = (await tokens.issue({ schoolCode: "DEMO-TEH", label: "mykoob" })).token;
  const revoked = await tokens.issue({ schoolCode: "DEMO-VSK", label: "old" });
  await tokens.revoke({ id: revoked.id });
  revokedToken = revoked.token;

  const app = express();
  app.use(
    createAbsencesRouter({
      tokens,
      importer: h.importer,
      logger: createLogger("test", "debug", (line) => logLines.push(line)),
      maxRecords: 50,
      onImported: async (result) => {
        imported.push(result);
      },
    }),
  );
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("no address");
  url = `http://127.0.0.1:${address.port}/api/absences`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

async function post(body: unknown, token?: string, raw = false, contentType = "application/json") {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body instanceof Uint8Array ? body : String(body)) : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

const record = (learner_code: string, date: string, lesson: number | string, justified = "no") => ({
  learner_code,
  date,
  lesson,
  subject: "Matemātika",
  reason: null,
  justified,
});

describe("POST /api/absences", () => {
  it("answers 401 for a missing, unknown or revoked token and stores nothing", async () => {
    const body = { records: [record("V0030", "2025-10-13", 1)] };
    for (const token of [undefined, "pmp_not-a-token", revokedToken]) {
      const response = await post(body, token);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
    expect(await h.db.prisma.absenceRecord.count({ where: { learnerId: demoLearner("V0030").id } })).toBe(0);
  });

  it("imports the token's school's records and reports per-record errors by index", async () => {
    const response = await post(
      {
        records: [
          record("V0030", "2025-10-13", 1),
          record("V0030", "2025-10-13", "2", "unknown"),
          record("T0003", "2025-10-13", 1), // another school's learner
          record("V0030", "2025-13-01", 3),
          { ...record("V0030", "2025-10-13", 4), justifed: "no" },
          { learner_code: "V0030", date: "2025-10-13", lesson: 5.5, justified: "no" },
          "not an object",
          { learner_code: "V0030", date: "2025-10-13", lesson: 6, justified: "yes" },
        ],
      },
      vskToken,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ imported: 3, duplicates: 0, rejected: 5 });
    expect(response.body.errors).toEqual([
      { index: 2, code: "UNKNOWN_LEARNER", reason: 'unknown learner code "T0003" in school DEMO-VSK' },
      { index: 3, code: "INVALID_FIELD", reason: "date 2025-13-01 does not exist" },
      { index: 4, code: "INVALID_FIELD", reason: 'unknown field "justifed"' },
      { index: 5, code: "INVALID_FIELD", reason: 'lesson "5.5" is not a whole number from 0 to 12' },
      {
        index: 6,
        code: "MALFORMED_RECORD",
        reason:
          "Invalid input: expected object, received string (expected an object with learner_code, date, lesson, subject, reason, justified)",
      },
    ]);
    const stored = await h.db.prisma.absenceRecord.findMany({
      where: { learnerId: demoLearner("V0030").id },
      select: { lesson: true, justification: true, source: true },
      orderBy: { lesson: "asc" },
    });
    expect(stored).toEqual([
      { lesson: 1, justification: "UNJUSTIFIED", source: "API" },
      { lesson: 2, justification: "UNKNOWN", source: "API" },
      { lesson: 6, justification: "JUSTIFIED", source: "API" },
    ]);
  });

  it("is idempotent: a retried request finds only duplicates and crosses nothing again", async () => {
    const records = [1, 2, 3, 4, 5, 6, 7].flatMap((lesson) =>
      ["2025-10-14", "2025-10-15", "2025-10-16"].map((date) => record("V0031", date, lesson)),
    );
    const first = await post({ records }, vskToken);
    expect(first.body).toMatchObject({ imported: 21, duplicates: 0, rejected: 0, errors: [] });
    expect(imported.at(-1)?.crossings.map((c) => `${c.learnerCode} ${c.ruleId}`)).toEqual(["V0031 viis-entry-school"]);
    const retry = await post({ records }, vskToken);
    expect(retry.body).toMatchObject({ imported: 0, duplicates: 21, rejected: 0 });
    expect(imported.at(-1)?.crossings).toEqual([]);
  });

  it("keeps another school's token to its own learners", async () => {
    const response = await post(
      { records: [record("T0003", "2025-10-13", 1), record("V0032", "2025-10-13", 1)] },
      tehToken,
    );
    expect(response.body).toMatchObject({
      imported: 1,
      rejected: 1,
      errors: [{ index: 1, code: "UNKNOWN_LEARNER", reason: 'unknown learner code "V0032" in school DEMO-TEH' }],
    });
  });

  it("answers 400 for malformed JSON or a wrong envelope and 413 over the record limit", async () => {
    expect((await post("{ records: [", vskToken, true)).status).toBe(400);
    expect((await post([record("V0030", "2025-10-13", 1)], vskToken)).status).toBe(400);
    expect((await post({ rows: [] }, vskToken)).status).toBe(400);
    const tooMany = await post(
      { records: Array.from({ length: 51 }, (_, i) => record("V0033", "2025-10-20", (i % 12) + 1)) },
      vskToken,
    );
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error).toBe("at most 50 records per request, got 51");
    expect(await h.db.prisma.absenceRecord.count({ where: { learnerId: demoLearner("V0033").id } })).toBe(0);
  });

  // Issue 10 defect 6: an e-journal on a Latvian Windows machine sends Windows-1257; decoding it as UTF-8 stored
  // the plain records and rejected the ones with ā, š, ļ.
  it("MK 89 import (defect 6): reads a body declared charset=windows-1257, and refuses undeclared Windows-1257 whole", async () => {
    const json = JSON.stringify({
      records: [{ ...record("V0034", "2025-10-13", 1), subject: "Latviešu valoda" }, record("V0034", "2025-10-13", 2)],
    });
    const bytes = windows1257(json);
    const undeclared = await post(bytes, vskToken, true);
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.error).toContain("declare charset=windows-1257");
    expect(await h.db.prisma.absenceRecord.count({ where: { learnerId: demoLearner("V0034").id } })).toBe(0);

    const unknown = await post(bytes, vskToken, true, "application/json; charset=koi8-r");
    expect(unknown.status).toBe(415);

    const declared = await post(bytes, vskToken, true, "application/json; charset=windows-1257");
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({ imported: 2, rejected: 0 });
    const stored = await h.db.prisma.absenceRecord.findMany({
      where: { learnerId: demoLearner("V0034").id },
      select: { subject: true },
      orderBy: { lesson: "asc" },
    });
    expect(stored.map((r) => r.subject)).toEqual(["Latviešu valoda", "Matemātika"]);
  });

  it('MK 89 correction (defect 8): withdraws a record with justified "withdrawn", answered as withdrawn', async () => {
    const lessons = [1, 2, 3].map((lesson) => record("V0035", "2025-11-04", lesson));
    expect((await post({ records: lessons }, vskToken)).body).toMatchObject({ imported: 3, withdrawn: 0 });
    const withdrawal = await post({ records: [record("V0035", "2025-11-04", 2, "withdrawn")] }, vskToken);
    expect(withdrawal.body).toMatchObject({ imported: 1, corrected: 1, withdrawn: 1, duplicates: 0, rejected: 0 });
    const counter = await h.db.prisma.absenceCounter.findFirstOrThrow({
      where: { learnerId: demoLearner("V0035").id, schoolYear: "2025/26", semester: 1 },
      select: { unjustifiedLessons: true, unknownLessons: true, justifiedLessons: true },
    });
    expect(counter).toEqual({ unjustifiedLessons: 2, unknownLessons: 0, justifiedLessons: 0 });
    const again = await post({ records: [record("V0035", "2025-11-04", 2, "withdrawn")] }, vskToken);
    expect(again.body).toMatchObject({ imported: 0, withdrawn: 0, duplicates: 1 });
  });
});
