// Replay protection: every stored history must replay against today's workflow code. A failure here means a
// change would break running workflows (nondeterminism); version it with patched() instead.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DeterminismViolationError } from "@temporalio/workflow";
import { DefaultLogger, Worker, bundleWorkflowCode } from "@temporalio/worker";
import {
  APP_HISTORIES_DIR,
  APP_WORKFLOWS_PATH,
  CHANGED_CONFORMANCE_WORKFLOWS_PATH,
  CONFORMANCE_HISTORIES_DIR,
  CONFORMANCE_WORKFLOWS_PATH,
  listHistories,
  loadHistory,
} from "./histories.js";

const logger = new DefaultLogger("ERROR");
const bundles = new Map<string, ReturnType<typeof bundleWorkflowCode>>();
/** One bundle per workflow module for the whole file (bundling takes seconds). */
const bundleOf = (workflowsPath: string) => {
  let bundle = bundles.get(workflowsPath);
  if (!bundle) {
    bundle = bundleWorkflowCode({ workflowsPath, logger });
    bundles.set(workflowsPath, bundle);
  }
  return bundle;
};

async function replay(workflowsPath: string, file: string, workflowId: string): Promise<void> {
  await Worker.runReplayHistory({ workflowBundle: await bundleOf(workflowsPath) }, loadHistory(file), workflowId);
}

describe("replay of the conformance workflows' histories", () => {
  const histories = listHistories(CONFORMANCE_HISTORIES_DIR);
  it("has recorded histories", () => {
    expect(histories.length).toBeGreaterThan(0);
  });
  for (const { name, file } of histories) {
    it(`replays ${name}`, async () => {
      await replay(CONFORMANCE_WORKFLOWS_PATH, file, name);
    });
  }
  it("fails with DeterminismViolationError when the workflow code changed incompatibly", async () => {
    const name = "record-versioned-greeting-v1";
    const file = `${CONFORMANCE_HISTORIES_DIR}${name}.json`;
    await replay(CONFORMANCE_WORKFLOWS_PATH, file, name); // the recorded code itself is fine…
    const err = await replay(CHANGED_CONFORMANCE_WORKFLOWS_PATH, file, name).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeterminismViolationError); // …the changed code is not
  });
});

describe.skipIf(!existsSync(APP_WORKFLOWS_PATH))("replay of the application workflows' histories", () => {
  const histories = listHistories(APP_HISTORIES_DIR);
  // Record histories with `test/replay/record.ts --from <workflowId>`; until then at least the bundle must build.
  it("bundles the application workflows", async () => {
    expect((await bundleOf(APP_WORKFLOWS_PATH)).code.length).toBeGreaterThan(0);
  });
  for (const { name, file } of histories) {
    it(`replays ${name}`, async () => {
      // Recorded by an end-to-end test as `<label>--<workflowId>.json` (test/replay/record-from-test.ts).
      await replay(APP_WORKFLOWS_PATH, file, name.includes("--") ? name.slice(name.indexOf("--") + 2) : name);
    });
  }
});
