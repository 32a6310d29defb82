// Virtual time starts on Thursday 16 October 2025, 09:00 in Riga (before the autumn holiday and the DST change).
process.env.TEMPORAL_TEST_SERVER_START_TIME = "2025-10-16T06:00:00Z";

import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTaskActivities, taskDedupeKey } from "../../activities/task-activities.js";
import { updateFailureType } from "../../bot/core/update-failure.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { demoLearners } from "../../prisma/seed/demo-learners.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import type { Grade } from "../../workflows/domain/calendar/index.js";
import type { TaskSpec } from "../../workflows/domain/human-task.js";
import type { UpdateTaskInput } from "../../workflows/human-tasks.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import {
  completeProbeTask,
  humanTaskProbe,
  probeTasksQuery,
  stopProbe,
  type ProbeNotice,
} from "../workflows/human-task-probe.js";

const temporal = useTemporalTestEnv({
  workflowsPath: fileURLToPath(new URL("../workflows/human-task-probe.ts", import.meta.url)),
});
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const logger = createLogger("test", "error");
const inSchool = (code: string, classLabel?: string) =>
  demoLearners().find(
    (l) => l.schoolCode === code && l.grade >= 1 && l.grade <= 12 && (!classLabel || l.classLabel === classLabel),
  )!;

