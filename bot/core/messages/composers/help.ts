import { t, type Locale } from "../../i18n.js";
import type { Message } from "../model.js";
import { code, plain, tSpans } from "../spans.js";

/** `/pmp help`: the commands and the one privacy rule everybody must know. */
export function composeHelp(locale: Locale): Message {
  const other = locale === "en" ? "lv" : "en";
  const lines = [
    tSpans(locale, "help.report", { command: code("/pmp report") }),
    tSpans(locale, "help.case", { command: code(`/pmp case <${t(locale, "help.refPlaceholder")}>`) }),
    tSpans(locale, "help.tasks", { command: code("/pmp tasks") }),
    tSpans(locale, "help.status", {
      command: code(`/pmp status [${t(locale, "help.schoolPlaceholder")}] [2025/26-1]`),
    }),
    tSpans(locale, "help.annual", { command: code("/pmp report annual 2025/26") }),
    tSpans(locale, "help.help", { command: code("/pmp help"), other: code(`/pmp help ${other}`) }),
  ];
  return {
    summary: t(locale, "help.title"),
    blocks: [
      { kind: "heading", text: t(locale, "help.title") },
      { kind: "text", spans: lines.flatMap((line, i) => [plain(i === 0 ? "• " : "\n• "), ...line]) },
      { kind: "context", spans: [plain(t(locale, "help.privacy"))] },
    ],
  };
}
