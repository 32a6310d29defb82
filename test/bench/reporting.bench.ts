/**
 * Reporting at national scale: `/pmp status` p95 and the annual report's time.
 *
 * Data set, generated in SQL (INSERT … SELECT generate_series) on a fresh embedded PostgreSQL on top of the demo
 * seed: 224,000 learners in 700 schools of 40 municipalities, 25,000 cases (Rīga-size municipality: 10,000 of
 * them, 19,000 support plans), plan activities and delivery logs, tasks, escalations, two absence counters per
 * learner and 10,000,000 absence rows.
 *
 * - `/pmp status`: the use case (statusFor) for a director (one school) and a municipal coordinator (the Rīga-size
 *   municipality), 60 runs each after 10 warm-up runs. Baseline in the same run: bare indexed count(*) queries over
 *   the same rows the status aggregates (open cases, the semester's plans, tasks, counters, escalations, delivery
 *   logs of the scope), run in parallel as the status runs its queries. Goal: status p95 < 150 ms.
 * - Annual report for the Rīga-size municipality (XLSX + PDF + chart), median of 3; baseline a bare count(*) of
 *   its 19,000 plans. Goal: < 5 s.
 *
 * Run: npm run bench -- reporting   (BENCH_SCALE=0.1 for a tenth of the data set, for trying it out)
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { loadavg } from "node:os";
import { rm } from "node:fs/promises";
import pg from "pg";
import type { KnownActor } from "../../bot/core/actor.js";
import type { CoreDeps } from "../../bot/core/deps.js";
import { statusFor } from "../../bot/core/status/status.js";
import { createPrismaClient } from "../../prisma/client.js";
import { ensureDatabase } from "../../prisma/database.js";
import { makeScratchDir, startEmbeddedPostgres } from "../../prisma/embedded-postgres.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { keyFromBase64 } from "../../prisma/personal-data-key.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { generateAnnualReport } from "../../prisma/reports/annual-report/index.js";
import { seedDatabase } from "../../prisma/seed/index.js";
import { DEFAULT_CASE_CONFIG } from "../../workflows/case-messages.js";
import { writeBenchSection } from "./report.js";

const SCALE = Number(process.env.BENCH_SCALE ?? "1");
const LEARNERS = Math.round(224_000 * SCALE);
const CASES = Math.round(25_000 * SCALE);
const RIGA_CASES = Math.round(10_000 * SCALE);
const RIGA_TWO_PLAN_CASES = Math.round(9_500 * SCALE);
const ABSENCE_ROWS = Math.round(10_000_000 * SCALE);
const SCHOOLS = 700;
const MUNICIPALITIES = 40;
const RIGA_SCHOOLS = 100;
const SCHOOL_YEAR = "2025/26";
const NOW = new Date("2025-11-20T10:00:00Z");

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(0.95 * samples.length)]!;
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const loadAtStart = loadavg()[0] ?? 0;
const dir = await makeScratchDir("pmp-bench-reporting-");
const cluster = await startEmbeddedPostgres({ dataDir: join(dir, "data"), persistent: false, durable: false });
try {
  await ensureDatabase(cluster.adminUrl, "bench");
  const url = cluster.urlFor("bench");
  await migrateDatabase(url);
  const prisma = createPrismaClient(url, { maxConnections: 10 });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const vault = createPersonalDataVault({ prisma, key: keyFromBase64(randomBytes(32).toString("base64")) });
    await seedDatabase({ prisma, vault });
    const t0 = performance.now();
    await generate(pool);
    const generateMs = performance.now() - t0;
    console.log(`generated in ${(generateMs / 1000).toFixed(0)} s`);

    const deps: CoreDeps = {
      prisma,
      vault,
      temporal: undefined as never,
      taskQueue: "bench",
      caseConfig: DEFAULT_CASE_CONFIG,
      now: () => NOW,
    };
    const actor = (role: "DIRECTOR" | "MUNICIPAL_COORDINATOR", schoolId: string | null): KnownActor => ({
      staffId: "bench-staff",
      displayName: "bench",
      locale: "lv",
      roles: [{ role, schoolId, municipalityId: "bench-m-0", classLabel: null }],
      trainedUntil: new Date("2030-01-01T00:00:00Z"),
    });
    const scopes = [
      { name: "director (one school)", actor: actor("DIRECTOR", "bench-s-0"), schools: ["bench-s-0"] },
      {
        name: "municipal coordinator (Rīga-size municipality)",
        actor: actor("MUNICIPAL_COORDINATOR", null),
        schools: Array.from({ length: RIGA_SCHOOLS }, (_, i) => `bench-s-${i}`),
      },
    ];
    const rows: string[] = [];
    for (const scope of scopes) {
      const status: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < 70; i += 1) {
        const a = performance.now();
        const outcome = await statusFor(deps, { actor: scope.actor, args: ["2025/26-1"] });
        if (outcome.kind !== "OK") throw new Error(`status: ${outcome.kind}`);
        const b = performance.now();
        await bareCounts(pool, scope.schools, scope.actor.roles[0]!.schoolId);
        const c = performance.now();
        if (i >= 10) {
          status.push(b - a);
          baseline.push(c - b);
        }
      }
      rows.push(
        `| ${scope.name} | ${ms(median(status))} | ${ms(p95(status))} | ${ms(p95(baseline))} | **${(p95(status) / p95(baseline)).toFixed(2)}×** |`,
      );
      console.log(rows.at(-1));
    }

    const reportRuns: number[] = [];
    let files = "";
    for (let i = 0; i < 3; i += 1) {
      const a = performance.now();
      const report = await generateAnnualReport(prisma, {
        municipalityId: "bench-m-0",
        schoolYear: SCHOOL_YEAR,
        locale: "lv",
        now: NOW,
      });
      reportRuns.push(performance.now() - a);
      files = report.files
        .map((f) => `${f.filename.split(".").pop()} ${(f.content.length / 1024).toFixed(0)} KB`)
        .join(", ");
    }
    const planCountRuns: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const a = performance.now();
      await pool.query(
        `SELECT count(*) FROM "Iap" i JOIN "Case" c ON c."id" = i."caseId" WHERE c."schoolId" IN (SELECT "id" FROM "School" WHERE "municipalityId" = 'bench-m-0') AND i."schoolYear" = $1`,
        [SCHOOL_YEAR],
      );
      planCountRuns.push(performance.now() - a);
    }
    const plans = Number(
      (
        await pool.query(
          `SELECT count(*) AS n FROM "Iap" i JOIN "Case" c ON c."id" = i."caseId" JOIN "School" s ON s."id" = c."schoolId" WHERE s."municipalityId" = 'bench-m-0'`,
        )
      ).rows[0].n,
    );
    const report = median(reportRuns);
    const planCount = median(planCountRuns);
    console.log(
      `annual report ${ms(report)} (runs ${reportRuns.map((r) => r.toFixed(0)).join(", ")}), plan count ${ms(planCount)}`,
    );

    await writeBenchSection(
      "reporting",
      `## Reporting: \`/pmp status\` and the annual report (\`test/bench/reporting.bench.ts\`)

\`npm run bench -- reporting\`. A fresh embedded PostgreSQL with the demo seed and, generated in SQL,
${LEARNERS.toLocaleString("en")} learners in ${SCHOOLS} schools of ${MUNICIPALITIES} municipalities, ${CASES.toLocaleString("en")} cases
(${RIGA_CASES.toLocaleString("en")} of them in one Rīga-size municipality of ${RIGA_SCHOOLS} schools, with ${plans.toLocaleString("en")} support plans),
plan activities and delivery logs, tasks, escalations, absence counters and ${ABSENCE_ROWS.toLocaleString("en")} absence rows
(generated in ${(generateMs / 1000).toFixed(0)} s). Scale factor ${SCALE}.

**\`/pmp status\`** (the use case, all figures, 60 runs after 10 warm-up). Baseline in the same run: bare indexed
\`count(*)\` queries over the same rows of the same scope (open cases, the semester's plans, tasks, counters,
escalations, delivery logs), run in parallel as the status runs its queries. Goal: p95 < 150 ms.

| scope | status p50 | status p95 | baseline p95 | ratio p95 status / baseline |
|---|---:|---:|---:|---:|
${rows.join("\n")}

**Annual report** for the Rīga-size municipality (data, chart, XLSX and PDF): median ${ms(report)}
(runs ${reportRuns.map((r) => r.toFixed(0)).join(", ")} ms; ${files}); baseline, a bare \`count(*)\` of its plans:
${ms(planCount)}; **ratio ${(report / planCount).toFixed(0)}×**. Goal: < 5 s.

Machine: ${process.platform}, Node ${process.version}, load average (1 min) ${loadAtStart.toFixed(1)} at the start and
${(loadavg()[0] ?? 0).toFixed(1)} at the end (other work on the machine inflates every figure, the baselines too).
Measured ${new Date().toISOString().slice(0, 10)}.`,
    );
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The bare counts the baseline measures: one indexed count(*) per table the status reads, in parallel. */
async function bareCounts(pool: pg.Pool, schools: string[], schoolId: string | null) {
  await Promise.all([
    pool.query(
      `SELECT count(*) FROM "Case" WHERE "schoolId" = ANY($1) AND "status" IN ('REPORTED','INVESTIGATING','CONFIRMED')`,
      [schools],
    ),
    pool.query(
      `SELECT count(*) FROM "Iap" i JOIN "Case" c ON c."id" = i."caseId" WHERE c."schoolId" = ANY($1) AND i."schoolYear" = $2 AND i."semester" = 1`,
      [schools, SCHOOL_YEAR],
    ),
    pool.query(
      `SELECT count(*) FROM "Task" WHERE "municipalityId" = 'bench-m-0' ${schoolId ? `AND "schoolId" = '${schoolId}'` : ""} AND "state" IN ('OPEN','OVERDUE','ESCALATED')`,
    ),
    pool.query(
      `SELECT count(*) FROM "AbsenceCounter" a JOIN "Learner" l ON l."id" = a."learnerId" WHERE l."schoolId" = ANY($1) AND a."schoolYear" = $2`,
      [schools, SCHOOL_YEAR],
    ),
    pool.query(
      `SELECT count(*) FROM "Escalation" e JOIN "Learner" l ON l."id" = e."learnerId" WHERE l."schoolId" = ANY($1) AND e."status" = 'OPEN'`,
      [schools],
    ),
    pool.query(
      `SELECT count(*) FROM "IapDeliveryLog" d JOIN "IapActivity" a ON a."id" = d."activityId" JOIN "Iap" i ON i."id" = a."iapId" JOIN "Case" c ON c."id" = i."caseId" WHERE c."schoolId" = ANY($1) AND i."schoolYear" = $2 AND i."semester" = 1`,
      [schools, SCHOOL_YEAR],
    ),
  ]);
}