/** The real task activities on the test database, with every updateTask call counted, and the probe's notices. */
function activities() {
  const real = createTaskActivities({ prisma: db.prisma, logger });
  const notices: ProbeNotice[] = [];
  const updates: UpdateTaskInput[] = [];
  return {
    notices,
    updates,
    impl: {
      openTask: real.openTask,
      async updateTask(input: UpdateTaskInput) {
        updates.push(input);
        return real.updateTask(input);
      },
      async probeNotice(notice: ProbeNotice) {
        notices.push(notice);
      },
    },
  };
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function sleepUntil(iso: string) {
  const now = await temporal().env.currentTimeMs();
  await temporal().env.sleep(Math.max(1, Date.parse(iso) - now));
}

const row = (subjectId: string, key: string) =>
  db.prisma.task.findUnique({ where: { dedupeKey: taskDedupeKey({ workflowId: "probe", keyScope: subjectId, key }) } });
const near = (iso: string | undefined, expected: string) =>
  Math.abs(Date.parse(iso ?? "") - Date.parse(expected)) < 2_000;

describe("human tasks in a real workflow (time-skipping test server, real database)", () => {
  it("opens, reminds, alerts at the deadline, hands over a day later, then is done", { timeout: 90_000 }, async () => {
    const learner = inSchool("DEMO-VSK", "7.a");
    const spec: TaskSpec = {
      kind: "PARENT_CONTACT",
      key: "CONTACT",
      assigneeRole: "CLASS_TEACHER",
      legalPoint: "MK89_P6",
      // 1 school day from Thu 16 Oct 09:00 → Fri 17 Oct 17:00 Riga (14:00Z, summer time).
      due: { unit: "SCHOOL_DAYS", days: 1 },
      reminders: [{ before: { unit: "HOURS", hours: 2 } }],
      escalation: [
        { role: "SCHOOL_COORDINATOR", handOver: false },
        { role: "MUNICIPAL_COORDINATOR", after: { unit: "HOURS", hours: 24 }, handOver: true },
      ],
    };
    const { impl, notices } = activities();
    const taskQueue = temporal().taskQueue();
    await temporal().withWorker({ taskQueue, activities: impl }, async () => {
      const handle = await temporal().client.workflow.start(humanTaskProbe, {
        taskQueue,
        workflowId: `probe-${learner.id}`,
        args: [{ subject: { type: "Learner", id: learner.id }, grade: learner.grade as Grade, specs: [spec] }],
      });
      const opened = await waitFor(() => row(learner.id, "CONTACT"), "the Task row");
      expect(opened).toMatchObject({
        kind: "PARENT_CONTACT",
        state: "OPEN",
        assigneeRole: "CLASS_TEACHER",
        assigneeId: demoIds.staff("class-teacher"),
        escalationLevel: 0,
        legalPoint: "MK89_P6",
        subjectType: "Learner",
        subjectId: learner.id,
        schoolId: demoIds.school("DEMO-VSK"),
        provisional: false,
      });
      expect(opened.dueAt.toISOString()).toBe("2025-10-17T14:00:00.000Z");
      expect(opened.subjectRef).not.toContain(learner.identity.lastName);

      await sleepUntil("2025-10-17T12:30:00Z");
      await waitFor(async () => notices.length === 1, "the reminder");
      expect(notices[0]).toMatchObject({ kind: "REMINDER", taskKey: "CONTACT" });
      expect(near(notices[0]!.at, "2025-10-17T12:00:00Z")).toBe(true);

      await sleepUntil("2025-10-17T14:30:00Z");
      await waitFor(async () => notices.length === 2, "the alert at the deadline");
      expect(notices[1]).toMatchObject({ kind: "ESCALATED", role: "SCHOOL_COORDINATOR" });
      expect(near(notices[1]!.at, "2025-10-17T14:00:00Z")).toBe(true);
      expect(await row(learner.id, "CONTACT")).toMatchObject({
        state: "OVERDUE",
        escalationLevel: 0,
        assigneeId: demoIds.staff("class-teacher"),
      });

      await sleepUntil("2025-10-18T14:30:00Z");
      await waitFor(async () => notices.length === 3, "the hand-over");
      expect(notices[2]).toMatchObject({ kind: "ESCALATED", role: "MUNICIPAL_COORDINATOR" });
      expect(near(notices[2]!.at, "2025-10-18T14:00:00Z")).toBe(true);
      // The holder is now on the second rung of the chain (the first only alerted).
      expect(await row(learner.id, "CONTACT")).toMatchObject({
        state: "ESCALATED",
        escalationLevel: 2,
        assigneeRole: "MUNICIPAL_COORDINATOR",
        assigneeId: demoIds.staff("municipal-coordinator"),
      });

      const done = await handle.executeUpdate(completeProbeTask, {
        args: [{ taskKey: "CONTACT", staffId: demoIds.staff("municipal-coordinator") }],
        updateId: "CONTACT:done",
      });
      expect(done.state).toBe("DONE");
      const closed = await row(learner.id, "CONTACT");
      expect(closed).toMatchObject({ state: "DONE", escalationLevel: 2 });
      expect(closed!.closedAt).not.toBeNull();
      // Nothing more is due for a done task: a week later there is still no further notice.
      await sleepUntil("2025-10-25T12:00:00Z");
      expect(await handle.query(probeTasksQuery)).toMatchObject([{ key: "CONTACT", state: "DONE" }]);
      expect(notices).toHaveLength(3);
      await handle.signal(stopProbe);
      await handle.result();
    });
  });

  it(
    "completes by a validated update: a double click gets the same result, a closed or unknown task is refused",
    { timeout: 60_000 },
    async () => {
      const learner = inSchool("DEMO-VSK", "8.a");
      const spec: TaskSpec = {
        kind: "VIIS_ENTRY",
        key: "VIIS",
        assigneeRole: "DIRECTOR",
        legalPoint: "MK89_P7",
        due: { unit: "IMMEDIATE" },
        reminders: [{ at: { unit: "SCHOOL_DAYS", days: 1 } }],
        escalation: [],
      };
      const { impl, updates } = activities();
      const taskQueue = temporal().taskQueue();
      await temporal().withWorker({ taskQueue, activities: impl }, async () => {
        const handle = await temporal().client.workflow.start(humanTaskProbe, {
          taskQueue,
          workflowId: `probe-${learner.id}`,
          args: [{ subject: { type: "Learner", id: learner.id }, grade: learner.grade as Grade, specs: [spec] }],
        });
        await waitFor(() => row(learner.id, "VIIS"), "the Task row");
        const director = demoIds.staff("director");
        const click = () =>
          handle.executeUpdate(completeProbeTask, {
            args: [{ taskKey: "VIIS", staffId: director }],
            updateId: "VIIS:done",
          });
        const first = await click();
        const again = await click();
        expect(first.state).toBe("DONE");
        expect(again).toEqual(first);
        expect(updates.filter((u) => u.key === "VIIS" && u.state === "DONE")).toHaveLength(1);

        const refused = await handle
          .executeUpdate(completeProbeTask, { args: [{ taskKey: "VIIS", staffId: director }], updateId: "VIIS:other" })
          .catch((error: unknown) => error);
        expect(updateFailureType(refused)).toBe("TASK_CLOSED");
        const unknown = await handle
          .executeUpdate(completeProbeTask, { args: [{ taskKey: "NOPE", staffId: director }] })
          .catch((error: unknown) => error);
        expect(updateFailureType(unknown)).toBe("UNKNOWN_TASK");

        const task = await row(learner.id, "VIIS");
        expect(task).toMatchObject({ state: "DONE", assigneeId: director });
        expect(
          await db.prisma.auditLog.count({ where: { entityType: "Task", entityId: task!.id, action: "TASK_DONE" } }),
        ).toBe(1);
        await handle.signal(stopProbe);
        await handle.result();
      });
    },
  );

  it(
    "nobody to assign: recorded unassigned, passed up the chain at once and reported",
    { timeout: 60_000 },
    async () => {
      // Demo tehnikums has no psychologist.
      const learner = inSchool("DEMO-TEH");
      const specs: TaskSpec[] = [
        {
          kind: "TEST",
          key: "UP",
          assigneeRole: "PSYCHOLOGIST",
          legalPoint: null,
          due: { unit: "SCHOOL_DAYS", days: 2 },
          reminders: [],
          escalation: [{ role: "SCHOOL_COORDINATOR", handOver: false }],
        },
        {
          kind: "TEST",
          key: "NOWHERE",
          assigneeRole: "PSYCHOLOGIST",
          legalPoint: null,
          due: { unit: "SCHOOL_DAYS", days: 2 },
          reminders: [],
          escalation: [],
        },
      ];
      const { impl, notices } = activities();
      const taskQueue = temporal().taskQueue();
      await temporal().withWorker({ taskQueue, activities: impl }, async () => {
        const handle = await temporal().client.workflow.start(humanTaskProbe, {
          taskQueue,
          workflowId: `probe-${learner.id}`,
          args: [{ subject: { type: "Learner", id: learner.id }, grade: learner.grade as Grade, specs }],
        });
        await waitFor(async () => notices.length === 2, "two nobody-to-assign notices");
        expect(notices).toEqual([
          expect.objectContaining({
            kind: "NOBODY_TO_ASSIGN",
            taskKey: "UP",
            role: "PSYCHOLOGIST",
            handedTo: "SCHOOL_COORDINATOR",
          }),
          expect.objectContaining({
            kind: "NOBODY_TO_ASSIGN",
            taskKey: "NOWHERE",
            role: "PSYCHOLOGIST",
            handedTo: null,
          }),
        ]);
        expect(await row(learner.id, "UP")).toMatchObject({
          state: "ESCALATED",
          escalationLevel: 1,
          assigneeRole: "SCHOOL_COORDINATOR",
          assigneeId: demoIds.staff("vocational-coordinator"),
        });
        expect(await row(learner.id, "NOWHERE")).toMatchObject({
          state: "OPEN",
          escalationLevel: 0,
          assigneeRole: "PSYCHOLOGIST",
          assigneeId: null,
        });
        await handle.signal(stopProbe);
        await handle.result();
      });
    },
  );
});

describe("task activities and repository on the real database", () => {
  it("open is idempotent, updates set absolute values, a retried close audits once, my work lists soonest first", async () => {
    const { openTask, updateTask } = createTaskActivities({ prisma: db.prisma, logger });
    const learner = inSchool("DEMO-VSK", "9.a");
    const base = {
      workflowId: "repo-test",
      subject: { type: "Learner" as const, id: learner.id },
      legalPoint: "MK89_P7",
    };
    const first = await openTask({
      ...base,
      key: "A",
      kind: "VIIS_ENTRY",
      assigneeRole: "DIRECTOR",
      dueAt: "2025-11-03T15:00:00Z",
    });
    const retried = await openTask({
      ...base,
      key: "A",
      kind: "VIIS_ENTRY",
      assigneeRole: "DIRECTOR",
      dueAt: "2025-11-03T15:00:00Z",
    });
    expect(retried).toEqual(first);
    expect(first).toEqual({ assigneeRole: "DIRECTOR", assigneeId: demoIds.staff("director"), nobody: false });
    expect(await db.prisma.task.count({ where: { dedupeKey: "repo-test/A" } })).toBe(1);
    await openTask({
      ...base,
      key: "B",
      kind: "SOCIAL_SERVICE_REFERRAL",
      assigneeRole: "DIRECTOR",
      dueAt: "2025-11-01T15:00:00Z",
    });
    await openTask({ ...base, key: "C", kind: "VIIS_ENTRY", assigneeRole: "DIRECTOR", dueAt: "2025-10-30T15:00:00Z" });

    await updateTask({ ...base, key: "C", state: "DONE", actorId: demoIds.staff("director") });
    await updateTask({ ...base, key: "C", state: "DONE", actorId: demoIds.staff("director") });
    const c = await db.prisma.task.findUniqueOrThrow({ where: { dedupeKey: "repo-test/C" } });
    expect(await db.prisma.auditLog.count({ where: { entityId: c.id, action: "TASK_DONE" } })).toBe(1);
    await updateTask({ ...base, key: "B", state: "OVERDUE" });

    // A municipal role is looked up in the municipality; the support team is a team, not a person.
    const handed = await updateTask({
      ...base,
      key: "A",
      state: "ESCALATED",
      escalationLevel: 1,
      assigneeRole: "MUNICIPAL_COORDINATOR",
    });
    expect(handed).toEqual({
      assigneeRole: "MUNICIPAL_COORDINATOR",
      assigneeId: demoIds.staff("municipal-coordinator"),
      nobody: false,
    });
    const team = await openTask({
      ...base,
      key: "T",
      kind: "CASE_INVESTIGATION",
      assigneeRole: "SUPPORT_TEAM",
      dueAt: "2025-11-05T15:00:00Z",
    });
    expect(team).toMatchObject({ assigneeRole: "SUPPORT_TEAM", assigneeId: null, nobody: false });
    // Stored as held by the body, not under some member's role.
    expect(
      await db.prisma.task.findFirstOrThrow({ where: { kind: "CASE_INVESTIGATION", dedupeKey: { endsWith: "/T" } } }),
    ).toMatchObject({ assigneeRole: null, assigneeBody: "SUPPORT_TEAM" });
    await expect(updateTask({ ...base, key: "never-opened", state: "DONE" })).rejects.toThrow(/never opened/);

    const { myWork } = await import("../../bot/core/my-work.js");
    const deps = { prisma: db.prisma } as unknown as Parameters<typeof myWork>[0];
    const actor = { staffId: demoIds.staff("director") } as unknown as Parameters<typeof myWork>[1];
    const work = await myWork(deps, actor);
    const mine = work.tasks.filter((t) => t.subjectRef === c.subjectRef);
    expect(mine.map((t) => [t.kind, t.state, t.dueAt.toISOString()])).toEqual([
      ["SOCIAL_SERVICE_REFERRAL", "OVERDUE", "2025-11-01T15:00:00.000Z"],
    ]);
    const coordinator = await myWork(deps, { staffId: demoIds.staff("municipal-coordinator") } as never);
    expect(coordinator.tasks.filter((t) => t.subjectRef === c.subjectRef)).toEqual([
      {
        kind: "VIIS_ENTRY",
        subjectRef: c.subjectRef,
        dueAt: new Date("2025-11-03T15:00:00Z"),
        state: "ESCALATED",
        legalPoint: "MK89_P7",
      },
    ]);
  });
});
