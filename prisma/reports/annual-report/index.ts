// The annual report for a municipality and school year: figures (data.ts), one chart, XLSX and PDF.

import { annualReportData, type AnnualReportData } from "./data.js";
import { barChartSvg, svgToPng } from "./chart.js";
import { annualReportPdf } from "./pdf.js";
import { annualReportXlsx } from "./xlsx.js";
import { label, labelOf, type ReportLocale } from "./labels.js";
import type { PrismaClient } from "../../client.js";

export interface AnnualReport {
  data: AnnualReportData;
  files: Array<{ filename: string; mimeType: string; content: Buffer }>;
}

export async function generateAnnualReport(
  prisma: PrismaClient,
  input: { municipalityId: string; schoolYear: string; locale: ReportLocale; now: Date },
): Promise<AnnualReport> {
  const data = await annualReportData(prisma, {
    municipalityId: input.municipalityId,
    schoolYear: input.schoolYear,
    asOf: input.now,
  });
  const planned = label(input.locale, "plannedHours");
  const delivered = label(input.locale, "deliveredHours");
  const chartPng = svgToPng(
    await barChartSvg({
      title: label(input.locale, "chartTitle"),
      rows: data.hoursBySpecialist.flatMap((h) => [
        { category: labelOf(input.locale, `role.${h.role}`), series: planned, value: Number(h.planned) },
        { category: labelOf(input.locale, `role.${h.role}`), series: delivered, value: Number(h.delivered) },
      ]),
    }),
  );
  const generatedAt = new Intl.DateTimeFormat(input.locale === "lv" ? "lv-LV" : "en-GB", {
    timeZone: "Europe/Riga",
    dateStyle: "short",
    timeStyle: "short",
  }).format(input.now);
  const base = `pmp-gada-parskats-${data.municipality.code}-${input.schoolYear.replace("/", "-")}`;
  const [xlsx, pdf] = await Promise.all([
    annualReportXlsx(data, { locale: input.locale, chartPng, generatedAt: input.now }),
    annualReportPdf(data, { locale: input.locale, chartPng, generatedAt }),
  ]);
  return {
    data,
    files: [
      {
        filename: `${base}.xlsx`,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        content: xlsx,
      },
      { filename: `${base}.pdf`, mimeType: "application/pdf", content: pdf },
    ],
  };
}
