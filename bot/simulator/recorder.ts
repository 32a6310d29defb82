/**
 * Watches the real activities as the workflows call them and writes what a person would see into the timeline:
 * each task opened, reminded, escalated or closed, each notice, agenda item and operator alert. The activities
 * still do all their work (database rows, the delivery queue); the recorder only reads their structured inputs,
 * stamped with the engine's virtual time.
 */
import type { PrismaClient } from "../../prisma/client.js";
import type { Activities } from "../../activities/index.js";
import { taskDedupeKey } from "../../activities/task-activities.js";
import type { UpdateTaskInput } from "../../workflows/human-tasks.js";
import type { Timeline, TimelineEvent } from "./timeline.js";

/** Workflow task kinds → the simulator's task names (the contract's names; the rest pass through). */
export const TASK_NAME: Record<string, string> = {
  SOCIAL_SERVICE_REFERRAL: "SD_REFERRAL",
  REFERRAL_ACKNOWLEDGEMENT: "SD_ACKNOWLEDGEMENT",
};
export const taskName = (kind: string): string => TASK_NAME[kind] ?? kind;
export const workflowKindOf = (name: string): string =>
  Object.entries(TASK_NAME).find(([, simulated]) => simulated === name)?.[0] ?? name;

interface StepLike {
  key?: string;
  kind?: string;
  assigneeRole?: string;
  legalPoint?: string;
  dueAt?: string;
}
interface NoticeLike {
  kind: string;
  step?: StepLike;
  escalateTo?: string;
  recipient?: string;
  legalPoint?: string;
  count?: number;
  ruleId?: string;
  detail?: { count?: number; date?: string; contacts?: string[]; contact?: string[] } | string;
  contacts?: string[];
  [key: string]: unknown;
}

export interface RecorderOptions {
  timeline: Timeline;
  prisma: PrismaClient;
  /** Virtual time (epoch ms). */
  now: () => number;
  /** Learner id → the scenario's code. */
  learnerCode: (learnerId: string) => string | undefined;
}

