/**
 * The simulator's output: one JSON object per line, in time order (docs/simulator.md). Fields appear in a fixed
 * order so that timelines can be compared as text.
 */
import { formatRigaInstant } from "./local-instant.js";

export const TIMELINE_EVENTS = [
  "task.opened",
  "task.reminded",
  "task.escalated",
  "task.done",
  "task.cancelled",
  "notice",
  "agenda.added",
  "alert",
  "rejected",
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENTS)[number];

export interface TimelineEvent {
  /** Epoch ms of virtual time. */
  atMs: number;
  event: TimelineEventKind;
  /** The scenario's own learner code. */
  learner?: string;
  task?: string;
  /** A Role enum value, or a meeting body for agenda items. */
  to?: string;
  /** Contact relations (ContactRelation values) or "LEARNER", for contact tasks. */
  contact?: string[];
  due?: string;
  rule?: string;
  count?: number;
  /** Why: the alert's kind, the rejection's reason, a cancellation's cause. */
  reason?: string;
  /** More, never personal: e.g. the day a contact task is for. */
  detail?: string;
}

const FIELD_ORDER = ["learner", "task", "to", "contact", "due", "rule", "count", "reason", "detail"] as const;

/**
 * Times print to the minute: an activity runs a few milliseconds (under load, a second or two) after the timer
 * or event that caused it, and a timeline must read the same on every run.
 */
const toMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

export function timelineLine(event: TimelineEvent): string {
  const out: Record<string, unknown> = { at: formatRigaInstant(toMinute(event.atMs)), event: event.event };
  for (const field of FIELD_ORDER) {
    const value = event[field];
    if (value === undefined) continue;
    out[field] = field === "due" ? formatRigaInstant(toMinute(Date.parse(value as string))) : value;
  }
  return JSON.stringify(out);
}

export interface TimelineSummary {
  at: string;
  summary: {
    events: number;
    byEvent: Partial<Record<TimelineEventKind, number>>;
    /** Tasks still open at `until`, by task name. */
    openTasks: Record<string, number>;
    learners: number;
  };
}

/** Within one minute, events sort by kind in this order (see Timeline). */
const KIND_RANK = Object.fromEntries(TIMELINE_EVENTS.map((kind, rank) => [kind, rank])) as Record<
  TimelineEventKind,
  number
>;

/**
 * Events in time order, to the minute; within a minute by learner, then by kind (in TIMELINE_EVENTS' order), then by
 * task name, and only then in the order they were recorded. Recording order alone is not stable: the learners'
 * workflows run concurrently, and so do one learner's case and absence workflows, so two events of the same
 * minute from different workflows come out in either order from run to run.
 */
export class Timeline {
  private readonly events: TimelineEvent[] = [];

  add(event: TimelineEvent): void {
    this.events.push(event);
  }

  sorted(): TimelineEvent[] {
    return this.events
      .map((e, i) => ({ e, i }))
      .sort(
        (a, b) =>
          toMinute(a.e.atMs) - toMinute(b.e.atMs) ||
          (a.e.learner ?? "").localeCompare(b.e.learner ?? "") ||
          KIND_RANK[a.e.event] - KIND_RANK[b.e.event] ||
          (a.e.task ?? "").localeCompare(b.e.task ?? "") ||
          a.i - b.i,
      )
      .map(({ e }) => e);
  }

  summary(untilMs: number, openTasks: Record<string, number>, learners: number): TimelineSummary {
    const byEvent: Partial<Record<TimelineEventKind, number>> = {};
    for (const kind of TIMELINE_EVENTS) {
      const count = this.events.filter((e) => e.event === kind).length;
      if (count) byEvent[kind] = count;
    }
    return {
      at: formatRigaInstant(toMinute(untilMs)),
      summary: { events: this.events.length, byEvent, openTasks, learners },
    };
  }

  lines(untilMs: number, openTasks: Record<string, number>, learners: number): string[] {
    return [...this.sorted().map(timelineLine), JSON.stringify(this.summary(untilMs, openTasks, learners))];
  }
}
