// The Temporal test server, compiled once per test run.
//
// bin/temporal-test-server runs the TypeScript through tsx, which compiles it at every start. sdk-core gives a
// spawned test server a fixed 5 s to listen; under load (two cores, several vitest forks, each starting its own
// server) the compilation alone can take longer, and the whole test file then fails in setup. The global setup
// therefore bundles the server once with esbuild and tells the script, through PMP_TEST_SERVER_BUNDLE, to run the
// bundle instead. npm packages stay external: the bundle lives under node_modules/.cache so that node resolves
// them from the project's node_modules as the sources would.
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const TEST_SERVER_BUNDLE_VARIABLE = "PMP_TEST_SERVER_BUNDLE";

const entry = fileURLToPath(new URL("../../bot/local-temporal/engine/server-main.ts", import.meta.url));
const defaultOutfile = fileURLToPath(
  new URL(`../../node_modules/.cache/pmp-test-server/server-main-${process.pid}.mjs`, import.meta.url),
);

/** Bundles the test server and returns the bundle's path. */
export async function buildTestServerBundle(outfile = defaultOutfile): Promise<string> {
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    logLevel: "warning",
  });
  return outfile;
}
