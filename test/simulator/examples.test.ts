// Every committed example scenario runs in the simulator and gives its committed timeline, line for line. Set
// RECORD_SIMULATOR_TIMELINES=1 to write the timelines afresh after an intended change, then read the diff.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../bot/simulator/run-scenario.js";
import { parseScenario } from "../../bot/simulator/scenario.js";
import { simulatorDatabase, simulatorWorkflowBundle } from "../support/simulator.js";

const DIR = fileURLToPath(new URL("../../docs/examples/scenarios/", import.meta.url));
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

describe("example scenarios", () => {
  it("cover what the simulator is documented to show", () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        "baseline-20-21.yaml",
        "preschool-fourth-day.yaml",
        "autumn-holiday.yaml",
        "semester-end-late-data.yaml",
        "correction.yaml",
        "child-in-care.yaml",
        "adult.yaml",
        "school-change.yaml",
        "declared-elsewhere.yaml",
      ]),
    );
  });

  for (const file of examples) {
    it(`${file} gives its committed timeline`, { timeout: 120_000 }, async () => {
      const scenario = parseScenario(readFileSync(join(DIR, file), "utf8"));
      const { lines } = await runScenario(scenario, {
        database: simulatorDatabase(),
        workflowBundle: await simulatorWorkflowBundle(),
      });
      const expectedFile = join(DIR, file.replace(/\.yaml$/, ".timeline.jsonl"));
      if (process.env.RECORD_SIMULATOR_TIMELINES === "1") writeFileSync(expectedFile, `${lines.join("\n")}\n`);
      const expected = readFileSync(expectedFile, "utf8").trimEnd().split("\n");
      expect(lines).toEqual(expected);
    });
  }
});