/**
 * The data set. Municipality 0 (the Rīga-size one) holds schools 0–99, the other 600 schools are dealt to the
 * other 39 municipalities. Learner n is at school n % 700; Rīga's cases are on learners of its schools.
 */
async function generate(pool: pg.Pool) {
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const a = performance.now();
    const result = await pool.query(sql, params);
    console.log(`  ${label}: ${result.rowCount ?? 0} rows, ${((performance.now() - a) / 1000).toFixed(1)} s`);
  };
  await q(
    "municipalities",
    `INSERT INTO "Municipality" ("id", "code", "nameLv", "nameEn") SELECT 'bench-m-' || m, 'BENCH-' || m, 'Bench novads ' || m, 'Bench ' || m FROM generate_series(0, ${MUNICIPALITIES - 1}) m`,
  );
  await q(
    "schools",
    `INSERT INTO "School" ("id", "municipalityId", "code", "nameLv", "kind", "gradeFrom", "gradeTo")
     SELECT 'bench-s-' || s, 'bench-m-' || (CASE WHEN s < ${RIGA_SCHOOLS} THEN 0 ELSE 1 + s % ${MUNICIPALITIES - 1} END),
       'BENCH-S-' || s, 'Bench skola ' || s, 'GENERAL', 1, 12 FROM generate_series(0, ${SCHOOLS - 1}) s`,
  );
  await q(
    "learners",
    `INSERT INTO "Learner" ("id", "publicRef", "schoolId", "learnerCode", "initials", "grade", "classLabel")
     SELECT 'bench-l-' || n, 'LRN-B' || n, 'bench-s-' || (n % ${SCHOOLS}), 'C' || n, 'A.B.', 1 + n % 12, (1 + n % 12) || '.a'
     FROM generate_series(0, ${LEARNERS - 1}) n`,
  );
  // Cases: the first RIGA_CASES on learners of Rīga's schools, the rest on learners of the other schools.
  await q(
    "cases",
    `WITH picked AS (
       SELECT k, CASE WHEN k < ${RIGA_CASES} THEN (k / ${RIGA_SCHOOLS}) * ${SCHOOLS} + k % ${RIGA_SCHOOLS}
         ELSE (k / ${SCHOOLS - RIGA_SCHOOLS}) * ${SCHOOLS} + ${RIGA_SCHOOLS} + k % ${SCHOOLS - RIGA_SCHOOLS} END AS n
       FROM generate_series(0, ${CASES - 1}) k
     )
     INSERT INTO "Case" ("id", "ref", "learnerId", "schoolId", "openForLearnerId", "status", "level", "workflowId", "openedAt")
     SELECT 'bench-c-' || k, 'PMP-B-' || k, 'bench-l-' || n, 'bench-s-' || (n % ${SCHOOLS}), NULL,
       (ARRAY['REPORTED','INVESTIGATING','CONFIRMED','CONFIRMED','CLOSED'])[1 + k % 5]::"CaseStatus",
       (ARRAY['UNIVERSAL','TARGETED','INDICATED'])[1 + k % 3]::"PreventionLevel", 'bench-wf-' || k, '2025-10-01'::timestamp
     FROM picked`,
  );
  await q(
    "risk reports",
    `INSERT INTO "RiskReport" ("id", "caseId", "learnerId", "reporterId", "parentsInformed", "triage", "idempotencyKey")
     SELECT 'bench-r-' || c."id", c."id", c."learnerId", (SELECT "id" FROM "StaffMember" LIMIT 1), 'YES', '{}', 'bench-' || c."id" FROM "Case" c WHERE c."id" LIKE 'bench-c-%'`,
  );
  await q(
    "reported risks",
    `INSERT INTO "ReportedRisk" ("id", "reportId", "riskCode", "present")
     SELECT r."id" || '-' || x."code", r."id", x."code", true FROM "RiskReport" r
     CROSS JOIN LATERAL (SELECT "code" FROM "Risk" ORDER BY "number" OFFSET (hashtext(r."id") & 31) LIMIT 2) x WHERE r."id" LIKE 'bench-r-%'`,
  );
  await q(
    "plans",
    `INSERT INTO "Iap" ("id", "caseId", "schoolYear", "semester", "status", "updatedAt")
     SELECT 'bench-p-' || k || '-' || s, 'bench-c-' || k, '${SCHOOL_YEAR}', s,
       (ARRAY['DRAFT','APPROVED','IN_PROGRESS','IN_PROGRESS','UNDER_REVIEW'])[1 + k % 5]::"IapStatus", now()
     FROM generate_series(0, ${CASES - 1}) k CROSS JOIN generate_series(1, 2) s
     WHERE (k < ${RIGA_TWO_PLAN_CASES}) OR (k >= ${RIGA_CASES} AND s = 1)`,
  );
  await q(
    "plan activities",
    `INSERT INTO "IapActivity" ("id", "iapId", "type", "providerRole", "plannedHours", "approvalState")
     SELECT p."id" || '-a' || a, p."id", 'SUPPORT_STAFF_CONSULTATION',
       (ARRAY['PSYCHOLOGIST','SOCIAL_PEDAGOGUE','SPEECH_THERAPIST','SPECIAL_EDUCATION_TEACHER'])[1 + (hashtext(p."id") & 3)]::"Role", 6, 'APPROVED'
     FROM "Iap" p CROSS JOIN generate_series(1, 2) a WHERE p."id" LIKE 'bench-p-%'`,
  );
  await q(
    "delivery logs",
    `INSERT INTO "IapDeliveryLog" ("id", "activityId", "deliveredOn", "hours", "attendance", "recordedById", "idempotencyKey")
     SELECT a."id" || '-d' || d, a."id", '2025-10-01'::date + d * 7, 1.5, (CASE WHEN d = 3 THEN 'NO_SHOW_LEARNER' ELSE 'ATTENDED' END)::"Attendance",
       (SELECT "id" FROM "StaffMember" LIMIT 1), a."id" || '-d' || d
     FROM "IapActivity" a CROSS JOIN generate_series(1, 3) d WHERE a."id" LIKE 'bench-p-%'`,
  );
  await q(
    "checkpoints",
    `INSERT INTO "IapCheckpoint" ("id", "iapId", "kind", "dueOn", "completedAt")
     SELECT p."id" || '-k', p."id", 'CHECKPOINT', '2025-11-01', CASE WHEN hashtext(p."id") % 3 = 0 THEN NULL ELSE '2025-11-02'::timestamp END
     FROM "Iap" p WHERE p."id" LIKE 'bench-p-%'`,
  );
  await q(
    "tasks",
    `INSERT INTO "Task" ("id", "dedupeKey", "kind", "sourceWorkflowId", "subjectType", "subjectId", "subjectRef", "municipalityId", "schoolId", "assigneeRole", "dueAt", "state")
     SELECT 'bench-t-' || k, 'bench/' || k, 'VIIS_ENTRY', 'bench', 'Case', c."id", c."ref", s."municipalityId", c."schoolId", 'DIRECTOR',
       '2025-11-01'::timestamp + (k % 60) * interval '1 day', (ARRAY['OPEN','OVERDUE','ESCALATED','DONE'])[1 + k % 4]::"TaskState"
     FROM generate_series(0, ${CASES * 2 - 1}) k JOIN "Case" c ON c."id" = 'bench-c-' || (k % ${CASES}) JOIN "School" s ON s."id" = c."schoolId"`,
  );
  await q(
    "counters",
    `INSERT INTO "AbsenceCounter" ("id", "learnerId", "schoolYear", "semester", "unjustifiedLessons", "unknownLessons", "updatedAt")
     SELECT 'bench-ac-' || n || '-' || s, 'bench-l-' || n, '${SCHOOL_YEAR}', s, (n * 7 + s) % 130, n % 5, now()
     FROM generate_series(0, ${LEARNERS - 1}) n CROSS JOIN generate_series(1, 2) s`,
  );
  const ruleSet = (await pool.query(`SELECT "id" FROM "RuleSet" LIMIT 1`)).rows[0].id as string;
  await q(
    "escalations",
    `INSERT INTO "Escalation" ("id", "learnerId", "ruleSetId", "ruleVersion", "schoolYear", "semester", "status", "workflowId")
     SELECT 'bench-e-' || n, 'bench-l-' || n, $1, 1, '${SCHOOL_YEAR}', 1, (CASE WHEN n % 10 = 0 THEN 'CLOSED' ELSE 'OPEN' END)::"EscalationStatus", 'bench-e-' || n
     FROM generate_series(0, ${LEARNERS - 1}, 11) n`,
    [ruleSet],
  );
  await q(
    "escalation steps",
    `INSERT INTO "EscalationStep" ("id", "escalationId", "step", "assigneeRole", "dueAt", "status")
     SELECT e."id" || '-st', e."id", 'MK89_P7_VIIS_ENTRY', 'DIRECTOR', '2025-11-10', (CASE WHEN hashtext(e."id") % 2 = 0 THEN 'OPEN' ELSE 'DONE' END)::"StepStatus"
     FROM "Escalation" e WHERE e."id" LIKE 'bench-e-%'`,
  );
  // 10,000,000 absence rows: row r is learner r % LEARNERS, lesson slot r / LEARNERS (8 lessons a day).
  const chunk = 1_000_000;
  for (let from = 0; from < ABSENCE_ROWS; from += chunk) {
    await q(
      `absences ${from / chunk + 1}/${Math.ceil(ABSENCE_ROWS / chunk)}`,
      `INSERT INTO "AbsenceRecord" ("learnerId", "date", "lesson", "justification", "source", "schoolId")
       SELECT 'bench-l-' || (r % ${LEARNERS}), '2025-09-01'::date + ((r / ${LEARNERS}) / 8)::int, 1 + (r / ${LEARNERS}) % 8,
         (ARRAY['JUSTIFIED','UNJUSTIFIED','UNKNOWN'])[1 + r % 3]::"Justification", 'CSV_IMPORT', 'bench-s-' || ((r % ${LEARNERS}) % ${SCHOOLS})
       FROM generate_series(${from}, ${Math.min(ABSENCE_ROWS, from + chunk) - 1}) r`,
    );
  }
  await q("analyze", "ANALYZE");
}
