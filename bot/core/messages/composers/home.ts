// The App Home (or any surface's "my work" page): a staff member's own cases and tasks, by reference only.

import { formatLegalPoint, formatRigaDateTime, t, type Locale, type MessageKey } from "../../i18n.js";
import type { Block, Message, Span } from "../model.js";
import { caseRef, code, plain, strong, tSpans } from "../spans.js";

export type TaskState = "OPEN" | "OVERDUE" | "ESCALATED";

/** What `myWork` returns for the home view. */
export interface MyWorkView {
  cases: Array<{ ref: string; status: string; level: string | null; deadline: Date | null }>;
  tasks: Array<{ kind: string; subjectRef: string; dueAt: Date; state: TaskState; legalPoint: string | null }>;
}

export const TASK_KINDS = [
  "CASE_INVESTIGATION",
  "PARENT_CONTACT",
  "VIIS_ENTRY",
  "SOCIAL_SERVICE_REFERRAL",
  "REFERRAL_ACKNOWLEDGEMENT",
] as const;

/** A task kind's name; a kind this version does not know yet reads as "Task" rather than failing. */
export function taskKindLabel(kind: string, locale: Locale): string {
  return (TASK_KINDS as readonly string[]).includes(kind)
    ? t(locale, `task.${kind as (typeof TASK_KINDS)[number]}`)
    : t(locale, "task.OTHER");
}

const bulleted = (lines: Span[][]): Span[] => lines.flatMap((line, i) => [plain(i === 0 ? "• " : "\n• "), ...line]);

/** The home for a registered staff member; `null` (not registered) gets the polite refusal and nothing else. */
export function composeHome(work: MyWorkView | null, locale: Locale): Message {
  if (!work) {
    const text = t(locale, "error.unregistered");
    return { summary: text, blocks: [{ kind: "text", spans: [plain(text)] }] };
  }
  const cases = work.cases.map((c) =>
    tSpans(locale, "home.case", {
      ref: caseRef(c.ref),
      status: t(locale, `status.${c.status as "REPORTED"}`),
      level: c.level ? t(locale, `level.${c.level as "UNIVERSAL"}`) : "—",
      deadline: c.deadline ? t(locale, "home.deadline", { deadline: formatRigaDateTime(c.deadline, locale) }) : "",
    }),
  );
  const tasks = work.tasks.map((task) => [
    ...tSpans(locale, "home.task", {
      kind: taskKindLabel(task.kind, locale),
      subject: strong(task.subjectRef),
      due: formatRigaDateTime(task.dueAt, locale),
      state: t(locale, `home.task.${task.state}` satisfies MessageKey),
    }),
    ...(task.legalPoint
      ? [plain(t(locale, "home.legalPoint", { point: formatLegalPoint(task.legalPoint, locale) }))]
      : []),
  ]);
  const blocks: Block[] = [
    { kind: "heading", text: t(locale, "home.title") },
    {
      kind: "text",
      spans: [
        strong(t(locale, "home.cases")),
        plain("\n"),
        ...(cases.length ? bulleted(cases) : [plain(t(locale, "home.noCases"))]),
      ],
    },
    {
      kind: "text",
      spans: [
        strong(t(locale, "home.tasks", { count: work.tasks.length })),
        plain("\n"),
        ...(tasks.length ? bulleted(tasks) : [plain(t(locale, "home.noTasks"))]),
      ],
    },
    { kind: "context", spans: tSpans(locale, "home.report", { report: code("/pmp report"), help: code("/pmp help") }) },
  ];
  return { summary: t(locale, "home.title"), blocks };
}
