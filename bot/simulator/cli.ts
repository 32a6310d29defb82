/**
 * npm run simulate -- <scenario.yaml> [more.yaml …]
 *
 * Runs each scenario on the real workflows, activities and a throwaway database in virtual time and prints its
 * timeline, one JSON object per line (docs/simulator.md). A bad scenario is refused before anything runs, with
 * each problem naming its field; the exit code is then 2 (1 for a failure while running).
 */
import { readFile } from "node:fs/promises";
import { startSimulatorDatabase } from "./database.js";
import { RuleSetOverrideError } from "./rule-set-overrides.js";
import { runScenario } from "./run-scenario.js";
import { parseScenario, ScenarioError, type Scenario } from "./scenario.js";

async function main(files: string[]): Promise<number> {
  if (files.length === 0 || files.some((f) => f.startsWith("-"))) {
    process.stderr.write("usage: npm run simulate -- <scenario.yaml> [more.yaml …]\n");
    return 2;
  }
  const scenarios: Scenario[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      process.stderr.write(`${file}: cannot read the file\n`);
      return 2;
    }
    try {
      scenarios.push(parseScenario(text));
    } catch (error) {
      if (error instanceof ScenarioError) {
        process.stderr.write(`${file}: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  const database = await startSimulatorDatabase();
  try {
    for (const [i, scenario] of scenarios.entries()) {
      try {
        const result = await runScenario(scenario, { database });
        process.stdout.write(`${result.lines.join("\n")}\n`);
      } catch (error) {
        if (error instanceof ScenarioError || error instanceof RuleSetOverrideError) {
          process.stderr.write(`${files[i]}: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    }
    return 0;
  } finally {
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`simulation failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
