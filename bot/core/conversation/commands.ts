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

export type PmpCommand =
  | { kind: "HELP"; locale: Locale | null }
  | { kind: "REPORT" }
  | { kind: "CASE"; ref: string }
  | { kind: "TASKS" }
  | { kind: "ADMIN"; args: string[] }
  | { kind: "UNKNOWN" };

/** `help [lv|en]`, `report`, `case <ref>`, `tasks`, `admin …`; an empty command is help. */
export function parsePmpCommand(text: string): PmpCommand {
  const [sub = "help", ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const arg = rest[0];
  switch (sub.toLowerCase()) {
    case "help":
      return { kind: "HELP", locale: (LOCALES as readonly string[]).includes(arg ?? "") ? (arg as Locale) : null };
    case "report":
      return { kind: "REPORT" };
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

export type CommandOutcome = { kind: "REPLY"; message: Message } | { kind: "OPEN_FORM"; form: Form };

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
    case "ADMIN":
      return reply(await runAdminCommand(deps, { actor, locale, args: command.args, origin: input.origin ?? null }));
    case "UNKNOWN":
      return reply(replyUnknownCommand(locale));
  }
}
