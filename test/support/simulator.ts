// The simulator against the test cluster: scenario databases are copies of the suite's seeded template, and the
// workflows are bundled once per test file.
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from "@temporalio/worker";
import { inject } from "vitest";
import { WORKFLOWS_PATH } from "../../activities/worker.js";
import { keyFromBase64 } from "../../prisma/personal-data-key.js";
import type { SimulatorDatabase } from "../../bot/simulator/run-scenario.js";
import { testDatabaseUrl } from "./database.js";

export function simulatorDatabase(): SimulatorDatabase {
  return {
    adminUrl: inject("pgAdminUrl"),
    template: inject("pgSeededTemplate"),
    urlFor: testDatabaseUrl,
    key: keyFromBase64(inject("personalDataKey")),
  };
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
export function simulatorWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger("WARN") });
  return bundle;
}
