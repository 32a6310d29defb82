// A whole municipality's school year through the real workflows in virtual time (the simulator): 4,456 learners,
// the size of Jūrmala's schools (IKVD concept Tab. 1.4), with absence patterns such that about 200 pass 20
// unexcused lessons in a semester, 40 pass 100 and 20 pass 200 in the year; a weekly import per school. It checks
// that every duty is raised on its day (each p.7 VIIS entry on the import that crosses 20 lessons in a semester,
// each 100 and 200 mark once in the year on the import that crosses it) and records the wall time, the workflow
// tasks per second and the peak memory. Baseline in the same run: the same imports through the importer alone.
import pg from "pg";
import { createPrismaClient } from "../../prisma/client.js";
import { ensureDatabase } from "../../prisma/database.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { startSimulatorDatabase } from "../../bot/simulator/database.js";
import { runScenario } from "../../bot/simulator/run-scenario.js";
import { scenarioSchema, type Scenario } from "../../bot/simulator/scenario.js";
import { createWorld } from "../../bot/simulator/world.js";
import { formatRigaInstant } from "../../bot/simulator/local-instant.js";
import type { IsoDate } from "../../workflows/domain/calendar/index.js";
import { writeBenchSection } from "./report.js";
import { YEAR, rssNow, schoolDays, semesterOf } from "./simulated-year.js";

// BENCH_LEARNERS scales the municipality down (all patterns in proportion) for a quick try; the recorded figure is
// always the full size.
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 4_456);
const scale = LEARNERS / 4_456;
// Lessons per school day by pattern; "every" = one school day in N.
const PATTERNS = [
  { name: "over 200 in the year", lessons: 2, every: 1, count: 20 },
  { name: "100–200 in the year", lessons: 1, every: 1, count: 20 },
  { name: "over 20 in a semester", lessons: 1, every: 3, count: 160 },
  { name: "a few", lessons: 1, every: 10, count: 1_000 },
].map((p) => ({ ...p, count: Math.max(1, Math.round(p.count * scale)) }));

const days = schoolDays(7);
interface Plan {
  code: string;
  school: string;
  grade: number;
  lessons: number;
  every: number;
}
const plans: Plan[] = [];
let n = 0;
for (const pattern of PATTERNS)
  for (let i = 0; i < pattern.count; i++) plans.push(plan(n++, pattern.lessons, pattern.every));
while (n < LEARNERS) plans.push(plan(n++, 0, 1));

function plan(i: number, lessons: number, every: number): Plan {
  // Nine in ten learners at the secondary school (grades 1–12), the rest at the technical school (10–13).
  const vocational = i % 10 === 9;
  const grade = vocational ? 10 + (i % 4) : 1 + (i % 12);
  return {
    code: `J${String(i).padStart(4, "0")}`,
    school: vocational ? "DEMO-TEH" : "DEMO-VSK",
    grade,
    lessons,
    every,
  };
}

