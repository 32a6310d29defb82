// Records workflow histories for the replay tests (test/replay/replay.test.ts).
//
//   npx tsx test/replay/record.ts                       re-record the conformance histories on the test server
//   npx tsx test/replay/record.ts --from <workflowId> [--run <runId>]
//        export the history of an execution from TEMPORAL_ADDRESS (e.g. a real cluster or the local engine)
//        into histories/<workflowId>.json, to protect the application's workflows against breaking changes
//
// Commit the JSON files. A history recorded before a change to workflow code must still replay after it.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client, Connection, type WorkflowHandle } from "@temporalio/client";
import { historyToJSON } from "@temporalio/common/lib/proto-utils.js";
import { createTemporalTestEnv } from "../support/temporal-env.js";
import { APP_HISTORIES_DIR, CONFORMANCE_HISTORIES_DIR, CONFORMANCE_WORKFLOWS_PATH } from "./histories.js";
import * as activities from "../temporal/activities.js";
import { approve, awaitApproval, greetAfterSleep, status } from "../temporal/workflows/basics.js";
import { callActivity, cancelActivityAfter } from "../temporal/workflows/activities.js";
import { parentSum } from "../temporal/workflows/children.js";
import { cancellableSleeper, countWithContinueAsNew } from "../temporal/workflows/lifecycle.js";
import { cancelLongTimer } from "../temporal/workflows/timers.js";
import { addItem, finish, shoppingList } from "../temporal/workflows/updates.js";
import { versionedGreeting } from "../temporal/workflows/versioned.js";

const { values } = parseArgs({
  options: { from: { type: "string" }, run: { type: "string" } },
});

/** Files are named after the workflow id, which replay must reuse. */
async function save(dir: string, handle: WorkflowHandle): Promise<void> {
  const history = await handle.fetchHistory();
  writeFileSync(`${dir}${handle.workflowId}.json`, `${historyToJSON(history)}\n`);
  console.log(`recorded ${handle.workflowId} (${history.events?.length ?? 0} events)`);
}

async function exportExisting(workflowId: string): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error("--from needs TEMPORAL_ADDRESS (the server that ran the workflow)");
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? "default" });
    await save(APP_HISTORIES_DIR, client.workflow.getHandle(workflowId, values.run));
  } finally {
    await connection.close();
  }
}

async function recordConformance(): Promise<void> {
  const t = await createTemporalTestEnv({ workflowsPath: CONFORMANCE_WORKFLOWS_PATH });
  try {
    const taskQueue = t.taskQueue("record");
    await t.withWorker({ taskQueue, activities }, async () => {
      const id = (name: string) => `record-${name}`;
      const run = async (start: () => Promise<WorkflowHandle>, drive?: (h: WorkflowHandle) => Promise<void>) => {
        const handle = await start();
        await drive?.(handle);
        await handle.result().catch(() => undefined);
        await save(CONFORMANCE_HISTORIES_DIR, handle);
      };
      const wf = t.client.workflow;
      await run(() =>
        wf.start(greetAfterSleep, { taskQueue, workflowId: id("activity-then-timer"), args: ["Riga", 3_600_000] }),
      );
      await run(
        () => wf.start(awaitApproval, { taskQueue, workflowId: id("signal-and-query"), args: ["7 days"] }),
        async (h) => {
          await h.query(status);
          await h.signal(approve, "Anna");
        },
      );
      await run(() =>
        wf.start(callActivity, {
          taskQueue,
          workflowId: id("activity-retries"),
          args: ["flaky", [2], { startToCloseTimeout: "10s", retry: { initialInterval: "1s" } }],
        }),
      );
      await run(() =>
        wf.start(cancelActivityAfter, { taskQueue, workflowId: id("activity-cancellation"), args: [300] }),
      );
      await run(() => wf.start(cancelLongTimer, { taskQueue, workflowId: id("timer-cancellation") }));
      await run(
        () => wf.start(shoppingList, { taskQueue, workflowId: id("updates") }),
        async (h) => {
          await h.executeUpdate(addItem, { args: ["bread"] });
          await h.executeUpdate(addItem, { args: [" "] }).catch(() => undefined);
          await h.executeUpdate(finish);
        },
      );
      await run(() => wf.start(parentSum, { taskQueue, workflowId: id("child-workflows"), args: [[1, 2]] }));
      await run(() =>
        wf.start(countWithContinueAsNew, { taskQueue, workflowId: id("continue-as-new-last-run"), args: [2, 3, 3] }),
      );
      await run(
        () => wf.start(cancellableSleeper, { taskQueue, workflowId: id("workflow-cancellation") }),
        async (h) => {
          for (;;) {
            const events = (await h.fetchHistory()).events ?? [];
            if (events.some((e) => e.timerStartedEventAttributes)) break;
            await new Promise((r) => setTimeout(r, 20));
          }
          await h.cancel();
        },
      );
      await run(() =>
        wf.start(versionedGreeting, { taskQueue, workflowId: id("versioned-greeting-v1"), args: ["Cēsis"] }),
      );
    });
  } finally {
    await t.teardown();
  }
}

if (values.from) {
  await exportExisting(values.from);
} else {
  await recordConformance();
}
