// Task tokens are opaque to the SDK; ours name the run and the exact task attempt, so a late answer from a
// worker for a superseded attempt is recognised and refused with NOT_FOUND like the real server does.
import { notFound } from "./rpc-error.js";

export type TaskToken =
  | { kind: "workflow"; namespace: string; runId: string; scheduledEventId: number; attempt: number }
  | { kind: "activity"; namespace: string; runId: string; scheduledEventId: number; attempt: number }
  | { kind: "query"; namespace: string; runId: string; queryId: string };

export function encodeToken(token: TaskToken): Buffer {
  return Buffer.from(JSON.stringify(token));
}

export function decodeToken(bytes: Uint8Array | null | undefined): TaskToken {
  try {
    return JSON.parse(Buffer.from(bytes ?? []).toString("utf8")) as TaskToken;
  } catch {
    throw notFound("invalid task token");
  }
}
