import type { Client, WorkflowHandle, WorkflowSignalWithStartOptions, WorkflowStartOptions } from "@temporalio/client";
import type { SignalDefinition, Workflow } from "@temporalio/common";

// Typed doors into Temporal for the bot process. A workflow is named by its function, never by a string: the
// function's `.name` is the workflow type the worker registers (workflows/index.ts re-exports it under that
// name), and its parameters type the start arguments, so a renamed workflow or a changed input fails the type
// check instead of starting nothing at run time.
//
// Importing a workflow function here runs its module in plain Node, outside the workflow sandbox. That is safe
// (Temporal's samples do the same for their clients): workflow modules only declare things at load time
// (`proxyActivities`, `defineSignal` build values without touching the sandbox); test/bot/core/temporal-client.test.ts
// imports every workflow in plain Node so a top-level sandbox-only call (e.g. `workflowInfo()`) fails there first.

type Args<W extends Workflow> = Parameters<W> | Readonly<Parameters<W>>;

/** Signals the workflow, starting it first with `args` when no run with this id is open. */
export function signalWithStart<W extends Workflow, S extends unknown[]>(
  client: Client,
  options: {
    workflow: W;
    workflowId: string;
    taskQueue: string;
    args: Args<W>;
    signal: SignalDefinition<S>;
    signalArgs: S;
  } & Omit<WorkflowSignalWithStartOptions<S>, "workflowId" | "taskQueue" | "signal" | "signalArgs" | "args">,
): Promise<WorkflowHandle<W>> {
  const { workflow, ...rest } = options;
  return client.workflow.signalWithStart<W, S>(
    workflow,
    rest as unknown as Parameters<typeof client.workflow.signalWithStart<W, S>>[1],
  );
}

/** Starts a new run of the workflow. */
export function startWorkflow<W extends Workflow>(
  client: Client,
  options: { workflow: W; workflowId: string; taskQueue: string; args: Args<W> } & Omit<
    WorkflowStartOptions<W>,
    "workflowId" | "taskQueue" | "args"
  >,
): Promise<WorkflowHandle<W>> {
  const { workflow, ...rest } = options;
  return client.workflow.start<W>(workflow, rest as unknown as WorkflowStartOptions<W>);
}
