/**
 * The human tasks of one workflow run: kept in the workflow's state, recorded as Task rows through activities,
 * reminded and escalated at the instants `planTask` computed, and completed by a validated Update. Used by the
 * case workflow and the MK 89 absence escalation alike (docs/human-tasks.md).
 *
 * Completing a task: the one pattern
 *
 *   setHandler(completeUpdate, async (input) => {
 *     const recorded = tasks.complete(input.taskKey, input.staffId); // state DONE at once, before any await
 *     ... the workflow's own effects ...
 *     await recorded;                                                 // the Task row says DONE
 *     return result;
 *   }, { validator: (input) => tasks.validateCompletion(input.taskKey) });
 *
 *   - The validator rejects a task key it does not know and a task already DONE or CANCELLED, with an
 *     ApplicationFailure of a known type (`errors.unknown` / `errors.closed`), so the chat layer can answer
 *     "already done" instead of an error. A rejected update leaves no trace in the history.
 *   - The handler changes the state synchronously, before its first await: a second completion that arrives
 *     while the first is still recording is rejected by the validator, and the wake loop never reminds or
 *     escalates a task someone has just done.
 *   - The chat layer sends the update with an id derived from the task and the action (e.g. `<taskKey>:<kind>`):
 *     Temporal answers a repeated id with the first outcome without running the handler again, so a double click
 *     gets the same result and never a second record. The record activity is itself idempotent (the Task row is
 *     keyed `<workflowId>/<taskKey>`), so an activity retry never duplicates either.
 *
 * Each task is one Task row keyed `<workflowId>/<taskKey>` (`<workflowId>/<keyScope>/<taskKey>` with a scope).
 *
 * Waking: the workflow waits with `condition(ready, ms)` where `ms` comes from `msUntilNextWake()`, then calls
 * `fireDue()`, which sends the reminders and fires the escalations that are due, in plan order.
 */
import { ApplicationFailure } from "@temporalio/workflow";
import {
  assignedTo,
  cancelled,
  completed,
  dueActions,
  escalated,
  handedOverForNobody,
  isClosed,
  markReminders,
  nextWake,
  openedTask,
  planTask,
  type HumanTask,
  type PlannedEscalation,
  type TaskCalendarContext,
  type TaskSpec,
  type TaskState,
} from "./domain/human-task.js";

/** What a task is about, by reference only (never a name). */
export interface TaskSubject {
  type: "Case" | "Learner";
  id: string;
}

/** Input of the `openTask` activity. */
export interface OpenTaskInput {
  workflowId: string;
  /** Set when one workflow id reuses task keys per run (the absence escalation: one run per semester). */
  keyScope?: string;
  subject: TaskSubject;
  key: string;
  kind: string;
  assigneeRole: string;
  legalPoint: string | null;
  dueAt: string;
}

/** Input of the `updateTask` activity; fields left out are not changed. */
export interface UpdateTaskInput {
  workflowId: string;
  keyScope?: string;
  subject: TaskSubject;
  key: string;
  state?: TaskState;
  escalationLevel?: number;
  /** A new holder role: its assignee is looked up in the directory unless `assigneeId` names one. */
  assigneeRole?: string;
  assigneeId?: string | null;
  actorId?: string;
}

/** Who holds a task after an activity looked them up; `nobody` when the role has no one at the school/municipality. */
export interface TaskAssignment {
  assigneeRole: string;
  assigneeId: string | null;
  nobody: boolean;
}

export interface TaskRecords {
  openTask(input: OpenTaskInput): Promise<TaskAssignment>;
  updateTask(input: UpdateTaskInput): Promise<TaskAssignment>;
}

/** How the workflow tells people, in the notice kinds its notifier understands. */
export interface TaskNotices {
  reminder(task: HumanTask): Promise<void>;
  escalated(task: HumanTask, step: PlannedEscalation): Promise<void>;
  /** The role had nobody; the task went to `handedTo` (null: no rung left). Becomes an operator alert. */
  nobodyToAssign(task: HumanTask, role: string, handedTo: string | null): Promise<void>;
}

export const HumanTaskErrors = { UNKNOWN_TASK: "UNKNOWN_TASK", TASK_CLOSED: "TASK_CLOSED" } as const;

export interface HumanTasksOptions {
  /** The workflow's own array (in its state, so queries and continue-as-new carry it); changed in place. */
  tasks: HumanTask[];
  workflowId: string;
  /** See OpenTaskInput.keyScope. */
  keyScope?: string;
  subject: TaskSubject;
  records: TaskRecords;
  notices: TaskNotices;
  /** Error types the validator throws; default HumanTaskErrors. */
  errors?: { unknown: string; closed: string };
}

export type HumanTasks = ReturnType<typeof useHumanTasks>;

