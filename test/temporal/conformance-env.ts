// Shared set-up of the conformance suite: one environment per test file, the conformance workflows' bundle,
// and helpers that read history through the public client API.
import { fileURLToPath } from "node:url";
import type { WorkflowHandle } from "@temporalio/client";
import type { temporal } from "@temporalio/proto";
import { useTemporalTestEnv } from "../support/temporal-env.js";

export const WORKFLOWS_PATH = fileURLToPath(new URL("./workflows/index.ts", import.meta.url));
export const CHANGED_WORKFLOWS_PATH = fileURLToPath(new URL("./workflows-changed/index.ts", import.meta.url));

/** Against an existing server time is real: tests that need long virtual time are skipped there. */
export const REAL_TIME = !!process.env.TEMPORAL_ADDRESS;

export const useConformanceEnv = () => useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });

type Event = temporal.api.history.v1.IHistoryEvent;

export async function eventsOf(handle: WorkflowHandle): Promise<Event[]> {
  return (await handle.fetchHistory()).events ?? [];
}

/** Polls the history until an event matches (the public API has no push notification for this). */
export async function waitForEvent(
  handle: WorkflowHandle,
  predicate: (e: Event) => boolean,
  timeoutMs = 30_000,
): Promise<Event> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await eventsOf(handle)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("timed out waiting for a history event");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
