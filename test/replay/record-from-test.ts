import { writeFile } from "node:fs/promises";
import type { Client } from "@temporalio/client";
import { historyToJSON } from "@temporalio/common/lib/proto-utils.js";
import { APP_HISTORIES_DIR } from "./histories.js";

/**
 * With RECORD_REPLAY_HISTORIES=1, an end-to-end test saves the history of a workflow it drove into
 * test/replay/histories/, to be committed and replayed against every later version of the workflow code.
 * The file is named `<label>--<workflowId>.json`; replay takes the id back from the name.
 */
export async function recordHistoryIfAsked(client: Client, workflowId: string, label: string): Promise<void> {
  if (!process.env.RECORD_REPLAY_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  await writeFile(`${APP_HISTORIES_DIR}${label}--${workflowId}.json`, historyToJSON(history));
}
