// Activities: scheduling, dispatch, results, retries with backoff on the virtual clock, the four timeouts,
// heartbeats and cancellation. As on the real server, attempts that are retried leave no events: the
// ActivityTaskStarted event of the final attempt is written together with its result.
import type { Engine } from "./engine.js";
import { invalidArgument, notFound } from "./rpc-error.js";
import { decodeToken, encodeToken } from "./task-token.js";
import { type IFailure, type IRetryPolicy, duration, durationMs, int64, timestamp, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import { type ActivityState, STARTED_EVENT_PENDING, type WorkflowRun } from "./run.js";

const RetryState = enums.RetryState;
const TimeoutType = enums.TimeoutType;

export function scheduleActivity(
  engine: Engine,
  run: WorkflowRun,
  cmd: temporal.api.command.v1.IScheduleActivityTaskCommandAttributes,
  completedEventId: number,
): void {
  // Normalised the way the real server does it; the worker insists on every timeout being present.
  const scheduleToClose = durationMs(cmd.scheduleToCloseTimeout) || durationMs(run.started.workflowRunTimeout);
  const startToClose = durationMs(cmd.startToCloseTimeout) || scheduleToClose;
  if (!startToClose) throw invalidArgument("A valid StartToClose or ScheduleToCloseTimeout is not set on command.");
  const scheduleToStart = durationMs(cmd.scheduleToStartTimeout) || scheduleToClose;
  const heartbeat = Math.min(durationMs(cmd.heartbeatTimeout), startToClose);
  const initial = durationMs(cmd.retryPolicy?.initialInterval) || 1_000;
  const retryPolicy: IRetryPolicy = {
    initialInterval: duration(initial),
    backoffCoefficient: cmd.retryPolicy?.backoffCoefficient || 2,
    maximumInterval: duration(durationMs(cmd.retryPolicy?.maximumInterval) || 100 * initial),
    maximumAttempts: cmd.retryPolicy?.maximumAttempts ?? 0,
    nonRetryableErrorTypes: cmd.retryPolicy?.nonRetryableErrorTypes ?? [],
  };
  const attrs: temporal.api.history.v1.IActivityTaskScheduledEventAttributes = {
    activityId: cmd.activityId ?? "",
    activityType: cmd.activityType,
    taskQueue: { name: cmd.taskQueue?.name || run.taskQueue, kind: enums.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    header: cmd.header,
    input: cmd.input,
    scheduleToCloseTimeout: duration(scheduleToClose),
    scheduleToStartTimeout: duration(scheduleToStart),
    startToCloseTimeout: duration(startToClose),
    heartbeatTimeout: duration(heartbeat),
    workflowTaskCompletedEventId: int64(completedEventId),
    retryPolicy,
  };
  const now = engine.now();
  const scheduledEventId = run.record("activityTaskScheduledEventAttributes", attrs, now);
  const activity: ActivityState = {
    scheduledEventId,
    activityId: attrs.activityId ?? "",
    attrs,
    attempt: 1,
    state: "scheduled",
    scheduledTimeMs: now,
    attemptScheduledTimeMs: now,
    startedTimeMs: 0,
    lastHeartbeatMs: 0,
    lastIdentity: "",
    cancelRequested: false,
    cancelRequestedEventId: 0,
    timers: [],
  };
  run.activities.set(scheduledEventId, activity);
  if (scheduleToClose > 0) {
    activity.deadline = engine.clock.after(scheduleToClose, () =>
      timeOut(engine, run, activity, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE),
    );
  }
  enqueueAttempt(engine, run, activity);
}

function enqueueAttempt(engine: Engine, run: WorkflowRun, activity: ActivityState): void {
  const attempt = activity.attempt;
  const scheduleToStart = durationMs(activity.attrs.scheduleToStartTimeout);
  if (scheduleToStart > 0 && scheduleToStart !== durationMs(activity.attrs.scheduleToCloseTimeout)) {
    activity.timers.push(
      engine.clock.after(scheduleToStart, () => {
        if (activity.state === "scheduled" && activity.attempt === attempt) {
          timeOut(engine, run, activity, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START);
        }
      }),
    );
  }
  engine.queues.add(run.namespace, "activity", activity.attrs.taskQueue?.name ?? "", {
    materialize: (identity) => startAttempt(engine, run, activity, attempt, identity),
  });
  engine.clock.poke();
}

function startAttempt(engine: Engine, run: WorkflowRun, activity: ActivityState, attempt: number, identity: string) {
  if (!run.open || run.activities.get(activity.scheduledEventId) !== activity) return undefined;
  if (activity.state !== "scheduled" || activity.attempt !== attempt) return undefined;
  const now = engine.now();
  activity.state = "started";
  activity.startedTimeMs = now;
  activity.lastHeartbeatMs = now;
  activity.lastIdentity = identity;
  const startToClose = durationMs(activity.attrs.startToCloseTimeout);
  activity.timers.push(
    engine.clock.after(startToClose, () => {
      if (activity.state === "started" && activity.attempt === attempt)
        timeOut(engine, run, activity, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE);
    }),
  );
  armHeartbeatTimeout(engine, run, activity);
  const a = activity.attrs;
  return {
    taskToken: encodeToken({
      kind: "activity",
      namespace: run.namespace,
      runId: run.runId,
      scheduledEventId: activity.scheduledEventId,
      attempt,
    }),
    workflowNamespace: run.namespace,
    workflowType: run.started.workflowType,
    workflowExecution: { workflowId: run.workflowId, runId: run.runId },
    activityType: a.activityType,
    activityId: a.activityId,
    header: a.header,
    input: a.input,
    heartbeatDetails: activity.heartbeatDetails,
    scheduledTime: timestamp(activity.scheduledTimeMs),
    currentAttemptScheduledTime: timestamp(activity.attemptScheduledTimeMs),
    startedTime: timestamp(now),
    attempt,
    scheduleToCloseTimeout: a.scheduleToCloseTimeout,
    startToCloseTimeout: a.startToCloseTimeout,
    heartbeatTimeout: a.heartbeatTimeout,
    retryPolicy: a.retryPolicy,
  };
}

function armHeartbeatTimeout(engine: Engine, run: WorkflowRun, activity: ActivityState): void {
  activity.heartbeatTimer?.cancel();
  const heartbeat = durationMs(activity.attrs.heartbeatTimeout);
  if (!heartbeat) return;
  const attempt = activity.attempt;
  activity.heartbeatTimer = engine.clock.after(heartbeat, () => {
    if (activity.state === "started" && activity.attempt === attempt)
      timeOut(engine, run, activity, TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
  });
}

/** The started activity a task token names, or NOT_FOUND (the worker then drops its result, as it should). */
function activityOf(
  engine: Engine,
  token: Uint8Array | null | undefined,
): { run: WorkflowRun; activity: ActivityState } {
  const t = decodeToken(token);
  const run = t.kind === "activity" ? engine.runs.get(t.runId) : undefined;
  const activity = t.kind === "activity" ? run?.activities.get(t.scheduledEventId) : undefined;
  if (
    !run ||
    !run.open ||
    !activity ||
    t.kind !== "activity" ||
    activity.attempt !== t.attempt ||
    activity.state !== "started"
  ) {
    throw notFound("activity task not found");
  }
  return { run, activity };
}

function stopAttempt(activity: ActivityState, keepDeadline: boolean): void {
  activity.heartbeatTimer?.cancel();
  for (const t of activity.timers) t.cancel();
  activity.timers = [];
  if (!keepDeadline) activity.deadline?.cancel();
}

/** Ends the activity: writes ActivityTaskStarted (if an attempt was running) and the closing event. */
function finish(
  engine: Engine,
  run: WorkflowRun,
  activity: ActivityState,
  write: (startedEventId: number) => void,
): void {
  stopAttempt(activity, false);
  run.activities.delete(activity.scheduledEventId);
  if (activity.state === "started") {
    engine.deliver(run, "activityTaskStartedEventAttributes", {
      scheduledEventId: int64(activity.scheduledEventId),
      identity: activity.lastIdentity,
      requestId: `${activity.scheduledEventId}-${activity.attempt}`,
      attempt: activity.attempt,
      lastFailure: activity.lastFailure,
    });
    write(STARTED_EVENT_PENDING);
  } else {
    write(0);
  }
  engine.clock.poke();
}

export function respondActivityTaskCompleted(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IRespondActivityTaskCompletedRequest,
) {
  const { run, activity } = activityOf(engine, req.taskToken);
  finish(engine, run, activity, (startedEventId) =>
    engine.deliver(run, "activityTaskCompletedEventAttributes", {
      result: req.result,
      scheduledEventId: int64(activity.scheduledEventId),
      startedEventId: int64(startedEventId),
      identity: req.identity ?? "",
    }),
  );
  return {};
}

export function respondActivityTaskCanceled(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IRespondActivityTaskCanceledRequest,
) {
  const { run, activity } = activityOf(engine, req.taskToken);
  finish(engine, run, activity, (startedEventId) =>
    engine.deliver(run, "activityTaskCanceledEventAttributes", {
      details: req.details,
      latestCancelRequestedEventId: int64(activity.cancelRequestedEventId),
      scheduledEventId: int64(activity.scheduledEventId),
      startedEventId: int64(startedEventId),
      identity: req.identity ?? "",
    }),
  );
  return {};
}

export function respondActivityTaskFailed(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IRespondActivityTaskFailedRequest,
) {
  const { run, activity } = activityOf(engine, req.taskToken);
  if (req.lastHeartbeatDetails) activity.heartbeatDetails = req.lastHeartbeatDetails;
  const failure = req.failure ?? { message: "activity failed" };
  const info = failure.applicationFailureInfo;
  const nonRetryable =
    !!info?.nonRetryable ||
    (!!info?.type && (activity.attrs.retryPolicy?.nonRetryableErrorTypes ?? []).includes(info.type));
  const retryState = nonRetryable
    ? RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE
    : retryOrState(engine, run, activity, failure, durationMs(info?.nextRetryDelay));
  if (retryState !== RetryState.RETRY_STATE_IN_PROGRESS) {
    finish(engine, run, activity, (startedEventId) =>
      engine.deliver(run, "activityTaskFailedEventAttributes", {
        failure,
        scheduledEventId: int64(activity.scheduledEventId),
        startedEventId: int64(startedEventId),
        identity: req.identity ?? "",
        retryState,
      }),
    );
  }
  return { failures: [] };
}

export function recordActivityTaskHeartbeat(
  engine: Engine,
  req: temporal.api.workflowservice.v1.IRecordActivityTaskHeartbeatRequest,
) {
  const { run, activity } = activityOf(engine, req.taskToken);
  activity.lastHeartbeatMs = engine.now();
  if (req.details) activity.heartbeatDetails = req.details;
  armHeartbeatTimeout(engine, run, activity);
  // Cancellation of a running activity reaches the worker only through this answer.
  return { cancelRequested: activity.cancelRequested, activityPaused: false, activityReset: false };
}

/**
 * Schedules the next attempt if the retry policy allows one and returns RETRY_STATE_IN_PROGRESS; otherwise
 * returns why not.
 */
function retryOrState(
  engine: Engine,
  run: WorkflowRun,
  activity: ActivityState,
  failure: IFailure,
  nextRetryDelayMs: number,
): number {
  const policy = activity.attrs.retryPolicy ?? {};
  const maxAttempts = policy.maximumAttempts ?? 0;
  if (maxAttempts > 0 && activity.attempt >= maxAttempts) return RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED;
  const initial = durationMs(policy.initialInterval);
  const maxInterval = durationMs(policy.maximumInterval);
  const backoff =
    nextRetryDelayMs ||
    Math.min(initial * Math.pow(policy.backoffCoefficient ?? 2, activity.attempt - 1), maxInterval || Infinity);
  const scheduleToClose = durationMs(activity.attrs.scheduleToCloseTimeout);
  if (scheduleToClose > 0 && engine.now() + backoff >= activity.scheduledTimeMs + scheduleToClose)
    return RetryState.RETRY_STATE_TIMEOUT;
  stopAttempt(activity, true);
  activity.lastFailure = failure;
  activity.state = "backoff";
  activity.timers.push(
    engine.clock.after(backoff, () => {
      if (!run.open || run.activities.get(activity.scheduledEventId) !== activity) return;
      activity.attempt += 1;
      activity.state = "scheduled";
      activity.attemptScheduledTimeMs = engine.now();
      enqueueAttempt(engine, run, activity);
    }),
  );
  engine.clock.poke();
  return RetryState.RETRY_STATE_IN_PROGRESS;
}

function timeOut(engine: Engine, run: WorkflowRun, activity: ActivityState, timeoutType: number): void {
  if (!run.open || run.activities.get(activity.scheduledEventId) !== activity) return;
  const name = TimeoutType[timeoutType]?.replace("TIMEOUT_TYPE_", "") ?? "UNKNOWN";
  const failure: IFailure = {
    message: `activity ${name} timeout`,
    source: "Server",
    timeoutFailureInfo: { timeoutType, lastHeartbeatDetails: activity.heartbeatDetails },
  };
  const retryable =
    timeoutType === TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE || timeoutType === TimeoutType.TIMEOUT_TYPE_HEARTBEAT;
  const retryState = retryable ? retryOrState(engine, run, activity, failure, 0) : RetryState.RETRY_STATE_TIMEOUT;
  if (retryState === RetryState.RETRY_STATE_IN_PROGRESS) return;
  finish(engine, run, activity, (startedEventId) =>
    engine.deliver(run, "activityTaskTimedOutEventAttributes", {
      failure: { ...failure, cause: activity.lastFailure },
      scheduledEventId: int64(activity.scheduledEventId),
      startedEventId: int64(startedEventId),
      retryState,
    }),
  );
}

/** REQUEST_CANCEL_ACTIVITY_TASK: an activity not yet running is cancelled at once; a running one is told. */
export function requestCancelActivity(
  engine: Engine,
  run: WorkflowRun,
  scheduledEventId: number,
  completedEventId: number,
): void {
  const activity = run.activities.get(scheduledEventId);
  if (!activity) return;
  const requestedEventId = run.record(
    "activityTaskCancelRequestedEventAttributes",
    { scheduledEventId: int64(scheduledEventId), workflowTaskCompletedEventId: int64(completedEventId) },
    engine.now(),
  );
  activity.cancelRequested = true;
  activity.cancelRequestedEventId = requestedEventId;
  if (activity.state === "started") return;
  stopAttempt(activity, false);
  run.activities.delete(scheduledEventId);
  engine.deliver(run, "activityTaskCanceledEventAttributes", {
    scheduledEventId: int64(scheduledEventId),
    startedEventId: int64(0),
    latestCancelRequestedEventId: int64(requestedEventId),
  });
}

export function pendingActivities(run: WorkflowRun): object[] {
  const State = enums.PendingActivityState;
  return [...run.activities.values()].map((a) => ({
    activityId: a.activityId,
    activityType: a.attrs.activityType,
    state: a.cancelRequested
      ? State.PENDING_ACTIVITY_STATE_CANCEL_REQUESTED
      : a.state === "started"
        ? State.PENDING_ACTIVITY_STATE_STARTED
        : State.PENDING_ACTIVITY_STATE_SCHEDULED,
    heartbeatDetails: a.heartbeatDetails,
    lastHeartbeatTime: a.lastHeartbeatMs ? timestamp(a.lastHeartbeatMs) : null,
    lastStartedTime: a.startedTimeMs ? timestamp(a.startedTimeMs) : null,
    attempt: a.attempt,
    maximumAttempts: a.attrs.retryPolicy?.maximumAttempts ?? 0,
    scheduledTime: timestamp(a.scheduledTimeMs),
    lastFailure: a.lastFailure,
    lastWorkerIdentity: a.lastIdentity,
  }));
}
