// Applies the commands (and protocol messages) of a completed workflow task, in order, writing the events
// the real server writes for them. Effects on other executions are returned as actions to run once this
// run's own events are in place.
import { randomUUID } from "node:crypto";
import type { Engine } from "./engine.js";
import { requestCancelActivity, scheduleActivity } from "./activities.js";
import { cancelExternal, signalExternal, startChild } from "./children.js";
import { cancelTimer, startTimer } from "./timers.js";
import { applyUpdateMessage } from "./updates.js";
import { invalidArgument } from "./rpc-error.js";
import { type ICommand, CommandType, int64, num, unpackAny, enums } from "./proto.js";
import type { temporal } from "@temporalio/proto";
import type { WorkflowRun } from "./run.js";

type Message = temporal.api.protocol.v1.IMessage;

export function applyCommands(
  engine: Engine,
  run: WorkflowRun,
  commands: ICommand[],
  messages: Message[],
  completedEventId: number,
): Array<() => void> {
  const afterwards: Array<() => void> = [];
  const pending = new Map(messages.map((m) => [m.id ?? "", m]));
  const applyMessage = (id: string) => {
    const message = pending.get(id);
    if (!message) return;
    pending.delete(id);
    const body = unpackAny<unknown>(message.body);
    if (body) applyUpdateMessage(engine, run, message, body);
  };
  const wtc = int64(completedEventId);
  const now = () => engine.now();

  for (const command of commands) {
    if (!run.open) break; // nothing follows a command that closed the run
    switch (command.commandType) {
      case CommandType.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK:
        scheduleActivity(engine, run, command.scheduleActivityTaskCommandAttributes ?? {}, completedEventId);
        break;
      case CommandType.COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK:
        requestCancelActivity(
          engine,
          run,
          num(command.requestCancelActivityTaskCommandAttributes?.scheduledEventId),
          completedEventId,
        );
        break;
      case CommandType.COMMAND_TYPE_START_TIMER:
        startTimer(engine, run, command.startTimerCommandAttributes ?? {}, completedEventId);
        break;
      case CommandType.COMMAND_TYPE_CANCEL_TIMER:
        cancelTimer(engine, run, command.cancelTimerCommandAttributes ?? {}, completedEventId);
        break;
      case CommandType.COMMAND_TYPE_RECORD_MARKER: {
        const a = command.recordMarkerCommandAttributes ?? {};
        run.record(
          "markerRecordedEventAttributes",
          {
            markerName: a.markerName ?? "",
            details: a.details,
            header: a.header,
            failure: a.failure,
            workflowTaskCompletedEventId: wtc,
          },
          now(),
        );
        break;
      }
      case CommandType.COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
        run.record(
          "upsertWorkflowSearchAttributesEventAttributes",
          {
            searchAttributes: command.upsertWorkflowSearchAttributesCommandAttributes?.searchAttributes,
            workflowTaskCompletedEventId: wtc,
          },
          now(),
        );
        break;
      case CommandType.COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES:
        run.record(
          "workflowPropertiesModifiedEventAttributes",
          {
            upsertedMemo: command.modifyWorkflowPropertiesCommandAttributes?.upsertedMemo,
            workflowTaskCompletedEventId: wtc,
          },
          now(),
        );
        break;
      case CommandType.COMMAND_TYPE_PROTOCOL_MESSAGE:
        applyMessage(command.protocolMessageCommandAttributes?.messageId ?? "");
        break;
      case CommandType.COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION:
        afterwards.push(
          startChild(engine, run, command.startChildWorkflowExecutionCommandAttributes ?? {}, completedEventId),
        );
        break;
      case CommandType.COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION:
        afterwards.push(
          signalExternal(engine, run, command.signalExternalWorkflowExecutionCommandAttributes ?? {}, completedEventId),
        );
        break;
      case CommandType.COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION:
        afterwards.push(
          cancelExternal(
            engine,
            run,
            command.requestCancelExternalWorkflowExecutionCommandAttributes ?? {},
            completedEventId,
          ),
        );
        break;
      case CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION:
        engine.close(run, "workflowExecutionCompletedEventAttributes", {
          result: command.completeWorkflowExecutionCommandAttributes?.result,
          workflowTaskCompletedEventId: wtc,
        });
        break;
      case CommandType.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION:
        engine.close(run, "workflowExecutionFailedEventAttributes", {
          failure: command.failWorkflowExecutionCommandAttributes?.failure,
          retryState: enums.RetryState.RETRY_STATE_RETRY_POLICY_NOT_SET,
          workflowTaskCompletedEventId: wtc,
        });
        break;
      case CommandType.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION:
        engine.close(run, "workflowExecutionCanceledEventAttributes", {
          details: command.cancelWorkflowExecutionCommandAttributes?.details,
          workflowTaskCompletedEventId: wtc,
        });
        break;
      case CommandType.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION:
        continueAsNew(engine, run, command.continueAsNewWorkflowExecutionCommandAttributes ?? {}, completedEventId);
        break;
      default:
        throw invalidArgument(
          `command ${CommandType[command.commandType ?? 0] ?? command.commandType} is not supported by the test server`,
        );
    }
  }
  for (const id of [...pending.keys()]) applyMessage(id);
  return afterwards;
}

function continueAsNew(
  engine: Engine,
  run: WorkflowRun,
  cmd: temporal.api.command.v1.IContinueAsNewWorkflowExecutionCommandAttributes,
  completedEventId: number,
): void {
  const newRunId = randomUUID();
  const workflowType = cmd.workflowType?.name ? cmd.workflowType : run.started.workflowType;
  const taskQueue = cmd.taskQueue?.name ? cmd.taskQueue : run.started.taskQueue;
  const runTimeout = cmd.workflowRunTimeout ?? run.started.workflowRunTimeout;
  const taskTimeout = cmd.workflowTaskTimeout ?? run.started.workflowTaskTimeout;
  engine.close(run, "workflowExecutionContinuedAsNewEventAttributes", {
    newExecutionRunId: newRunId,
    workflowType,
    taskQueue,
    header: cmd.header,
    input: cmd.input,
    workflowRunTimeout: runTimeout,
    workflowTaskTimeout: taskTimeout,
    workflowTaskCompletedEventId: int64(completedEventId),
    backoffStartInterval: cmd.backoffStartInterval,
    initiator: cmd.initiator ?? 0,
    lastCompletionResult: cmd.lastCompletionResult,
    failure: cmd.failure,
  });
  engine.startWorkflow(
    {
      namespace: run.namespace,
      workflowId: run.workflowId,
      workflowType,
      taskQueue,
      input: cmd.input,
      workflowExecutionTimeout: run.started.workflowExecutionTimeout,
      workflowRunTimeout: runTimeout,
      workflowTaskTimeout: taskTimeout,
      header: cmd.header,
      memo: cmd.memo ?? run.started.memo,
      searchAttributes: cmd.searchAttributes ?? run.started.searchAttributes,
      retryPolicy: cmd.retryPolicy ?? run.started.retryPolicy,
      requestId: randomUUID(),
    },
    {
      runId: newRunId,
      continuedFrom: run,
      parent: run.parent,
      parentClosePolicy: run.parentClosePolicy,
      initiator: enums.ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_WORKFLOW,
      lastCompletionResult: cmd.lastCompletionResult,
    },
  );
}