export function useHumanTasks(options: HumanTasksOptions) {
  const { tasks, workflowId, subject, records, notices } = options;
  const errors = options.errors ?? { unknown: HumanTaskErrors.UNKNOWN_TASK, closed: HumanTaskErrors.TASK_CLOSED };
  const ids = { workflowId, subject, ...(options.keyScope ? { keyScope: options.keyScope } : {}) };

  const find = (key: string): HumanTask | undefined => tasks.find((t) => t.key === key);
  const put = (task: HumanTask): HumanTask => {
    const index = tasks.findIndex((t) => t.key === task.key);
    if (index >= 0) tasks[index] = task;
    else tasks.push(task);
    return task;
  };

  /** The holder's role had nobody: pass the task up the chain until someone is there or the chain ends. */
  async function settleAssignment(task: HumanTask, assignment: TaskAssignment): Promise<void> {
    let current = put({ ...task, assigneeId: assignment.assigneeId });
    let result = assignment;
    while (result.nobody) {
      const next = handedOverForNobody(current);
      await notices.nobodyToAssign(current, current.assigneeRole, next?.assigneeRole ?? null);
      if (!next) return;
      current = put(next);
      result = await records.updateTask({
        ...ids,
        key: next.key,
        state: next.state,
        escalationLevel: next.escalationLevel,
        assigneeRole: next.assigneeRole,
      });
      current = put({ ...current, assigneeId: result.assigneeId });
    }
  }

  return {
    list: (): readonly HumanTask[] => tasks,
    get: find,

    /**
     * Opens the task `spec.key` once (a second call with the same key does nothing and returns null): plans it,
     * records the Task row, lets the workflow announce it, then handles a role with nobody in it.
     */
    async open(
      spec: TaskSpec,
      openedAt: Date,
      calendar: TaskCalendarContext,
      announce?: (task: HumanTask) => Promise<void>,
    ): Promise<HumanTask | null> {
      if (find(spec.key)) return null;
      const task = put(openedTask(spec, planTask(spec, openedAt, calendar)));
      const assignment = await records.openTask({
        ...ids,
        key: task.key,
        kind: task.kind,
        assigneeRole: task.assigneeRole,
        legalPoint: task.legalPoint,
        dueAt: task.plan.dueAt,
      });
      await announce?.(find(task.key)!);
      await settleAssignment(find(task.key)!, assignment);
      return find(task.key)!;
    },

    /** Sends the reminders and fires the escalations due at `now`, task by task, in plan order. */
    async fireDue(now: number): Promise<void> {
      for (const { key } of [...tasks]) {
        const task = find(key)!;
        const due = dueActions(task, now);
        if (!due.remind.length && !due.skip.length && !due.escalate.length) continue;
        const reminded = put(markReminders(task, [...due.remind, ...due.skip]));
        if (due.remind.length) await notices.reminder(reminded);
        for (const step of due.escalate) {
          const before = find(key)!;
          if (isClosed(before)) break;
          const next = put(escalated(before, step));
          const assignment = await records.updateTask({
            ...ids,
            key,
            state: next.state,
            escalationLevel: next.escalationLevel,
            ...(step.handOver ? { assigneeRole: next.assigneeRole } : {}),
          });
          await notices.escalated(next, step);
          if (step.handOver) await settleAssignment(next, assignment);
        }
      }
    },

    /** Milliseconds until the next reminder or escalation (at least `floorMs`), or null when none is planned. */
    msUntilNextWake(now: number, floorMs = 1): number | null {
      const wake = nextWake(tasks, now);
      return wake === null ? null : Math.max(floorMs, wake - now);
    },

    /** The validator half of the completion pattern (see the header). Synchronous; throws ApplicationFailure. */
    validateCompletion(key: string): void {
      const task = find(key);
      if (!task) throw ApplicationFailure.create({ type: errors.unknown, message: `No task ${key}` });
      if (isClosed(task)) throw ApplicationFailure.create({ type: errors.closed, message: `Task ${key} is closed` });
    },

    /**
     * The handler half: marks the task DONE at once (synchronously, before the returned promise is awaited),
     * then records it. Completing a closed or unknown task changes nothing.
     */
    complete(key: string, actorId?: string): Promise<void> {
      const task = find(key);
      if (!task || isClosed(task)) return Promise.resolve();
      const done = put(completed(task));
      return records
        .updateTask({ ...ids, key, state: done.state, ...(actorId ? { actorId } : {}) })
        .then(() => undefined);
    },

    /** Cancels an open task (e.g. the case was withdrawn); synchronous state change like `complete`. */
    cancel(key: string, actorId?: string): Promise<void> {
      const task = find(key);
      if (!task || isClosed(task)) return Promise.resolve();
      const gone = put(cancelled(task));
      return records
        .updateTask({ ...ids, key, state: gone.state, ...(actorId ? { actorId } : {}) })
        .then(() => undefined);
    },

    /** A named person takes the task (the support-team member who becomes case manager). */
    async assign(key: string, staffId: string): Promise<void> {
      const task = find(key);
      if (!task || isClosed(task)) return;
      put(assignedTo(task, staffId));
      await records.updateTask({ ...ids, key, assigneeId: staffId });
    },
  };
}
