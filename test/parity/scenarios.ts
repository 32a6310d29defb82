import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAbsenceDispatcher } from "../../bot/ingest/absence-dispatch.js";
import { createAbsenceImporter } from "../../prisma/absences/importer.js";
import { demoLearners, type DemoLearner } from "../../prisma/seed/demo-learners.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import type { TemporalTestEnv } from "../support/temporal-env.js";
import type { Surface } from "./surface.js";

// The shared conversation scenarios, run on every surface with the same steps and the same assertions: what a
// person sees (texts, buttons by intent) and what the database and the workflows hold afterwards. Each surface
// file starts its own bot, worker and database; only the surface driver differs.

const SUPPORT_CHANNEL = "C0DEMOSUP1";
const CLASS_7A = `${demoIds.school("DEMO-VSK")}|7.a`;
const inClass = (label: string, n = 0) =>
  demoLearners().filter((l) => l.schoolCode === "DEMO-VSK" && l.classLabel === label)[n]!;

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 600));
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A learner's absences through the real importer, then the dispatch to the workflows (as the bot's sweep does). */
async function importAbsences(
  surface: Surface,
  temporal: TemporalTestEnv,
  pool: pg.Pool,
  learner: DemoLearner,
  days: Array<[date: string, lessons: number, justified: "yes" | "no" | "unknown"]>,
) {
  const records = days.flatMap(([date, lessons, justified]) =>
    Array.from({ length: lessons }, (_, i) => ({
      learner_code: learner.learnerCode,
      date,
      lesson: String(i + 1),
      subject: "Matemātika",
      reason: null,
      justified,
    })),
  );
  const result = await createAbsenceImporter({ prisma: surface.db.prisma, pool }).importRecords(records, {
    scope: { schoolCode: learner.schoolCode },
    label: "parity",
  });
  expect(result.rejected).toBe(0);
  await createAbsenceDispatcher({
    prisma: surface.db.prisma,
    temporal: temporal.client,
    taskQueue: surface.taskQueue,
  }).dispatchPending();
}