// Weekly imports, Friday (the week's last school day) at 20:00, with that week's absences.
const weeks = new Map<IsoDate, IsoDate[]>();
let week: IsoDate[] = [];
for (const [i, day] of days.entries()) {
  week.push(day);
  const next = days[i + 1];
  const weekEnds = !next || new Date(next).getUTCDay() < new Date(day).getUTCDay() || next > addDays(day, 3);
  if (weekEnds) {
    weeks.set(day, week);
    week = [];
  }
}
function addDays(day: IsoDate, k: number): IsoDate {
  return new Date(Date.parse(day) + k * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}

// The duties expected, and on which import: per learner, the import where the semester's count passes 20, and where
// the year's count passes 100 and 200.
const expectedViis = new Map<string, string>(); // `${code}#${semester}` → import instant
const expectedMarks = new Map<string, string>(); // `${code}#${mark}` → import instant
const events: unknown[] = [];
const totals = new Map<string, { semester: Record<number, number>; year: number }>();
for (const [friday, weekDays] of weeks) {
  const at = `${friday}T20:00`;
  const absences: unknown[] = [];
  for (const p of plans) {
    if (!p.lessons) continue;
    const t = totals.get(p.code) ?? { semester: { 1: 0, 2: 0 }, year: 0 };
    for (const day of weekDays) {
      const index = days.indexOf(day);
      if (index % p.every !== 0) continue;
      absences.push({
        learner: p.code,
        date: day,
        lessons: Array.from({ length: p.lessons }, (_, k) => k + 1),
        justified: "no",
      });
      const s = semesterOf(day);
      const before = { s: t.semester[s]!, y: t.year };
      t.semester[s]! += p.lessons;
      t.year += p.lessons;
      if (before.s <= 20 && t.semester[s]! > 20) expectedViis.set(`${p.code}#${s}`, at);
      for (const mark of [100, 200]) if (before.y <= mark && t.year > mark) expectedMarks.set(`${p.code}#${mark}`, at);
    }
    totals.set(p.code, t);
  }
  if (absences.length) events.push({ at, absences });
}

const scenario: Scenario = scenarioSchema.parse({
  start: `${YEAR.first}T08:00`,
  learners: plans.map((p) => ({ code: p.code, school: p.school, grade: p.grade, contacts: ["MOTHER"] })),
  events,
  until: "2026-06-30T00:00",
});
const rows = scenario.events.reduce((sum, e) => sum + (e.absences?.reduce((s, a) => s + a.lessons.length, 0) ?? 0), 0);

const database = await startSimulatorDatabase();
try {
  // Baseline: the same learners and imports through the importer alone, no workflows.
  const baselineMs = await importsOnly();

  let peakRss = rssNow();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssNow())), 250);
  const started = performance.now();
  const result = await runScenario(scenario, { database });
  const wallMs = performance.now() - started;
  clearInterval(sampler);

  const at = (ms: number) => formatRigaInstant(Math.floor(ms / 60_000) * 60_000);
  const seenViis = new Map<string, string>();
  const semesterOfDue = (due: string | undefined) => (due && due.slice(0, 10) <= "2025-12-31" ? 1 : 2);
  for (const e of result.events)
    if (e.event === "task.opened" && e.task === "VIIS_ENTRY" && e.learner)
      seenViis.set(`${e.learner}#${semesterOfDue(e.due)}`, at(e.atMs));
  const marks = result.events.filter((e) => e.event === "agenda.added" && e.learner);
  const missed: string[] = [];
  for (const [key, instant] of expectedViis) {
    const seen = seenViis.get(key);
    if (!seen) missed.push(`VIIS ${key} not raised`);
    else if (seen.slice(0, 16) !== instant) missed.push(`VIIS ${key} at ${seen}, expected ${instant}`);
  }
  const marksByLearner = new Map<string, number>();
  for (const m of marks) marksByLearner.set(m.learner!, (marksByLearner.get(m.learner!) ?? 0) + 1);
  const expectedMarksByLearner = new Map<string, number>();
  for (const key of expectedMarks.keys()) {
    const code = key.split("#")[0]!;
    expectedMarksByLearner.set(code, (expectedMarksByLearner.get(code) ?? 0) + 1);
  }
  for (const [code, count] of expectedMarksByLearner)
    if ((marksByLearner.get(code) ?? 0) !== count)
      missed.push(`marks ${code}: ${marksByLearner.get(code) ?? 0}/${count}`);
  const extraViis = [...seenViis.keys()].filter((k) => !expectedViis.has(k));

  const wft = result.engineStats.workflowTasksCompleted;
  const markdown = `## A municipality's school year in the simulator

${LEARNERS} learners (a Jūrmala-size municipality, IKVD concept Tab. 1.4) over 2025/26, one import per school each
week (${scenario.events.length} imports, ${rows} absence rows), through the real workflows, activities and importer
with virtual time (\`test/bench/simulator-municipality-year.bench.ts\`). Patterns: ${PATTERNS.map((p) => `${p.count} ${p.name}`).join(", ")}, the rest none.
Expected duties: ${expectedViis.size} VIIS entries (p.7, ${new Set([...expectedViis.keys()].map((k) => k.split("#")[0])).size} learners past 20 lessons in a semester), ${[...expectedMarks.keys()].filter((k) => k.endsWith("#100")).length} learners past 100 and ${[...expectedMarks.keys()].filter((k) => k.endsWith("#200")).length} past 200 in the year.

| Measure | Value |
|---|---|
| duties raised on their import | ${expectedViis.size + expectedMarks.size - missed.length} of ${expectedViis.size + expectedMarks.size}${missed.length ? ` (missed or late: ${missed.slice(0, 5).join("; ")}${missed.length > 5 ? " …" : ""})` : ""} |
| VIIS entries raised that were not expected | ${extraViis.length} |
| wall time | ${(wallMs / 1000).toFixed(1)} s |
| baseline: the same imports, importer only | ${(baselineMs / 1000).toFixed(1)} s |
| **ratio simulated year / imports only** | **${(wallMs / baselineMs).toFixed(1)}×** |
| workflow tasks completed | ${wft} (${result.engineStats.workflowTasksFailed} failed) |
| workflow tasks per second | ${(wft / (wallMs / 1000)).toFixed(0)} |
| activity tasks completed | ${result.engineStats.activityTasksCompleted} |
| largest history of any run | ${result.historyLengths[0] ?? 0} events |
| peak memory (RSS: engine, worker and client in one process) | ${(peakRss / 1024 / 1024).toFixed(0)} MB |

Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}, Node ${process.version}, 2 cores.`;
  if (LEARNERS === 4_456) await writeBenchSection("simulator-municipality-year", markdown);
  console.log(markdown);
  if (missed.length) process.exitCode = 1;
} finally {
  await database.stop();
}

async function importsOnly(): Promise<number> {
  const name = `sim_baseline_${Date.now()}`;
  await ensureDatabase(database.adminUrl, name, database.template);
  const prisma = createPrismaClient(database.urlFor(name), { maxConnections: 4 });
  const pool = new pg.Pool({ connectionString: database.urlFor(name), max: 4 });
  try {
    const world = await createWorld({ prisma, pool, vault: createPersonalDataVault({ prisma, key: database.key }) });
    await world.addLearners(scenario);
    const started = performance.now();
    for (const event of scenario.events) if (event.absences) await world.importAbsences(event.absences, event.at);
    return performance.now() - started;
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
}