export function recordActivities(activities: Activities, options: RecorderOptions): Activities {
  const { timeline, now } = options;
  const add = (event: Omit<TimelineEvent, "atMs">, atMs: number) => timeline.add({ atMs, ...event });
  // The opened event waits for the STEP_OPENED notice that follows it, which carries the count and contacts. Step
  // keys repeat across learners ("PARENT_CONTACT:<date>"), so both maps are keyed by learner and step.
  const opened = new Map<string, TimelineEvent>();
  // Who holds each task as opened (a stand-in when the role has nobody), for its reminders.
  const holder = new Map<string, string>();
  const stepId = (learner: string | undefined, key: string | undefined) => `${learner ?? "?"}|${key ?? "?"}`;
  const seenAlerts = new Set<string>();
  let alertsSince = new Date(0);

  // A case's tasks (the A02 risk an absence crossing adds) are about its learner.
  const caseLearner = new Map<string, string | null>();
  const learnerOf = async (input: unknown): Promise<string | undefined> => {
    const record = input as { learnerId?: string; subject?: { type?: string; id?: string } };
    let id = record.learnerId ?? (record.subject?.type === "Learner" ? record.subject.id : undefined);
    if (!id && record.subject?.type === "Case" && record.subject.id) {
      const caseId = record.subject.id;
      if (!caseLearner.has(caseId)) {
        const row = await options.prisma.case.findUnique({ where: { id: caseId }, select: { learnerId: true } });
        caseLearner.set(caseId, row?.learnerId ?? null);
      }
      id = caseLearner.get(caseId) ?? undefined;
    }
    return id ? options.learnerCode(id) : undefined;
  };

  async function collectAlerts(atMs: number): Promise<void> {
    const rows = await options.prisma.operatorAlert.findMany({
      where: { createdAt: { gte: alertsSince } },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, dedupeKey: true, details: true, createdAt: true },
    });
    for (const row of rows) {
      if (seenAlerts.has(row.id)) continue;
      seenAlerts.add(row.id);
      alertsSince = row.createdAt;
      const learner = learnerInText(`${row.dedupeKey} ${JSON.stringify(row.details ?? {})}`, options);
      const details = (row.details ?? {}) as { detail?: unknown };
      add(
        {
          event: "alert",
          ...(learner ? { learner } : {}),
          reason: row.kind,
          ...(typeof details.detail === "string" ? { detail: details.detail } : {}),
        },
        atMs,
      );
    }
  }

  function onNotice(
    input: { learnerId?: string; notice: NoticeLike },
    learner: string | undefined,
    atMs: number,
  ): void {
    const { notice } = input;
    const base = learner ? { learner } : {};
    const step = notice.step;
    switch (notice.kind) {
      case "STEP_OPENED": {
        const id = stepId(learner, step?.key);
        const event = opened.get(id);
        const detail = typeof notice.detail === "object" ? notice.detail : undefined;
        const contacts = detail?.contacts ?? detail?.contact ?? notice.contacts;
        if (event) {
          if (detail?.count !== undefined) event.count = detail.count;
          if (contacts) event.contact = [...contacts];
          if (detail?.date) event.detail = detail.date;
          opened.delete(id);
        }
        return;
      }
      case "STEP_REMINDER":
        add(
          {
            ...base,
            event: "task.reminded",
            task: taskName(step?.kind ?? "?"),
            to: holder.get(stepId(learner, step?.key)) ?? step?.assigneeRole,
          },
          atMs,
        );
        return;
      case "STEP_OVERDUE":
        add(
          {
            ...base,
            event: "task.escalated",
            task: taskName(step?.kind ?? "?"),
            to: notice.escalateTo,
            ...(step?.legalPoint ? { rule: step.legalPoint } : {}),
          },
          atMs,
        );
        return;
      case "INFORMED":
        add(
          {
            ...base,
            event: "notice",
            to: notice.recipient,
            rule: notice.legalPoint,
            count: notice.count,
            // Routed to the municipality where the learner's residence is declared.
            ...(typeof notice.municipalityCode === "string" ? { detail: notice.municipalityCode } : {}),
          },
          atMs,
        );
        return;
      case "COUNT_CORRECTED":
        add(
          {
            ...base,
            event: "notice",
            task: taskName(step?.kind ?? "?"),
            to: holder.get(stepId(learner, step?.key)) ?? step?.assigneeRole,
            count: notice.count,
            reason: "COUNT_CORRECTED",
          },
          atMs,
        );
        return;
      case "ALERT":
        add(
          {
            ...base,
            event: "alert",
            ...(typeof notice.to === "string" ? { to: notice.to } : {}),
            ...(notice.legalPoint ? { rule: notice.legalPoint } : {}),
            reason: String(notice.alert),
            ...(typeof notice.detail === "string" ? { detail: notice.detail } : {}),
          },
          atMs,
        );
        return;
      case "AGENDA":
        add(
          {
            ...base,
            event: "agenda.added",
            ...(typeof notice.body === "string" ? { to: notice.body } : {}),
            ...(notice.legalPoint ? { rule: notice.legalPoint } : {}),
            ...(notice.ruleId ? { detail: notice.ruleId } : {}),
            ...(notice.count !== undefined ? { count: notice.count } : {}),
          },
          atMs,
        );
        return;
      case "NOBODY_TO_ASSIGN":
        return; // the operator alert it raises is recorded from the OperatorAlert table
      default:
        // A notice kind added later: shown as a notice, with what it says of itself.
        add(
          {
            ...base,
            event: "notice",
            reason: notice.kind,
            ...(typeof notice.recipient === "string" ? { to: notice.recipient } : {}),
            ...(typeof notice.legalPoint === "string" ? { rule: notice.legalPoint } : {}),
            ...(typeof notice.count === "number" ? { count: notice.count } : {}),
          },
          atMs,
        );
    }
  }

  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      const atMs = now();
      const result = await fn(...args);
      const input = args[0] as Record<string, unknown>;
      const learner = await learnerOf(input);
      if (name === "openTask") {
        const assignment = result as { assigneeRole?: string };
        const task = input as unknown as { key: string; kind: string; legalPoint: string | null; dueAt: string };
        const event: TimelineEvent = {
          atMs,
          event: "task.opened",
          ...(learner ? { learner } : {}),
          task: taskName(task.kind),
          to: assignment.assigneeRole ?? (input.assigneeRole as string),
          due: task.dueAt,
          ...(task.legalPoint ? { rule: task.legalPoint } : {}),
        };
        timeline.add(event);
        opened.set(stepId(learner, task.key), event);
        if (event.to) holder.set(stepId(learner, task.key), event.to);
      } else if (name === "updateTask") {
        const update = input as unknown as UpdateTaskInput;
        if (update.state === "DONE" || update.state === "CANCELLED") {
          const kind = (await taskKindOf(options.prisma, update)) ?? "?";
          add(
            {
              ...(learner ? { learner } : {}),
              event: update.state === "DONE" ? "task.done" : "task.cancelled",
              task: taskName(kind),
            },
            atMs,
          );
        }
      } else if (name === "notifyAbsence") {
        onNotice(input as { learnerId?: string; notice: NoticeLike }, learner, atMs);
      }
      // The case pipeline's own notices are out of the simulator's scope; its tasks and alerts are in.
      await collectAlerts(atMs);
      return result;
    };
  }
  return wrapped as Activities;
}

async function taskKindOf(prisma: PrismaClient, input: UpdateTaskInput): Promise<string | null> {
  const row = await prisma.task.findUnique({ where: { dedupeKey: taskDedupeKey(input) }, select: { kind: true } });
  return row?.kind ?? null;
}

function learnerInText(text: string, options: RecorderOptions): string | undefined {
  for (const match of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) {
    const code = options.learnerCode(match[0]);
    if (code) return code;
  }
  return undefined;
}
