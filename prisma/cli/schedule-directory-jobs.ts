import { Client, Connection, WorkflowIdConflictPolicy } from "@temporalio/client";
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  CHAT_ACCOUNT_LINK_JOB_ID,
  chatAccountLinkJob,
  DIRECTORY_SYNC_JOB_ID,
  directorySyncJob,
} from "../../activities/directory/directory-activities.js";
import { scheduledJob } from "../../workflows/scheduled-job.js";
import { loggingFields, parseEnv, temporalFields } from "../runtime/env-fields.js";
import { runCli } from "./run-cli.js";

const USAGE = "usage: npm run schedule:directory-jobs -- --dir /path/seen/by/the/worker";

// npm run schedule:directory-jobs -- --dir <folder>: starts the nightly directory sync (02:30 Riga, every
// `<folder>/<MUNICIPALITY CODE>/` of exports) and the nightly chat-account linking (03:30). Fixed workflow ids
// with USE_EXISTING: running it again changes nothing; to change the folder, terminate the job and start anew.
const envSchema = z.object({ ...temporalFields, ...loggingFields });

runCli(async () => {
  const { values } = parseArgs({ options: { dir: { type: "string" } } });
  if (!values.dir) {
    console.error(USAGE);
    return 2;
  }
  const env = parseEnv(envSchema, process.env, "schedule-directory-jobs");
  if (!env.TEMPORAL_ADDRESS) {
    console.error("error: set TEMPORAL_ADDRESS to the Temporal frontend the worker uses");
    return 2;
  }
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
    for (const [workflowId, input] of [
      [DIRECTORY_SYNC_JOB_ID, directorySyncJob(values.dir)],
      [CHAT_ACCOUNT_LINK_JOB_ID, chatAccountLinkJob()],
    ] as const) {
      await client.workflow.start(scheduledJob, {
        workflowId,
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      });
      console.log(`scheduled: ${workflowId}`);
    }
  } finally {
    await connection.close();
  }
});
