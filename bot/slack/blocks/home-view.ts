import type { HomeView, KnownBlock } from "@slack/types";
import { formatRigaDateTime, t, type Locale } from "../../core/i18n.js";
import type { MyWork } from "../../core/my-work.js";

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });

/** The App Home tab: a staff member's own cases and tasks, by reference only. */
export function buildHomeView(work: MyWork | null, locale: Locale): HomeView {
  if (!work) return { type: "home", blocks: [section(t(locale, "error.unregistered"))] };
  const cases = work.cases.map((c) =>
    t(locale, "home.case", {
      ref: c.ref,
      status: t(locale, `status.${c.status as "REPORTED"}`),
      level: c.level ? t(locale, `level.${c.level as "UNIVERSAL"}`) : "—",
      deadline: c.deadline ? t(locale, "home.deadline", { deadline: formatRigaDateTime(c.deadline, locale) }) : "",
    }),
  );
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: t(locale, "home.title") } },
      section(
        `${t(locale, "home.cases")}\n${cases.length ? cases.map((l) => `• ${l}`).join("\n") : t(locale, "home.noCases")}`,
      ),
      section(t(locale, "home.tasks", { count: work.openAbsenceTasks })),
      { type: "context", elements: [{ type: "mrkdwn", text: t(locale, "home.report") }] },
    ],
  };
}
