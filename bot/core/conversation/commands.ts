// The `/pmp` command (Slack's slash command, a Teams message extension, the web console's command box): parsed
// once, run by the use cases, answered with a message or a form. Platform-neutral.

import type { KnownActor } from "../actor.js";
import { runAdminCommand, type CommandOrigin } from "../admin/admin-command.js";
import type { CoreDeps } from "../deps.js";
import { LOCALES, type Locale } from "../i18n.js";
import { composeHelp } from "../messages/composers/help.js";
import { composeReportStep1 } from "../messages/composers/forms/report-form.js";
import type { Form } from "../messages/forms.js";
import type { Message } from "../messages/model.js";
import { replyToRefusal, replyToViewCase, replyUnknownCommand, replyUnregistered } from "../messages/replies.js";
import { reportableClasses } from "../report-risk.js";
import { viewCase } from "../view-case.js";
import { homeFor } from "./home.js";
import { composeStatusOutcome } from "../messages/composers/status.js";
import { statusFor } from "../status/status.js";
import { parseSchoolYear } from "../status/semester.js";
import { annualReportCommand, type ReportFile } from "../reporting/annual-report-command.js";

export type PmpCommand =
  | { kind: "HELP"; locale: Locale | null }
  | { kind: "REPORT" }
  | { kind: "CASE"; ref: string }
  | { kind: "TASKS" }
  | { kind: "STATUS"; args: string[] }
  | { kind: "ANNUAL_REPORT"; schoolYear: string | null }
  | { kind: "ADMIN"; args: string[] }
  | { kind: "UNKNOWN" };

/**
 * `help [lv|en]`, `report`, `report annual <year>`, `case <ref>`, `tasks`, `status [school] [semester]`,
 * `admin …`; an empty command is help.
 */
export function parsePmpCommand(text: string): PmpCommand {
  const [sub = "help", ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const arg = rest[0];
  switch (sub.toLowerCase()) {
    case "help":
      return { kind: "HELP", locale: (LOCALES as readonly string[]).includes(arg ?? "") ? (arg as Locale) : null };
    case "report":
      // `report annual 2025/26` is the annual report; `report` with anything else stays the risk-report form.
      return arg?.toLowerCase() === "annual" || arg?.toLowerCase() === "gada"
        ? { kind: "ANNUAL_REPORT", schoolYear: parseSchoolYear(rest[1] ?? "") }
        : { kind: "REPORT" };
    case "status":
    case "statuss":
      return rest.length <= 2 ? { kind: "STATUS", args: rest.map((a) => a.slice(0, 64)) } : { kind: "UNKNOWN" };
    case "case":
      return arg && arg.length <= 64 ? { kind: "CASE", ref: arg } : { kind: "UNKNOWN" };
    case "tasks":
    case "uzdevumi":
      return { kind: "TASKS" };
    case "admin":
      return { kind: "ADMIN", args: rest.slice(0, 8).map((a) => a.slice(0, 256)) };
    default:
      return { kind: "UNKNOWN" };
  }
}

export type CommandOutcome =
  | { kind: "REPLY"; message: Message }
  | { kind: "OPEN_FORM"; form: Form }
  /** A message with files for the requester alone (the annual report); each surface delivers them its own way. */
  | { kind: "FILES"; message: Message; files: ReportFile[] };

const reply = (message: Message): CommandOutcome => ({ kind: "REPLY", message });

export async function runPmpCommand(
  deps: CoreDeps,
  input: { actor: KnownActor | null; locale: Locale; command: PmpCommand; origin?: CommandOrigin | null },
): Promise<CommandOutcome> {
  const { actor, locale, command } = input;
  if (command.kind === "HELP") return reply(composeHelp(command.locale ?? locale));
  if (!actor) return reply(replyUnregistered(locale));
  switch (command.kind) {
    case "REPORT": {
      const classes = await reportableClasses(deps, actor);
      if (classes.length === 0) return reply(replyToRefusal({ kind: "FORBIDDEN" }, locale));
      return { kind: "OPEN_FORM", form: composeReportStep1({ locale, classes }) };
    }
    case "CASE":
      return reply(replyToViewCase(await viewCase(deps, { actor, ref: command.ref }), command.ref, locale));
    case "TASKS":
      // The "my work" page as a message, for surfaces without a home tab (Teams, the console) and for Slack too.
      return reply(await homeFor(deps, { actor, locale }));
    case "STATUS":
      return reply(composeStatusOutcome(await statusFor(deps, { actor, args: command.args }), locale));
    case "ANNUAL_REPORT":
      return annualReportCommand(deps, { actor, locale, schoolYear: command.schoolYear });
    case "ADMIN":
      return reply(await runAdminCommand(deps, { actor, locale, args: command.args, origin: input.origin ?? null }));
    case "UNKNOWN":
      return reply(replyUnknownCommand(locale));
  }
}
