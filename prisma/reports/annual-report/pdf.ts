// The annual report as PDF (pdfmake 0.3 on the server): DejaVu Sans embedded (Latvian letters drawn and
// extractable as text), one part per page group in a fixed order, the hours chart as PNG. pdfmake may read only
// the DejaVu folder from disk and nothing from the network.

import { createRequire } from "node:module";
import { DEJAVU, DEJAVU_DIR } from "./chart.js";
import type { AnnualReportData } from "./data.js";
import { label, labelOf, type ReportLabel, type ReportLocale } from "./labels.js";
import { summaryFigures } from "./summary.js";

/** The parts of the report, each starting on a new page, in this order (the tests check the pages by these). */
export const PDF_PARTS = ["title", "goals", "indicators", "ledger", "plans"] as const satisfies readonly ReportLabel[];

type Content = Record<string, unknown> | string;
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let configured: PdfMake | null = null;
function pdfmake(): PdfMake {
  if (configured) return configured;
  const instance = require("pdfmake") as PdfMake;
  instance.setFonts({ DejaVuSans: DEJAVU });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => path.startsWith(DEJAVU_DIR));
  configured = instance;
  return instance;
}

const cell = (text: string | number | null, bold = false): Content => ({
  text: text === null ? "" : String(text),
  bold,
});

function table(header: string[], rows: Array<Array<string | number | null>>, widths: Array<string | number>): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header.map((h) => cell(h, true)), ...rows.map((r) => r.map((v) => cell(v)))],
    },
    layout: "lightHorizontalLines",
    fontSize: 8,
  };
}

export async function annualReportPdf(
  data: AnnualReportData,
  input: { locale: ReportLocale; chartPng: Buffer; generatedAt: string },
): Promise<Buffer> {
  const { locale } = input;
  const l = (key: ReportLabel, params?: Record<string, string | number>) => label(locale, key, params);
  const heading = (key: ReportLabel, first = false): Content => ({
    text: l(key),
    style: "h1",
    ...(first ? {} : { pageBreak: "before" }),
  });
  const municipality = locale === "lv" ? data.municipality.nameLv : data.municipality.nameEn;
  const none = { text: l("none"), italics: true };

  // Goals → activities → results, grouped by the template's area and the goal.
  const byArea = new Map<string, typeof data.activities>();
  for (const a of data.activities) {
    const key = a.area ? labelOf(locale, `area.${a.area}`) : l("noArea");
    byArea.set(key, [...(byArea.get(key) ?? []), a]);
  }
  const goals: Content[] = data.activities.length
    ? [...byArea].flatMap(([area, activities]) => [
        { text: area, style: "h2" },
        table(
          [l("goal"), l("activity"), l("plannedResult"), l("actualResult"), l("participants")],
          activities.map((a) => [a.goal ?? l("noGoal"), a.title, a.plannedResult, a.actualResult, a.participants]),
          ["*", "*", "*", "*", 50],
        ),
      ])
    : [none];

  const doc = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [36, 36, 36, 40],
    defaultStyle: { font: "DejaVuSans", fontSize: 9 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    },
    info: { title: `${l("title")} ${data.municipality.code} ${data.schoolYear}`, creator: "pmp-bot" },
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: "right",
      margin: [0, 10, 36, 0],
      fontSize: 8,
    }),
    content: [
      heading("title", true),
      { text: l("subtitle", { municipality, schoolYear: data.schoolYear }), fontSize: 12 },
      { text: l("period", data.period) },
      { text: l("generated", { at: input.generatedAt }), margin: [0, 0, 0, 12], fontSize: 8 },
      { text: l("summary"), style: "h2" },
      table(
        [l("figure"), l("value"), l("query")],
        summaryFigures(data, locale).map((f) => [f.label, f.value, f.queryId]),
        ["*", 90, 220],
      ),
      heading("goals"),
      ...goals,
      heading("indicators"),
      table(
        [
          l("code"),
          l("name"),
          l("ikms"),
          l("ris"),
          l("baseline"),
          l("targets"),
          l("yearValue"),
          l("valueSource"),
          l("query"),
        ],
        data.indicators.map((i) => [
          i.code,
          locale === "lv" ? i.nameLv : i.nameEn,
          i.ikmsCode,
          i.risFlag ? l("yes") : l("no"),
          i.baselineValue === null ? "" : `${i.baselineValue}${i.baselineYear ? ` (${i.baselineYear})` : ""}`,
          i.targets.map((t) => `${t.year}: ${t.value ?? "—"}`).join("\n"),
          i.value,
          l(i.valueSource),
          i.queryId,
        ]),
        [22, "*", 42, 22, 60, 60, 44, 56, 120],
      ),
      heading("ledger"),
      data.activities.length
        ? table(
            [l("activity"), l("plannedFunding"), l("actualFunding"), l("actualResult"), l("helping"), l("hindering")],
            data.activities.map((a) => [
              a.title,
              a.plannedFunding,
              a.actualFunding,
              a.actualResult,
              a.helpingFactors,
              a.hinderingFactors,
            ]),
            ["*", 60, 60, "*", "*", "*"],
          )
        : none,
      heading("plans"),
      table(
        [l("semester"), l("status"), l("count"), l("query")],
        data.plansBySemesterStatus.map((p) => [p.semester, p.status, p.count, "annual.plans-by-semester-status.v1"]),
        [60, 100, 60, "*"],
      ),
      { text: " " },
      table(
        [l("specialist"), l("plannedHours"), l("deliveredHours"), l("query")],
        data.hoursBySpecialist.map((h) => [
          labelOf(locale, `role.${h.role}`),
          h.planned,
          h.delivered,
          "annual.hours-by-specialist.v1",
        ]),
        ["*", 80, 80, 200],
      ),
      { image: `data:image/png;base64,${input.chartPng.toString("base64")}`, width: 420, margin: [0, 10, 0, 0] },
    ],
  };
  return pdfmake().createPdf(doc).getBuffer();
}
