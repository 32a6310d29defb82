// The in-memory store of workflow executions and the lifecycle every run goes through: start (with the
// workflow-id conflict and reuse rules), and close (which settles everything still pending on the run).
import { randomUUID } from "node:crypto";
import { VirtualClock } from "./clock.js";
import { type Attributes, type AttributesKey } from "./history.js";
import { alreadyStarted, notFound } from "./rpc-error.js";
import { type IPayloads, duration, durationMs, int64, timestamp, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import { type ParentRef, WorkflowRun } from "./run.js";
import { TaskQueues } from "./task-queues.js";
import { scheduleWorkflowTask } from "./workflow-tasks.js";
import { onRunClosed } from "./children.js";
import { releaseQueriesOnClose, type PendingQuery } from "./queries.js";
import { failPendingUpdatesOnClose } from "./updates.js";

type StartRequest = temporal.api.workflowservice.v1.IStartWorkflowExecutionRequest;
const Status = enums.WorkflowExecutionStatus;
const Conflict = enums.WorkflowIdConflictPolicy;
const Reuse = enums.WorkflowIdReusePolicy;

export interface StartOptions {
  parent?: ParentRef;
  parentClosePolicy?: number;
  /** The run this one continues (continue-as-new). */
  continuedFrom?: WorkflowRun;
  initiator?: number;
  /** Preassigned run id (continue-as-new names the next run in the closing event). */
  runId?: string;
  lastCompletionResult?: IPayloads | null;
  /** Written right after WorkflowExecutionStarted, before the first workflow task (signal-with-start). */
  signal?: {
    signalName: string;
    input?: IPayloads | null;
    header?: temporal.api.common.v1.IHeader | null;
    identity: string;
  };
}

export interface StartResult {
  run: WorkflowRun;
  started: boolean;
}

const DEFAULT_WORKFLOW_TASK_TIMEOUT_MS = 10_000;

export class Engine {
  readonly clock: VirtualClock;
  readonly queues = new TaskQueues();
  readonly runs = new Map<string, WorkflowRun>();
  /** All runs of a workflow id, oldest first. */
  private readonly chains = new Map<string, WorkflowRun[]>();
  readonly queries = new Map<string, PendingQuery>();
  /** Counts for benchmarks: how much work the engine handed out and got back. */
  readonly stats = { workflowTasksCompleted: 0, workflowTasksFailed: 0, activityTasksCompleted: 0 };

  constructor(timeSkipping: boolean, startAt?: number) {
    this.clock = new VirtualClock(timeSkipping, startAt);
    this.clock.isBusy = () => this.isBusy();
  }

  now(): number {
    return this.clock.now();
  }

  /** True while any workflow or activity task is queued or running: time skipping must wait. */
  isBusy(): boolean {
    for (const chain of this.chains.values()) {
      const run = chain[chain.length - 1]!;
      if (!run.open) continue;
      if (run.wft) return true;
      for (const activity of run.activities.values()) if (activity.state !== "backoff") return true;
    }
    return false;
  }

  listRuns(namespace: string): WorkflowRun[] {
    return [...this.runs.values()].filter((r) => r.namespace === namespace);
  }

  latestRun(namespace: string, workflowId: string): WorkflowRun | undefined {
    const chain = this.chains.get(`${namespace}\u0000${workflowId}`);
    return chain?.[chain.length - 1];
  }

  /** The run a request addresses: a given run id, or the latest run of the workflow id. */
  getRun(namespace: string, workflowId: string | null | undefined, runId?: string | null): WorkflowRun {
    const run = runId ? this.runs.get(runId) : this.latestRun(namespace, workflowId ?? "");
    if (!run || run.namespace !== namespace || (workflowId && run.workflowId !== workflowId)) {
      throw notFound(`workflow execution not found for workflow id ${workflowId ?? ""}, run id ${runId ?? ""}`);
    }
    return run;
  }

  /** An outside event for an open run (see WorkflowRun.deliver), scheduling a workflow task when needed. */
  deliver<K extends AttributesKey>(run: WorkflowRun, key: K, attributes: Attributes<K>): void {
    if (!run.open) return;
    if (run.deliver(key, attributes, this.now())) scheduleWorkflowTask(this, run);
    this.clock.poke();
  }

  startWorkflow(req: StartRequest, opts: StartOptions = {}): StartResult {
    const namespace = req.namespace ?? "default";
    const workflowId = req.workflowId ?? "";
    const requestId = req.requestId || randomUUID();
    const latest = this.latestRun(namespace, workflowId);
    if (latest && !opts.continuedFrom) {
      if (latest.startRequestId === requestId) return { run: latest, started: false }; // an idempotent retry
      if (latest.open) {
        const conflict = req.workflowIdConflictPolicy ?? Conflict.WORKFLOW_ID_CONFLICT_POLICY_UNSPECIFIED;
        if (conflict === Conflict.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING) return { run: latest, started: false };
        const terminateRunning =
          conflict === Conflict.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING ||
          req.workflowIdReusePolicy === Reuse.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING;
        if (!terminateRunning) throw alreadyStarted(latest.startRequestId, latest.runId);
        this.close(latest, "workflowExecutionTerminatedEventAttributes", {
          reason: "terminated by a new start with the same workflow id",
          identity: req.identity ?? "",
        });
      } else {
        const reuse = req.workflowIdReusePolicy ?? Reuse.WORKFLOW_ID_REUSE_POLICY_UNSPECIFIED;
        const failedOnly = reuse === Reuse.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY;
        const lastSucceeded = latest.status === Status.WORKFLOW_EXECUTION_STATUS_COMPLETED;
        if (reuse === Reuse.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE || (failedOnly && lastSucceeded)) {
          throw alreadyStarted(latest.startRequestId, latest.runId);
        }
      }
    }

    const now = this.now();
    const runId = opts.runId ?? randomUUID();
    const firstRunId = opts.continuedFrom?.firstRunId ?? runId;
    const taskTimeoutMs = durationMs(req.workflowTaskTimeout) || DEFAULT_WORKFLOW_TASK_TIMEOUT_MS;
    const executionTimeoutMs = durationMs(req.workflowExecutionTimeout);
    const runTimeoutMs = durationMs(req.workflowRunTimeout) || executionTimeoutMs;
    const started: temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes = {
      workflowType: req.workflowType,
      taskQueue: { name: req.taskQueue?.name ?? "", kind: enums.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      input: req.input,
      workflowExecutionTimeout: duration(executionTimeoutMs),
      workflowRunTimeout: duration(runTimeoutMs),
      workflowTaskTimeout: duration(taskTimeoutMs),
      identity: req.identity ?? "",
      originalExecutionRunId: runId,
      firstExecutionRunId: firstRunId,
      continuedExecutionRunId: opts.continuedFrom?.runId ?? "",
      initiator: opts.initiator ?? 0,
      lastCompletionResult: opts.lastCompletionResult ?? null,
      attempt: 1,
      retryPolicy: req.retryPolicy,
      cronSchedule: req.cronSchedule ?? "",
      header: req.header,
      memo: req.memo,
      searchAttributes: req.searchAttributes,
      parentWorkflowNamespace: opts.parent?.namespace ?? "",
      parentWorkflowExecution: opts.parent ? { workflowId: opts.parent.workflowId, runId: opts.parent.runId } : null,
      parentInitiatedEventId: int64(opts.parent?.initiatedEventId ?? 0),
      workflowExecutionExpirationTime: executionTimeoutMs ? timestamp(now + executionTimeoutMs) : null,
    };
    const run = new WorkflowRun(
      namespace,
      workflowId,
      runId,
      firstRunId,
      requestId,
      started,
      now,
      opts.parent,
      opts.parentClosePolicy ?? 0,
    );
    this.runs.set(runId, run);
    const chainKey = `${namespace}\u0000${workflowId}`;
    const chain = this.chains.get(chainKey) ?? [];
    chain.push(run);
    this.chains.set(chainKey, chain);

    run.record("workflowExecutionStartedEventAttributes", started, now);
    if (opts.signal) {
      run.record(
        "workflowExecutionSignaledEventAttributes",
        {
          signalName: opts.signal.signalName,
          input: opts.signal.input,
          header: opts.signal.header,
          identity: opts.signal.identity,
        },
        now,
      );
    }
    if (runTimeoutMs > 0) {
      run.runTimeout = this.clock.after(runTimeoutMs, () => {
        if (run.open) this.close(run, "workflowExecutionTimedOutEventAttributes", { retryState: 0 });
      });
    }
    scheduleWorkflowTask(this, run);
    return { run, started: true };
  }

  /**
   * Writes the close event and settles the run: timers and activities stop, waiting updates and queries are
   * answered, the parent hears about it and children follow their parent-close policy.
   */
  close<K extends AttributesKey>(run: WorkflowRun, key: K, attributes: Attributes<K>): void {
    if (!run.open) return;
    const now = this.now();
    if (run.applyingCommands) run.discardBuffered();
    else if (run.wft && run.wft.startedEventId > 0) {
      // A forced close (terminate, timeout) while a workflow task runs: the task can no longer complete.
      run.record(
        "workflowTaskFailedEventAttributes",
        {
          scheduledEventId: int64(run.wft.scheduledEventId),
          startedEventId: int64(run.wft.startedEventId),
          cause: enums.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND,
        },
        now,
      );
    }
    run.flushBuffered();
    run.applyingCommands = false;
    run.record(key, attributes, now);
    run.status = statusOf(key);
    run.closeTimeMs = now;
    run.wft?.timeout?.cancel();
    run.wft = undefined;
    run.runTimeout?.cancel();
    for (const timer of run.timers.values()) timer.handle.cancel();
    run.timers.clear();
    for (const activity of run.activities.values()) {
      for (const t of [...activity.timers, activity.deadline, activity.heartbeatTimer]) t?.cancel();
    }
    run.activities.clear();
    failPendingUpdatesOnClose(this, run);
    releaseQueriesOnClose(this, run);
    onRunClosed(this, run);
    this.clock.poke();
  }
}

function statusOf(key: AttributesKey): number {
  switch (key) {
    case "workflowExecutionCompletedEventAttributes":
      return Status.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    case "workflowExecutionFailedEventAttributes":
      return Status.WORKFLOW_EXECUTION_STATUS_FAILED;
    case "workflowExecutionCanceledEventAttributes":
      return Status.WORKFLOW_EXECUTION_STATUS_CANCELED;
    case "workflowExecutionTerminatedEventAttributes":
      return Status.WORKFLOW_EXECUTION_STATUS_TERMINATED;
    case "workflowExecutionTimedOutEventAttributes":
      return Status.WORKFLOW_EXECUTION_STATUS_TIMED_OUT;
    case "workflowExecutionContinuedAsNewEventAttributes":
      return Status.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW;
    default:
      throw new Error(`${key} is not a close event`);
  }
}
