// The report's headline figures, each with the query that produced it: the same list feeds the XLSX summary
// sheet, the PDF's first page and the tests that compare two runs.

import { ANNUAL_QUERY_IDS, type AnnualReportData } from "./data.js";
import { label, labelOf, type ReportLocale } from "./labels.js";

export interface SummaryFigure {
  label: string;
  value: string;
  queryId: string;
}

const sum = (values: Array<string | null>) =>
  values.reduce((total, v) => total + (v === null ? 0 : Math.round(Number(v) * 100)), 0) / 100;

export function summaryFigures(data: AnnualReportData, locale: ReportLocale): SummaryFigure[] {
  const semesters = [1, 2].map((semester) => ({
    label: label(locale, "plansTotal", { semester }),
    value: String(data.plansBySemesterStatus.filter((p) => p.semester === semester).reduce((n, p) => n + p.count, 0)),
    queryId: ANNUAL_QUERY_IDS.plansBySemesterStatus,
  }));
  return [
    {
      label: label(locale, "learnersWithPlan"),
      value: String(data.learnersWithPlan),
      queryId: ANNUAL_QUERY_IDS.learnersWithPlan,
    },
    ...semesters,
    ...data.casesOpenedByLevel.map((c) => ({
      label: label(locale, "casesOpened", { level: labelOf(locale, `level.${c.level}`) }),
      value: String(c.count),
      queryId: ANNUAL_QUERY_IDS.casesOpenedByLevel,
    })),
    {
      label: label(locale, "hoursDelivered"),
      value: sum(data.hoursBySpecialist.map((h) => h.delivered)).toFixed(1),
      queryId: ANNUAL_QUERY_IDS.hoursBySpecialist,
    },
    {
      label: label(locale, "checkpointsDue"),
      value: String(data.checkpoints.due),
      queryId: ANNUAL_QUERY_IDS.checkpoints,
    },
    {
      label: label(locale, "checkpointsCompleted"),
      value: String(data.checkpoints.completed),
      queryId: ANNUAL_QUERY_IDS.checkpoints,
    },
    {
      label: label(locale, "checkpointsOverdue"),
      value: String(data.checkpoints.overdue),
      queryId: ANNUAL_QUERY_IDS.checkpoints,
    },
    {
      label: label(locale, "fundingTotal"),
      value: `${sum(data.activities.map((a) => a.plannedFunding)).toFixed(2)} / ${sum(data.activities.map((a) => a.actualFunding)).toFixed(2)}`,
      queryId: ANNUAL_QUERY_IDS.programmeActivities,
    },
  ];
}
