// State of one workflow run: its history, the workflow task in flight, and everything pending (activities,
// timers, children, updates, queries). The rules sdk-core enforces on a history live here: contiguous event
// ids, and events that arrive while a workflow task is running are buffered and written only after that
// task's completion and command events.
import type { TimerHandle } from "./clock.js";
import { type Attributes, type AttributesKey, isCloseEvent, needsWorkflowTask, newEvent } from "./history.js";
import { type IHistoryEvent, type IPayloads, int64, num, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";

/** Placeholder for "the id of the matching started event", resolved when the event is written. */
export const STARTED_EVENT_PENDING = -1;

type StartedAttributes = temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes;

export interface WorkflowTaskState {
  scheduledEventId: number;
  /** 0 while the task waits in a queue. */
  startedEventId: number;
  attempt: number;
  timeout?: TimerHandle;
  /** Queries answered as part of this task (consistent queries ride on a real workflow task). */
  queryIds: string[];
  /** Update ids whose request message went out with this task. */
  updateIds: string[];
}

export interface ActivityState {
  scheduledEventId: number;
  activityId: string;
  attrs: temporal.api.history.v1.IActivityTaskScheduledEventAttributes;
  attempt: number;
  state: "scheduled" | "started" | "backoff";
  scheduledTimeMs: number;
  attemptScheduledTimeMs: number;
  startedTimeMs: number;
  lastHeartbeatMs: number;
  heartbeatDetails?: IPayloads | null;
  lastFailure?: temporal.api.failure.v1.IFailure | null;
  lastIdentity: string;
  cancelRequested: boolean;
  cancelRequestedEventId: number;
  /** Schedule-to-close deadline, across all attempts. */
  deadline?: TimerHandle;
  heartbeatTimer?: TimerHandle;
  /** Timers of the current attempt (schedule-to-start, start-to-close, retry backoff). */
  timers: TimerHandle[];
}

export interface ChildState {
  initiatedEventId: number;
  startedEventId: number;
  workflowId: string;
  runId: string;
  workflowType: string;
  namespace: string;
  parentClosePolicy: number;
}

export interface UpdateState {
  id: string;
  request: temporal.api.update.v1.IRequest;
  stage: "admitted" | "sent" | "accepted" | "completed";
  acceptedEventId: number;
  outcome?: temporal.api.update.v1.IOutcome | null;
  waiters: Set<() => void>;
}

export interface ParentRef {
  namespace: string;
  workflowId: string;
  runId: string;
  initiatedEventId: number;
}

export class WorkflowRun {
  readonly history: IHistoryEvent[] = [];
  private readonly buffered: IHistoryEvent[] = [];
  status = enums.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  closeTimeMs = 0;
  wft: WorkflowTaskState | undefined;
  /** Started event id of the last completed workflow task: what the worker has already seen. */
  previousStartedEventId = 0;
  sticky: { queue: string; timeoutMs: number } | undefined;
  readonly activities = new Map<number, ActivityState>();
  readonly timers = new Map<string, { startedEventId: number; handle: TimerHandle }>();
  readonly children = new Map<number, ChildState>();
  readonly updates = new Map<string, UpdateState>();
  /** Queries waiting for the in-flight workflow task to finish before they can be dispatched. */
  readonly heldQueryIds: string[] = [];
  readonly signalRequestIds = new Set<string>();
  cancelRequested = false;
  /** Set when the run continued as new. */
  nextRunId = "";
  runTimeout: TimerHandle | undefined;
  private readonly historyWaiters = new Set<() => void>();

  constructor(
    readonly namespace: string,
    readonly workflowId: string,
    readonly runId: string,
    readonly firstRunId: string,
    readonly startRequestId: string,
    readonly started: StartedAttributes,
    readonly startTimeMs: number,
    readonly parent: ParentRef | undefined,
    readonly parentClosePolicy: number,
  ) {}

  get workflowType(): string {
    return this.started.workflowType?.name ?? "";
  }

  get taskQueue(): string {
    return this.started.taskQueue?.name ?? "";
  }

  get open(): boolean {
    return this.status === enums.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  get lastEventId(): number {
    return this.history.length;
  }

  get closeEvent(): IHistoryEvent | undefined {
    const last = this.history[this.history.length - 1];
    return last && isCloseEvent(last) ? last : undefined;
  }

  /** Set while a workflow task's commands are being applied, so events arising meanwhile are buffered. */
  applyingCommands = false;
  /** Attempt number of the next workflow task; grows while tasks fail or time out. */
  nextWorkflowTaskAttempt = 1;

  get workflowTaskRunning(): boolean {
    return this.applyingCommands || (!!this.wft && this.wft.startedEventId > 0);
  }

  /** Removes and returns the first buffered event matching `predicate`. */
  takeBuffered(predicate: (event: IHistoryEvent) => boolean): IHistoryEvent | undefined {
    const idx = this.buffered.findIndex(predicate);
    return idx >= 0 ? this.buffered.splice(idx, 1)[0] : undefined;
  }

  /** Drops buffered events: a run closed by its own command does not see what arrived meanwhile. */
  discardBuffered(): void {
    this.buffered.length = 0;
  }

  /** Writes an event now and returns its id. */
  record<K extends AttributesKey>(key: K, attributes: Attributes<K>, timeMs: number): number {
    return this.write(newEvent(key, attributes, timeMs));
  }

  /**
   * Adds an event that happened outside the workflow (a signal, a result, a fired timer). It is buffered
   * while a workflow task runs; otherwise written at once. Returns true when a workflow task is needed.
   */
  deliver<K extends AttributesKey>(key: K, attributes: Attributes<K>, timeMs: number): boolean {
    const event = newEvent(key, attributes, timeMs);
    if (this.workflowTaskRunning) {
      this.buffered.push(event);
      return false;
    }
    this.write(event);
    return needsWorkflowTask(event) && !this.wft;
  }

  /** Writes the events buffered during a workflow task; true when any of them needs a new workflow task. */
  flushBuffered(): boolean {
    let needsTask = false;
    for (const event of this.buffered.splice(0)) {
      this.write(event);
      needsTask ||= needsWorkflowTask(event);
    }
    return needsTask;
  }

  /**
   * An activity or child result may be buffered together with its "started" event, so its startedEventId is
   * unknown when it is created; STARTED_EVENT_PENDING stands for it and is resolved here.
   */
  private resolveStartedEventId(event: IHistoryEvent, id: number): void {
    const activity =
      event.activityTaskCompletedEventAttributes ??
      event.activityTaskFailedEventAttributes ??
      event.activityTaskTimedOutEventAttributes ??
      event.activityTaskCanceledEventAttributes;
    if (activity && num(activity.startedEventId) === STARTED_EVENT_PENDING) activity.startedEventId = int64(id - 1);
    const child =
      event.childWorkflowExecutionCompletedEventAttributes ??
      event.childWorkflowExecutionFailedEventAttributes ??
      event.childWorkflowExecutionCanceledEventAttributes ??
      event.childWorkflowExecutionTimedOutEventAttributes ??
      event.childWorkflowExecutionTerminatedEventAttributes;
    if (child && num(child.startedEventId) === STARTED_EVENT_PENDING) {
      const initiated = num(child.initiatedEventId);
      const started = this.history.find(
        (e) =>
          e.childWorkflowExecutionStartedEventAttributes &&
          num(e.childWorkflowExecutionStartedEventAttributes.initiatedEventId) === initiated,
      );
      child.startedEventId = int64(started ? num(started.eventId) : 0);
    }
  }

  /** Resolves when the history grows or the run closes (history long polls). */
  waitForChange(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.historyWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.historyWaiters.add(done);
    });
  }

  private write(event: IHistoryEvent): number {
    const id = this.history.length + 1;
    event.eventId = int64(id);
    this.resolveStartedEventId(event, id);
    this.history.push(event);
    for (const waiter of [...this.historyWaiters]) waiter();
    return id;
  }
}
