// The annual report as an XLSX workbook (exceljs): one sheet per part, every figure row naming its query, and
// the hours chart embedded as a PNG (exceljs cannot write native charts).

import ExcelJS from "exceljs";
import type { AnnualReportData } from "./data.js";
import { label, labelOf, type ReportLocale } from "./labels.js";
import { summaryFigures } from "./summary.js";

export async function annualReportXlsx(
  data: AnnualReportData,
  input: { locale: ReportLocale; chartPng: Buffer; generatedAt: Date },
): Promise<Buffer> {
  const { locale } = input;
  const l = (key: Parameters<typeof label>[1], params?: Record<string, string | number>) => label(locale, key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "pmp-bot";
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;

  const sheet = (name: string, header: string[], widths: number[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return ws;
  };

  const summary = sheet(l("summary"), [l("figure"), l("value"), l("query")], [48, 18, 44]);
  for (const f of summaryFigures(data, locale)) summary.addRow([f.label, f.value, f.queryId]);
  summary.addRow([]);
  summary.addRow([l("subtitle", { municipality: data.municipality.nameLv, schoolYear: data.schoolYear })]);
  summary.addRow([l("period", data.period)]);

  const goals = sheet(
    l("sheetGoals"),
    [l("area"), l("goal"), l("activity"), l("plannedResult"), l("actualResult"), l("participants"), l("query")],
    [40, 36, 40, 30, 30, 12, 34],
  );
  for (const a of data.activities)
    goals.addRow([
      a.area ? labelOf(locale, `area.${a.area}`) : l("noArea"),
      a.goal ?? l("noGoal"),
      a.title,
      a.plannedResult ?? "",
      a.actualResult ?? "",
      a.participants ?? "",
      "annual.programme-activities.v1",
    ]);

  const indicators = sheet(
    l("sheetIndicators"),
    [
      l("code"),
      l("name"),
      l("ikms"),
      l("ris"),
      l("baseline"),
      l("targets"),
      l("yearValue"),
      l("valueSource"),
      l("source"),
      l("query"),
    ],
    [6, 60, 10, 6, 18, 26, 14, 20, 30, 44],
  );
  for (const i of data.indicators)
    indicators.addRow([
      i.code,
      locale === "lv" ? i.nameLv : i.nameEn,
      i.ikmsCode ?? "",
      i.risFlag ? l("yes") : l("no"),
      i.baselineValue === null ? "" : `${i.baselineValue}${i.baselineYear ? ` (${i.baselineYear})` : ""}`,
      i.targets.map((t) => `${t.year}: ${t.value ?? "—"}`).join("; "),
      i.value ?? "",
      l(i.valueSource),
      i.dataSource ?? "",
      i.queryId,
    ]);

  const ledger = sheet(
    l("sheetLedger"),
    [
      l("activity"),
      l("responsible"),
      l("plannedFunding"),
      l("actualFunding"),
      l("plannedResult"),
      l("actualResult"),
      l("helping"),
      l("hindering"),
      l("query"),
    ],
    [40, 24, 16, 16, 30, 30, 30, 30, 34],
  );
  for (const a of data.activities)
    ledger.addRow([
      a.title,
      a.responsible ?? "",
      a.plannedFunding === null ? "" : Number(a.plannedFunding),
      a.actualFunding === null ? "" : Number(a.actualFunding),
      a.plannedResult ?? "",
      a.actualResult ?? "",
      a.helpingFactors ?? "",
      a.hinderingFactors ?? "",
      "annual.programme-activities.v1",
    ]);

  const plans = sheet(l("sheetPlans"), [l("semester"), l("status"), l("count"), l("query")], [12, 24, 12, 40]);
  for (const p of data.plansBySemesterStatus)
    plans.addRow([p.semester, p.status, p.count, "annual.plans-by-semester-status.v1"]);
  plans.addRow([]);
  plans.addRow([l("specialist"), l("plannedHours"), l("deliveredHours"), l("query")]).font = { bold: true };
  for (const h of data.hoursBySpecialist)
    plans.addRow([
      labelOf(locale, `role.${h.role}`),
      Number(h.planned),
      Number(h.delivered),
      "annual.hours-by-specialist.v1",
    ]);
  const image = workbook.addImage({ buffer: input.chartPng as unknown as ExcelJS.Buffer, extension: "png" });
  plans.addImage(image, { tl: { col: 5, row: 1 }, ext: { width: 480, height: 260 } });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
