import { createReadStream } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportHarness, type ImportHarness } from "./support.js";

// docs/examples/absences-demo.csv is what docs/absence-import.md tells people to try; keep it importable.
let h: ImportHarness;
beforeAll(async () => {
  h = await createImportHarness();
});
afterAll(async () => {
  await h.close();
});

describe("docs/examples/absences-demo.csv", () => {
  it("imports cleanly for the demo municipality and crosses the two MK 89 thresholds it is built to show", async () => {
    const result = await h.importer.importCsv(createReadStream("docs/examples/absences-demo.csv"), {
      scope: {},
      label: "absences-demo.csv",
    });
    expect(result).toMatchObject({ imported: 55, duplicates: 0, rejected: 0 });
    expect(
      result.crossings.map((c) => `${c.learnerCode} ${c.schoolYear}/${c.semester} ${c.ruleId} ${c.after}`),
    ).toEqual(["V0001 2025/26/1 viis-entry-preschool 4", "V0006 2025/26/1 viis-entry-school 22"]);
  });

  // Issue 10 defect 6: what Excel in a Latvian locale saves (Windows-1257, semicolons, CRLF), read without options.
  it("docs/examples/absences-windows-1257.csv imports whole, letters intact, and withdraws the demo file's mistaken row", async () => {
    const result = await h.importer.importCsv(createReadStream("docs/examples/absences-windows-1257.csv"), {
      scope: {},
      label: "absences-windows-1257.csv",
    });
    expect(result).toMatchObject({ imported: 7, corrected: 1, withdrawn: 1, duplicates: 0, rejected: 0 });
    const subjects = await h.db.prisma.absenceRecord.findMany({
      where: { batchId: result.batchId },
      select: { subject: true, justification: true },
      orderBy: [{ date: "asc" }, { lesson: "asc" }],
    });
    expect(subjects.map((r) => r.subject)).toEqual([
      "Dabaszinības",
      "Matemātika",
      "Latviešu valoda",
      "Ķīmija",
      "Sports; veselība",
      "Šūšanas tehnoloģijas",
      "Šūšanas tehnoloģijas",
    ]);
    expect(subjects[0]?.justification).toBe("WITHDRAWN");
  });
});
