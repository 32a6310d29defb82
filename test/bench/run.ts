import { readdir } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Each benchmark is a standalone `*.bench.ts` script that measures itself against a baseline in the same run
// and records its section in docs/benchmarks.md. They run one after another so they do not compete for the
// machine's cores. `npm run bench -- <name>` runs only the benchmarks whose file name contains <name>.
const dir = fileURLToPath(new URL(".", import.meta.url));
const filter = process.argv[2] ?? "";
const files = (await readdir(dir)).filter((f) => f.endsWith(".bench.ts") && f.includes(filter)).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `${dir}${file}`], { stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
if (files.length === 0) console.log(`no benchmark matches "${filter}"`);
process.exit(failed === 0 ? 0 : 1);
