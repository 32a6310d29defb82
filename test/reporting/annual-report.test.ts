import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { generateAnnualReport } from "../../prisma/reports/annual-report/index.js";
import { PDF_PARTS } from "../../prisma/reports/annual-report/pdf.js";
import { REPORT_LABELS } from "../../prisma/reports/annual-report/labels.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { learnerSecrets } from "../support/slack/fake-slack-api.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { AS_OF, SCHOOL_YEAR, seedKnownFigures } from "./seed-known-figures.js";

// The annual report for the demo municipality (IKVD concept §6.2: goals → activities → results; the 001 template's
// seven areas; the indicator registry; the activity ledger; plan and hours statistics).

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedKnownFigures(db.prisma);
  const municipalityId = demoIds.municipality();
  await db.prisma.programmeActivity.createMany({
    data: [
      {
        municipalityId,
        area: "PARENTS",
        goal: "Stiprināt vecāku iesaisti",
        title: "Vecāku atbalsta grupas ģimenēm",
        responsible: "Izglītības pārvalde",
        plannedFunding: 1200,
        actualFunding: 980.5,
        plannedResult: "6 tikšanās",
        actualResult: "5 tikšanās, 42 dalībnieki",
        participants: 42,
        helpingFactors: "Skolu atbalsts",
        hinderingFactors: "Vecāku noslodze darbā",
        startsOn: new Date("2025-09-01"),
        endsOn: new Date("2026-05-31"),
      },
      {
        municipalityId,
        area: "STAFF_CAPACITY",
        goal: "Pedagogu kapacitāte",
        title: "Mācības PMP riska pazīmju atpazīšanā",
        plannedFunding: 800,
        actualFunding: 800,
        plannedResult: "40 pedagogi",
        actualResult: "37 pedagogi",
      },
      // Ended before the school year: not in the report.
      { municipalityId, title: "Vecs pasākums", startsOn: new Date("2023-09-01"), endsOn: new Date("2024-05-31") },
    ],
  });
  const indicator = await db.prisma.indicator.findFirstOrThrow({ where: { municipalityId, code: "1" } });
  await db.prisma.indicatorValue.create({ data: { indicatorId: indicator.id, period: SCHOOL_YEAR, value: 78.5 } });
}, 60_000);
afterAll(async () => db?.drop());

const generate = () =>
  generateAnnualReport(db.prisma, {
    municipalityId: demoIds.municipality(),
    schoolYear: SCHOOL_YEAR,
    locale: "lv",
    now: AS_OF,
  });

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  return pages;
}

describe("annual report", () => {
  it("generated twice for the demo municipality gives identical numbers", async () => {
    const first = await generate();
    const second = await generate();
    expect(second.data).toEqual(first.data);
    expect(first.data.learnersWithPlan).toBe(7);
    expect(first.data.plansBySemesterStatus).toEqual([
      { semester: 1, status: "APPROVED", count: 2 },
      { semester: 1, status: "IN_PROGRESS", count: 4 },
      { semester: 2, status: "DRAFT", count: 1 },
    ]);
    expect(first.data.hoursBySpecialist).toEqual([
      { role: "PSYCHOLOGIST", planned: "4.0", delivered: "3.0" },
      { role: "SOCIAL_PEDAGOGUE", planned: "4.0", delivered: "2.0" },
    ]);
    expect(first.data.activities.map((a) => a.title)).toEqual([
      "Mācības PMP riska pazīmju atpazīšanā",
      "Vecāku atbalsta grupas ģimenēm",
    ]);
    // Values computed from data where the data allows, entered otherwise; target years come from rows.
    const byCode = new Map(first.data.indicators.map((i) => [i.code, i]));
    expect(byCode.get("6")).toMatchObject({ ikmsCode: "VID007", value: "2", valueSource: "COMPUTED" });
    expect(byCode.get("7")).toMatchObject({ ikmsCode: "VAI002", valueSource: "COMPUTED" });
    expect(byCode.get("1")).toMatchObject({
      value: "78.50",
      valueSource: "ENTERED",
      targets: [
        { year: "2027", value: "80" },
        { year: "2029", value: "85" },
      ],
    });
    const xlsxA = await readXlsx(first.files[0]!.content);
    const xlsxB = await readXlsx(second.files[0]!.content);
    expect(xlsxB).toEqual(xlsxA);
    expect(await pdfPages(second.files[1]!.content)).toEqual(await pdfPages(first.files[1]!.content));
  });

  it("the XLSX opens with a standard reader: every part a sheet, every figure row naming its query", async () => {
    const report = await generate();
    expect(report.files[0]!.filename).toBe("pmp-gada-parskats-DEMO-2025-26.xlsx");
    const sheets = await readXlsx(report.files[0]!.content);
    expect(Object.keys(sheets)).toEqual([
      "Kopsavilkums",
      "Mērķi un pasākumi",
      "Rādītāji",
      "Pasākumu uzskaite",
      "Plāni un stundas",
    ]);
    const summary = sheets["Kopsavilkums"]!;
    expect(summary[0]).toEqual(["Rādītājs", "Vērtība", "Vaicājums"]);
    expect(summary).toContainEqual(["Izglītojamie ar atbalsta plānu", "7", "annual.learners-with-plan.v1"]);
    expect(summary).toContainEqual(["Sniegtās atbalsta stundas kopā", "5.0", "annual.hours-by-specialist.v1"]);
    expect(summary).toContainEqual([
      "Finansējums kopā, EUR (plānots / faktiski)",
      "2000.00 / 1780.50",
      "annual.programme-activities.v1",
    ]);
    const indicators = sheets["Rādītāji"]!;
    expect(indicators.length).toBe(1 + 17);
    expect(indicators.slice(1).every((row) => /^annual\./.test(String(row.at(-1))))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.files[0]!.content as unknown as ExcelJS.Buffer);
    expect(workbook.model.media?.length).toBe(1);
  });

  it("the PDF has the expected pages and its text extracts with Latvian letters intact", async () => {
    const report = await generate();
    expect(report.files[1]!.content.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = await pdfPages(report.files[1]!.content);
    // Each part starts a page, in order; a long part may run over more pages.
    const starts = PDF_PARTS.map((part) =>
      pages.findIndex((text) => text.trimStart().startsWith(REPORT_LABELS[part].lv)),
    );
    expect(starts.every((index) => index >= 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts[0]).toBe(0);
    const all = pages.join("\n");
    for (const text of [
      "Demo novads",
      "Vecāku atbalsta grupas ģimenēm",
      "Vecāku noslodze darbā",
      "5. Vecāki",
      "psihologs",
      "Izglītojamo, kuri izglītības iestādē jūtas fiziski un emocionāli droši",
    ])
      expect(all).toContain(text);
    expect(all).toMatch(/[āčēģīķļņšūž]/);
    for (const secret of learnerSecrets()) expect(all).not.toContain(secret);
  });
});

/** Every sheet as rows of cell texts, as a standard reader sees them. */
async function readXlsx(content: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  const out: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
      rows.push(values);
    });
    out[sheet.name] = rows;
  });
  return out;
}
