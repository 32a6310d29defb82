// `/pmp report annual <school year>`: the municipality's annual report (XLSX and PDF) for the requester alone.
// Municipal roles only: the report describes the whole municipality's programme.

import type { Role } from "../../../prisma/generated/enums.js";
import { generateAnnualReport } from "../../../prisma/reports/annual-report/index.js";
import type { KnownActor } from "../actor.js";
import type { CommandOutcome } from "../conversation/commands.js";
import type { CoreDeps } from "../deps.js";
import { t, type Locale } from "../i18n.js";
import { replyToRefusal } from "../messages/replies.js";
import { code, plain, textMessage, tSpans } from "../messages/spans.js";

export interface ReportFile {
  filename: string;
  mimeType: string;
  content: Buffer;
}

/** Who may ask for the annual report: the municipality's coordinating roles (IKVD concept §6.2). */
export const ANNUAL_REPORT_ROLES: readonly Role[] = [
  "MUNICIPAL_COORDINATOR",
  "MUNICIPAL_EDUCATION_SPECIALIST",
  "MANAGER",
];

export async function annualReportCommand(
  deps: CoreDeps,
  input: { actor: KnownActor; locale: Locale; schoolYear: string | null },
): Promise<CommandOutcome> {
  const { actor, locale } = input;
  const role = actor.roles.find((r) => ANNUAL_REPORT_ROLES.includes(r.role));
  if (!role) return { kind: "REPLY", message: replyToRefusal({ kind: "FORBIDDEN" }, locale) };
  if (!input.schoolYear)
    return {
      kind: "REPLY",
      message: textMessage(tSpans(locale, "annual.badArguments", { example: code("/pmp report annual 2025/26") })),
    };
  const report = await generateAnnualReport(deps.prisma, {
    municipalityId: role.municipalityId,
    schoolYear: input.schoolYear,
    locale: locale === "en" ? "en" : "lv",
    now: deps.now(),
  });
  const summary = t(locale, "annual.ready", { schoolYear: input.schoolYear, count: report.files.length });
  return {
    kind: "FILES",
    message: { summary, blocks: [{ kind: "text", spans: [plain(summary)] }] },
    files: report.files,
  };
}
