// One learner's full school year in the simulator: an unexcused lesson every school day (reason unknown), imported
// the same morning, each contact made that afternoon, and the VIIS entry, the referral and its acknowledgement done
// as soon as they are due. Measures the largest workflow history of any run (goal: under 2,000 events, so a run
// never nears Temporal's limits) and how many runs the year took (semesters and continue-as-new).
import { runScenario } from "../../bot/simulator/run-scenario.js";
import { scenarioSchema } from "../../bot/simulator/scenario.js";
import { startSimulatorDatabase } from "../../bot/simulator/database.js";
import { writeBenchSection } from "./report.js";
import { YEAR, schoolDays } from "./simulated-year.js";

const days = schoolDays(7);
const events: unknown[] = [];
for (const [i, day] of days.entries()) {
  events.push({ at: `${day}T10:00`, absences: [{ learner: "Y1", date: day, lessons: [1], justified: "unknown" }] });
  events.push({
    at: `${day}T14:00`,
    act: { learner: "Y1", task: "PARENT_CONTACT", action: "done", by: "CLASS_TEACHER" },
  });
  // Friday afternoons: whatever else is open gets done.
  if (i % 5 === 4) {
    events.push({ at: `${day}T15:00`, act: { learner: "Y1", task: "VIIS_ENTRY", action: "done", by: "DIRECTOR" } });
    events.push({ at: `${day}T15:10`, act: { learner: "Y1", task: "SD_REFERRAL", action: "done", by: "DIRECTOR" } });
    events.push({
      at: `${day}T15:20`,
      act: { learner: "Y1", task: "SD_ACKNOWLEDGEMENT", action: "done", by: "SOCIAL_SERVICE" },
    });
  }
}
const scenario = scenarioSchema.parse({
  start: `${YEAR.first}T08:00`,
  learners: [{ code: "Y1", school: "DEMO-VSK", grade: 7, contacts: ["MOTHER"] }],
  events,
  until: "2026-06-30T00:00",
});

const database = await startSimulatorDatabase();
try {
  const started = performance.now();
  const result = await runScenario(scenario, { database });
  const wallS = (performance.now() - started) / 1000;
  const largest = result.historyLengths[0] ?? 0;
  const opened = result.events.filter((e) => e.event === "task.opened").length;
  const markdown = `## One learner's school year in the simulator

An unexcused lesson every school day of 2025/26 (${days.length} days, reason unknown), imported the same morning,
each parent contact done that afternoon, the VIIS entry, the referral and its acknowledgement done on the Friday
after they open (\`test/bench/simulator-learner-year.bench.ts\`). ${scenario.events.length} scenario events,
${opened} tasks opened.

| Measure | Value |
|---|---|
| runs of the learner's escalation workflow (semesters, continue-as-new) | ${result.historyLengths.length} |
| largest history of any run | **${largest} events** (goal: under 2,000) |
| all runs' history events | ${result.historyLengths.reduce((a, b) => a + b, 0)} |
| workflow tasks completed | ${result.engineStats.workflowTasksCompleted} |
| wall time of the simulated year | ${wallS.toFixed(1)} s |

Goal ${largest < 2000 ? "met" : "**not met**"}.`;
  await writeBenchSection("simulator-learner-year", markdown);
  console.log(markdown);
  if (largest >= 2000) process.exitCode = 1;
} finally {
  await database.stop();
}
