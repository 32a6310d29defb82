import pg from "pg";
import {
  createAbsenceImporter,
  type AbsenceImportOptions,
  type AbsenceImporter,
} from "../../prisma/absences/importer.js";
import { demoLearners, type DemoLearner } from "../../prisma/seed/demo-learners.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

export const HEADER = "learner_code,date,lesson,subject,reason,justified";

/** A demo learner by code, failing loudly if the seed changed under the test. */
export function demoLearner(code: string): DemoLearner {
  const learner = demoLearners().find((l) => l.learnerCode === code);
  if (!learner) throw new Error(`no demo learner ${code}`);
  return learner;
}

/** The first demo learners of a school and grade (codes are assigned round-robin over grades). */
export function demoCodes(schoolCode: string, grade: number, count = 1): string[] {
  const codes = demoLearners()
    .filter((l) => l.schoolCode === schoolCode && l.grade === grade)
    .map((l) => l.learnerCode);
  if (codes.length < count) throw new Error(`only ${codes.length} demo learners in ${schoolCode} grade ${grade}`);
  return codes.slice(0, count);
}

export interface ImportHarness {
  db: TestDatabase;
  pool: pg.Pool;
  importer: AbsenceImporter;
  importCsv(text: string, options?: Partial<AbsenceImportOptions>): ReturnType<AbsenceImporter["importCsv"]>;
  close(): Promise<void>;
}

/** A seeded database of this test file's own, with an importer on it. */
export async function createImportHarness(): Promise<ImportHarness> {
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  const importer = createAbsenceImporter({ prisma: db.prisma, pool });
  return {
    db,
    pool,
    importer,
    importCsv: (text, options = {}) =>
      importer.importCsv(chunks(text), { scope: { schoolCode: "DEMO-VSK" }, label: "test.csv", ...options }),
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}

/** Feeds text as bytes in small pieces so records and multi-byte characters straddle chunk boundaries. */
export async function* chunks(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function csv(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

/** Text encoded as Windows-1257, what Excel in a Latvian locale saves (the reverse of the platform's decoder). */
export function windows1257(text: string): Uint8Array {
  const decoder = new TextDecoder("windows-1257");
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b += 1) byteOf.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array(
    [...text].map((ch) => {
      const b = byteOf.get(ch);
      if (b === undefined) throw new Error(`${JSON.stringify(ch)} has no Windows-1257 byte`);
      return b;
    }),
  );
}
