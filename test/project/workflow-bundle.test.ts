import { bundleWorkflowCode } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { WORKFLOWS_PATH } from "../../activities/worker.js";

// tsc cannot see a Node built-in pulled in transitively by workflow code; webpack's workflow bundler can.
describe("workflow bundle", () => {
  it("builds from workflows/index.ts with no Node built-ins", { timeout: 120_000 }, async () => {
    const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: silentLogger });
    expect(bundle.code.length).toBeGreaterThan(1000);
  });
});

const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };
