/**
 * Runs one scenario on the real workflows, activities and database, in virtual time: the project's Temporal
 * engine in-process with time skipping, a real worker, the real importer and the same click handling as chat.
 * Nothing is delivered anywhere: the delivery queue fills and stays in the throwaway database.
 */
import { randomBytes } from "node:crypto";
import { Client, Connection } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkflowBundleWithSourceMap } from "@temporalio/worker";
import pg from "pg";
import { completeAbsenceStep, type StepActionInput } from "../core/absence-actions.js";
import { resolveActor, type KnownActor } from "../core/actor.js";
import type { CoreDeps } from "../core/deps.js";
import { createAbsenceDispatcher } from "../ingest/absence-dispatch.js";
import { startTemporalTestServer } from "../local-temporal/engine/server.js";
import { createPrismaClient } from "../../prisma/client.js";
import { ensureDatabase } from "../../prisma/database.js";
import type { PersonalDataKey } from "../../prisma/personal-data-key.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { absenceStateQuery, absenceWorkflowId } from "../../workflows/absence-messages.js";
import { DEFAULT_CASE_CONFIG } from "../../workflows/case-messages.js";
import { createDelivery } from "../../activities/delivery/index.js";
import { createActivities } from "../../activities/index.js";
import { recordActivities, taskName, workflowKindOf } from "./recorder.js";
import type { Scenario, ScenarioEvent } from "./scenario.js";
import { Timeline, type TimelineEvent } from "./timeline.js";
import { createWorld, type World } from "./world.js";

export interface SimulatorDatabase {
  /** The cluster's maintenance database, where scenario databases are created and dropped. */
  adminUrl: string;
  /** A migrated database holding the reference data and the demo municipality, copied per scenario. */
  template: string;
  /** Builds the URL of a database on the cluster. */
  urlFor(name: string): string;
  /** The key the template's personal data was sealed with. */
  key: PersonalDataKey;
}

export interface SimulationResult {
  lines: string[];
  /** The same events as `lines`, in order, for programs that check them. */
  events: TimelineEvent[];
  /** Work the engine did: workflow tasks completed and failed, activity tasks completed. */
  engineStats: { workflowTasksCompleted: number; workflowTasksFailed: number; activityTasksCompleted: number };
  /** History events of every absence-escalation run (each semester and continue-as-new is a run), largest first. */
  historyLengths: number[];
}

export interface RunOptions {
  database: SimulatorDatabase;
  /** Bundled once and reused across scenarios (tests, benchmarks); default: bundled from workflows/index.ts. */
  workflowBundle?: WorkflowBundleWithSourceMap;
  /**
   * The activities' own log lines (JSON, stderr). Default: none, since every alert they log is in the timeline.
   */
  logLevel?: "debug" | "info" | "warn" | "error";
}

/** The SDK's own log lines would drown the timeline: warnings and errors only, once per process. */
function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger("WARN") });
  } catch {
    // Installed already (a test harness, an earlier scenario): keep it.
  }
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<SimulationResult> {
  quietTemporalRuntime();
  const name = `sim_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(options.database.adminUrl, name, options.database.template);
  const url = options.database.urlFor(name);
  const prisma = createPrismaClient(url, { maxConnections: 8 });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const logger = options.logLevel
    ? createLogger("simulator", options.logLevel)
    : createLogger("simulator", "error", () => {});
  const server = await startTemporalTestServer({ timeSkipping: true, startAt: scenario.start });
  const connection = await Connection.connect({ address: server.address });
  const native = await NativeConnection.connect({ address: server.address });
  const taskQueue = "pmp-simulator";
  try {
    const vault = createPersonalDataVault({ prisma, key: options.database.key });
    const world = await createWorld({ prisma, pool, vault });
    await world.addNeighbour();
    await world.applyRuleSet(scenario);
    await world.addLearners(scenario);

    const timeline = new Timeline();
    const delivery = createDelivery({ prisma, transports: [], logger });
    const activities = recordActivities(createActivities({ prisma, logger, outbox: delivery.outbox }), {
      timeline,
      prisma,
      now: () => server.now(),
      learnerCode: world.codeOf,
    });
    const worker = await Worker.create({
      connection: native,
      taskQueue,
      activities,
      ...(options.workflowBundle
        ? { workflowBundle: options.workflowBundle }
        : { workflowsPath: new URL("../../workflows/index.ts", import.meta.url).pathname }),
    });
    const client = new Client({ connection });
    const core: CoreDeps = {
      prisma,
      vault,
      temporal: client,
      taskQueue,
      caseConfig: DEFAULT_CASE_CONFIG,
      now: () => new Date(server.now()),
    };
    const dispatcher = createAbsenceDispatcher({ prisma, temporal: client, taskQueue });

    await worker.runUntil(async () => {
      for (const [i, event] of scenario.events.entries()) {
        // An event happens at the end of its minute: whatever the workflows had due in that minute (a reminder
        // timer lands a few milliseconds after the instant it was computed for) has happened first, on every run.
        await server.advanceTo(event.at + END_OF_MINUTE_MS);
        await server.whenIdle();
        await perform(event, i);
      }
      await server.advanceTo(scenario.until);
      await server.whenIdle();
    });

    async function perform(event: ScenarioEvent, i: number): Promise<void> {
      if (event.absences) {
        const rejected = await world.importAbsences(event.absences, event.at);
        for (const r of rejected)
          timeline.add({
            atMs: event.at,
            event: "rejected",
            learner: r.learner,
            count: r.lessons,
            reason: r.code,
            detail: r.date,
          });
        await dispatcher.dispatchPending();
      } else if (event.move) {
        await world.move(event.move, event.at, `events[${i}].move`);
      } else if (event.act) {
        const refused = await act(core, world, event.act);
        if (refused)
          timeline.add({
            atMs: event.at,
            event: "rejected",
            learner: event.act.learner,
            task: event.act.task,
            reason: refused,
          });
      }
      // Let the workflows take in what just happened before time moves on.
      await server.whenIdle();
    }

    const open = await prisma.task.groupBy({
      by: ["kind"],
      where: { state: { in: ["OPEN", "OVERDUE", "ESCALATED"] } },
      _count: { _all: true },
    });
    const openTasks = Object.fromEntries(open.map((row) => [taskName(row.kind), row._count._all]));
    const historyLengths = [...server.historyLengths()]
      .filter(([workflowId]) => [...world.learners.values()].some((l) => workflowId === absenceWorkflowId(l.id)))
      .flatMap(([, runs]) => runs)
      .sort((a, b) => b - a);
    return {
      lines: timeline.lines(scenario.until, openTasks, scenario.learners.length),
      events: timeline.sorted(),
      engineStats: server.stats(),
      historyLengths,
    };
  } finally {
    await native.close();
    await connection.close();
    await server.stop();
    await pool.end();
    await prisma.$disconnect();
    const admin = new pg.Client({ connectionString: options.database.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
  }
}

const END_OF_MINUTE_MS = 59_000;

/** An overdue or escalated task can still be done; only these states are final. */
const CLOSED: readonly string[] = ["DONE", "CANCELLED"];

const CONTACT_OUTCOME = { done: "UNJUSTIFIED", justified: "JUSTIFIED", unreachable: "UNREACHABLE" } as const;

/** A person's click, through the same use case chat buttons call. Answers why it was refused, or null. */
async function act(core: CoreDeps, world: World, act: NonNullable<ScenarioEvent["act"]>): Promise<string | null> {
  const learner = world.learners.get(act.learner)!;
  const actor = await actorWithRole(core, learner, act.by, act.task === "ESCALATION" ? null : workflowKindOf(act.task));
  if (!actor) return `NOBODY_WITH_ROLE_${act.by}`;
  let action: StepActionInput;
  if (act.task === "ESCALATION") {
    action = { kind: "RESOLVED" };
  } else {
    const view = await core.temporal.workflow.getHandle(absenceWorkflowId(learner.id)).query(absenceStateQuery);
    const kind = workflowKindOf(act.task);
    const open = view.steps
      .filter((s) => s.kind === kind && !CLOSED.includes(s.status) && (!act.date || s.key.endsWith(act.date)))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const step = open[0];
    if (!step) return "NO_OPEN_TASK";
    switch (act.task) {
      case "PARENT_CONTACT":
      case "CATCH_UP_CONTACT":
        action = {
          kind: "PARENTS_CONTACTED",
          stepKey: step.key,
          outcome: CONTACT_OUTCOME[act.action as keyof typeof CONTACT_OUTCOME],
        };
        break;
      case "VIIS_ENTRY":
        action = { kind: "VIIS_ENTERED", stepKey: step.key, remedialAction: "simulated" };
        break;
      case "SD_REFERRAL":
        action = { kind: "REFERRAL_SENT", stepKey: step.key, documentRef: `SIM-${step.key}` };
        break;
      case "SD_ACKNOWLEDGEMENT":
        action = { kind: "REFERRAL_ACKNOWLEDGED", stepKey: step.key };
        break;
    }
  }
  const outcome = await completeAbsenceStep(core, { actor, learnerId: learner.id, action });
  return outcome.kind === "RECORDED" ? null : outcome.kind;
}

/**
 * Someone holding `role`: the person the open task names when they hold it (a referral acknowledged in the
 * municipality the learner is declared in), else at the learner's school, else in its municipality, else anywhere.
 */
async function actorWithRole(
  core: CoreDeps,
  learner: { id: string; schoolId: string; municipalityId: string },
  role: string,
  taskKind: string | null,
): Promise<KnownActor | null> {
  const holder = taskKind
    ? await core.prisma.task.findFirst({
        where: { subjectId: learner.id, kind: taskKind, state: { in: ["OPEN", "OVERDUE", "ESCALATED"] } },
        orderBy: { dueAt: "asc" },
        select: { assigneeId: true },
      })
    : null;
  const candidates = await core.prisma.staffRole.findMany({
    where: { role: role as never },
    select: {
      staffId: true,
      schoolId: true,
      municipalityId: true,
      staff: { select: { chatIdentities: { select: { platform: true, workspaceId: true, userId: true } } } },
    },
  });
  const rank = (c: (typeof candidates)[number]) =>
    c.staffId === holder?.assigneeId
      ? -1
      : c.schoolId === learner.schoolId
        ? 0
        : c.municipalityId === learner.municipalityId && !c.schoolId
          ? 1
          : 2;
  for (const candidate of candidates.sort((a, b) => rank(a) - rank(b))) {
    const identity = candidate.staff.chatIdentities[0];
    if (!identity) continue;
    const actor = await resolveActor(core.prisma, identity);
    if (actor) return actor;
  }
  return null;
}