export function paritySuite(surface: () => Surface, temporal: () => TemporalTestEnv): void {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: surface().db.url, max: 2 });
  });
  afterAll(async () => {
    expect(surface().leaks()).toEqual([]);
    await pool?.end();
  });

  const caseOf = (learnerId: string) =>
    surface().db.prisma.case.findFirstOrThrow({
      where: { learnerId },
      orderBy: { openedAt: "desc" },
      select: { id: true, ref: true, status: true, caseManagerId: true, level: true, investigationDueAt: true },
    });

  describe("parity scenarios", () => {
    it(
      "absence task: the class teacher records the parent contact once; nobody else may",
      { timeout: 90_000 },
      async () => {
        const s = surface();
        const learner = demoLearners().find(
          (l) => l.schoolCode === "DEMO-VSK" && l.classLabel === "7.a" && l.careSetting === "FAMILY",
        )!;
        await s.withWorker(async () => {
          await importAbsences(s, temporal(), pool, learner, [["2025-10-16", 2, "unknown"]]);
          const task = await s.waitForDirect("class-teacher", learner.learnerCode);
          const record = (i: { kind: string; outcome?: string }) =>
            i.kind === "RECORD_PARENT_CONTACT" && i.outcome === "UNJUSTIFIED";
          expect(task.intents.some(record)).toBe(true);

          // The button is not hidden from anybody: the server refuses whoever is not the task's holder.
          const refused = await s.click("teacher", task, record);
          expect(refused.text).toContain("nav tiesību");
          const openTasks = () =>
            s.db.prisma.task.count({ where: { subjectId: learner.id, state: "OPEN", kind: { contains: "PARENT" } } });
          const before = await openTasks();
          expect(before).toBeGreaterThan(0);
          const recorded = await s.click("class-teacher", task, record);
          expect(recorded.text).toContain("Atzīmēts");
          await waitUntil(async () => (await openTasks()) === before - 1);
          // A double click (or a retried invoke) is the same update: carried out once, answered alike.
          const again = await s.click("class-teacher", task, record);
          expect(again.text).toContain("Atzīmēts");
          await settle();
          expect(await openTasks()).toBe(before - 1);
          expect(await s.db.prisma.task.count({ where: { subjectId: learner.id, state: { not: "OPEN" } } })).toBe(1);
        });
      },
    );

    it(
      "report → triage → take → reminder → confirm; refusals of clicks by the wrong person",
      { timeout: 150_000 },
      async () => {
        const s = surface();
        await s.withWorker(async () => {
          const learner = inClass("7.a", 2);
          const step1 = await s.openReport("teacher");
          expect(step1.formId).toBe("report_step1");
          const withLearners = await s.changeField("teacher", step1, "class", CLASS_7A);
          expect(withLearners.text).toContain(learner.learnerCode);
          const next = await s.submit("teacher", withLearners, {
            class: CLASS_7A,
            learner: learner.id,
            risks_A: ["A02"],
            risks_D: ["D50"],
            parents: "YES",
          });
          expect(next.form?.formId).toBe("report_step2");
          const done = await s.submit("teacher", next.form!, { freq_A02: "2", freq_D50: "1" });
          expect(done.form).toBeNull();
          const kase = await caseOf(learner.id);
          expect(done.text).toContain(kase.ref);

          // Triage: unjustified absences "often" is an immediate-intervention risk → targeted.
          const report = await s.db.prisma.riskReport.findFirstOrThrow({
            where: { caseId: kase.id },
            select: { triage: true },
          });
          expect(report.triage).toMatchObject({
            level: "TARGETED",
            reasons: [{ code: "IMMEDIATE_RISK", risks: ["A02"] }],
          });

          const card = await s.waitForChannel(SUPPORT_CHANNEL, kase.ref);
          expect(card.intents).toContainEqual({ kind: "TAKE_CASE", caseId: kase.id });
          expect(card.text).toContain("mērķtiecīgais");
          expect(card.text).not.toContain(learner.learnerCode);
          const take = (i: { kind: string }) => i.kind === "TAKE_CASE";

          // A teacher is not on the support team: refused, and the case stays untaken.
          const notTeam = await s.click("teacher", card, take);
          expect(notTeam.text).toContain("nav tiesību");
          expect((await caseOf(learner.id)).caseManagerId).toBeNull();

          await s.click("psychologist", card, take);
          await s.waitForUpdate("Inese Grava");
          const managerDm = await s.waitForDirect("psychologist", kase.ref);
          const confirm = (i: { kind: string; decision?: string }) =>
            i.kind === "OPEN_DECISION" && i.decision === "CONFIRM";
          expect(managerDm.intents.some(confirm)).toBe(true);
          expect((await caseOf(learner.id)).caseManagerId).toBe(demoIds.staff("psychologist"));

          // The taker's second click changes nothing and sends nothing twice.
          await s.click("psychologist", card, take);
          await settle();
          expect(s.directCount("psychologist", kase.ref)).toBe(1);

          const late = await s.click("social-pedagogue", card, take);
          expect(late.text).toContain("jau pārņēma Inese Grava");
          // Only the case manager decides, whoever gets hold of the button.
          const notManager = await s.click("social-pedagogue", managerDm, confirm);
          expect(notManager.form).toBeNull();
          expect(notManager.text).toContain("nav tiesību");

          // The proactive reminder, one school day before the investigation deadline.
          const dueAt = (await caseOf(learner.id)).investigationDueAt!;
          const reminderDue = dueAt.getTime() - 23 * 3_600_000;
          await temporal().env.sleep(Math.max(1, reminderDue - (await temporal().env.currentTimeMs())));
          await s.waitForDirect("psychologist", "Atgādinājums");

          const opened = await s.click("psychologist", managerDm, confirm);
          expect(opened.form?.formId).toBe("decide");
          const decided = await s.submit("psychologist", opened.form!, { intensity: "2", level: "TARGETED" });
          expect(decided.text).toContain("Lēmums reģistrēts");
          await s.waitForChannel(SUPPORT_CHANNEL, "individuālais atbalsta plāns");
          const outcome = await s.waitForDirect("teacher", "atbalsts tiek organizēts");
          expect(outcome.text).not.toContain("mērķtiecīgais");
          expect(await caseOf(learner.id)).toMatchObject({ status: "CONFIRMED", level: "TARGETED" });
          expect(await s.db.prisma.iap.count({ where: { caseId: kase.id, status: "DRAFT" } })).toBe(1);
        });
      },
    );
  });
}
