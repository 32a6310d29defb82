// Where recorded histories live and which workflow code replays them.
//   histories/*.json               the application's workflows, replayed against workflows/index.ts
//   histories/conformance/*.json   the conformance suite's workflows, replayed against their own bundle
// Files hold the JSON of a temporal.api.history.v1.History, the format `temporal workflow show --output json`
// and @temporalio/common's historyToJSON produce. A file is named after the workflow id it was recorded
// with (`<workflowId>.json`): replay must use the same id, since workflows may derive ids (e.g. of children)
// from it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { historyFromJSON } from "@temporalio/common/lib/proto-utils.js";

export const APP_HISTORIES_DIR = fileURLToPath(new URL("./histories/", import.meta.url));
export const CONFORMANCE_HISTORIES_DIR = fileURLToPath(new URL("./histories/conformance/", import.meta.url));
export const APP_WORKFLOWS_PATH = fileURLToPath(new URL("../../workflows/index.ts", import.meta.url));
export const CONFORMANCE_WORKFLOWS_PATH = fileURLToPath(new URL("../temporal/workflows/index.ts", import.meta.url));
export const CHANGED_CONFORMANCE_WORKFLOWS_PATH = fileURLToPath(
  new URL("../temporal/workflows-changed/index.ts", import.meta.url),
);

export interface StoredHistory {
  name: string;
  file: string;
}

export function listHistories(dir: string): StoredHistory[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ""), file: `${dir}${f}` }));
}

export function loadHistory(file: string) {
  return historyFromJSON(JSON.parse(readFileSync(file, "utf8")));
}
