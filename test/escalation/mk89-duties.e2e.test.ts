// Virtual time starts on Monday 22 December 2025, 08:00 in Riga: the winter break right after semester 1 ended
// (Fri 19 Dec), when nightly exports and late entries still bring that semester's absences.
process.env.TEMPORAL_TEST_SERVER_START_TIME = "2025-12-22T06:00:00Z";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeAbsenceStep } from "../../bot/core/absence-actions.js";
import { resolveActor } from "../../bot/core/actor.js";
import { updateFailureType } from "../../bot/core/update-failure.js";
import { demoLearners, type DemoLearner } from "../../prisma/seed/demo-learners.js";
import { DEMO, demoIds, demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { absenceStateQuery, absenceWorkflowId, completeStepUpdate } from "../../workflows/absence-messages.js";
import { callText } from "../support/slack/fake-slack-api.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../support/slack/slack-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import { importAbsences as importShared, type AbsenceDay } from "./import-absences.js";

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: harness().db.url, max: 3 });
});
afterAll(async () => {
  await pool?.end();
});

const text = callText;
const learners = demoLearners().filter((l) => l.schoolCode === "DEMO-VSK" && l.grade >= 1);
const family = learners.filter((l) => l.careSetting === "FAMILY");
const importAbsences = (learner: DemoLearner, days: AbsenceDay[]) =>
  importShared({ harness: harness(), temporal: temporal(), pool }, learner, days);
const messagesAbout = (learner: DemoLearner, containing: string) =>
  harness()
    .slack.callsTo("chat.postMessage")
    .filter((c) => text(c).includes(learner.learnerCode) && text(c).includes(containing));
const tasksOf = (learner: DemoLearner) =>
  harness().db.prisma.task.findMany({
    where: { subjectId: learner.id },
    select: { kind: true, dedupeKey: true, state: true, assigneeRole: true },
    orderBy: { dedupeKey: "asc" },
  });
const until = async <T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
const rigaTime = (isoLocal: string) => new Date(`${isoLocal}+02:00`).getTime();
async function sleepUntil(isoLocal: string) {
  const now = await temporal().env.currentTimeMs();
  await temporal().env.sleep(Math.max(1, rigaTime(isoLocal) - now));
}
const settle = () => new Promise((r) => setTimeout(r, 500));
const SEMESTER_1 = "/2025/26-1/";

describe("MK 89 duties that are never missed", () => {
  const late = family[0]!;
  const running = family[1]!;

  it(
    "MK89_P7 (late data, semester change): an ended semester's absences imported in the break raise its duties, with or without a running escalation; its open VIIS entry and referral clock carry into semester 2; an old step's click is recorded, an unknown step is an error",
    { timeout: 240_000 },
    async () => {
      await harness().withWorker(async () => {
        // No escalation yet: 21 lessons of semester 1 arrive on 22 December.
        await importAbsences(late, [
          ["2025-12-15", 6, "unknown"],
          ["2025-12-16", 6, "unknown"],
          ["2025-12-17", 6, "unknown"],
          ["2025-12-18", 3, "unknown"],
        ]);
        // An escalation already running: the same count arrives in two imports.
        await importAbsences(running, [["2025-12-15", 10, "no"]]);
        await importAbsences(running, [
          ["2025-12-17", 6, "no"],
          ["2025-12-18", 5, "no"],
        ]);
        for (const learner of [late, running]) {
          const tasks = await until(
            "the VIIS entry",
            () => tasksOf(learner),
            (rows) => rows.some((r) => r.kind === "VIIS_ENTRY"),
          );
          expect(tasks.find((r) => r.kind === "VIIS_ENTRY")?.dedupeKey).toContain(
            `${SEMESTER_1}VIIS_ENTRY:viis-entry-school`,
          );
        }
        // MK89_P6: same-day contact only for unknown reasons; the day older than 3 school days rolls into a catch-up.
        const lateTasks = await until(
          "the contact tasks",
          () => tasksOf(late),
          (rows) => rows.length >= 5,
        );
        expect(lateTasks.filter((r) => r.kind === "PARENT_CONTACT").map((r) => r.dedupeKey.split("/").at(-1))).toEqual([
          "PARENT_CONTACT:2025-12-16",
          "PARENT_CONTACT:2025-12-17",
          "PARENT_CONTACT:2025-12-18",
        ]);
        expect(
          lateTasks.filter((r) => r.kind === "CATCH_UP_CONTACT").map((r) => r.dedupeKey.split("/").at(-1)),
        ).toEqual(["CATCH_UP_CONTACT:2025-12-15"]);
        // MK89_P6: unjustified days need no call to learn the reason.
        expect((await tasksOf(running)).filter((r) => r.kind.endsWith("CONTACT"))).toEqual([]);
        await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("director") && text(c).includes(running.learnerCode),
        );

        // MK89_P7 (semester change): the open VIIS entry and the referral clock carry into semester 2.
        await sleepUntil("2026-01-07T10:00:00");
        await importAbsences(late, [["2026-01-06", 2, "no"]]);
        const handle = temporal().client.workflow.getHandle(absenceWorkflowId(late.id));
        const state = await until(
          "both semesters",
          () => handle.query(absenceStateQuery),
          (s) => s.terms.length === 2,
        );
        expect(state.terms.map((t) => [t.term.semester, t.measures.SEMESTER_UNEXCUSED_LESSONS])).toEqual([
          [1, 21],
          [2, 2],
        ]);

        // The director records semester 1's VIIS entry in January: recorded on semester 1's task.
        await handle.executeUpdate(completeStepUpdate, {
          args: [
            {
              kind: "VIIS_ENTERED",
              stepKey: "VIIS_ENTRY:viis-entry-school",
              staffId: demoIds.staff("director"),
              remedialAction: "saruna",
            },
          ],
        });
        const viis = (await tasksOf(late)).find((r) => r.kind === "VIIS_ENTRY")!;
        expect(viis).toMatchObject({ state: "DONE" });
        expect(viis.dedupeKey).toContain(SEMESTER_1);

        // A step no semester ever had is an error, never "already done".
        const unknown = await handle
          .executeUpdate(completeStepUpdate, {
            args: [
              { kind: "PARENTS_CONTACTED", stepKey: "PARENT_CONTACT:2020-01-01", staffId: "x", outcome: "JUSTIFIED" },
            ],
          })
          .then(
            () => null,
            (error: unknown) => error,
          );
        expect(updateFailureType(unknown)).toBe("UNKNOWN_STEP");
        // The same click through the bot's use case is answered as an unknown task, not as "already done".
        const pedagogue = await resolveActor(harness().db.prisma, {
          platform: "SLACK",
          workspaceId: DEMO.slackWorkspaceId,
          userId: demoSlackUserId("social-pedagogue"),
        });
        const clicked = await completeAbsenceStep(harness().core, {
          actor: pedagogue!,
          learnerId: late.id,
          action: { kind: "PARENTS_CONTACTED", stepKey: "PARENT_CONTACT:2020-01-01", outcome: "JUSTIFIED" },
        });
        expect(clicked).toEqual({ kind: "UNKNOWN_STEP" });

        // The referral clock started on 22 Dec: 10 school days of semester 2 later (Fri 16 Jan) the referral opens.
        await sleepUntil("2026-01-16T18:00:00");
        const referral = await until(
          "the referral",
          () => tasksOf(late),
          (rows) => rows.some((r) => r.kind === "SOCIAL_SERVICE_REFERRAL"),
        );
        expect(referral.find((r) => r.kind === "SOCIAL_SERVICE_REFERRAL")?.dedupeKey).toContain(SEMESTER_1);
        const escalations = await harness().db.prisma.escalation.findMany({
          where: { learnerId: late.id },
          select: { semester: true, status: true },
          orderBy: { semester: "asc" },
        });
        expect(escalations).toEqual([
          { semester: 1, status: "OPEN" },
          { semester: 2, status: "OPEN" },
        ]);
      });
    },
  );

  it(
    "MK89_P7 (case pipeline, correction): a crossing adds risk A02 to a case; a count brought back to 20 stops the referral clock, cancels the cleared day's contact and annotates the VIIS entry",
    { timeout: 120_000 },
    async () => {
      const learner = family[2]!;
      await harness().withWorker(async () => {
        await sleepUntil("2026-01-22T10:00:00");
        await importAbsences(learner, [
          ["2026-01-19", 6, "unknown"],
          ["2026-01-20", 6, "unknown"],
          ["2026-01-21", 6, "unknown"],
          ["2026-01-22", 3, "unknown"],
        ]);
        await until(
          "the VIIS entry",
          () => tasksOf(learner),
          (rows) => rows.some((r) => r.kind === "VIIS_ENTRY"),
        );
        const handle = temporal().client.workflow.getHandle(absenceWorkflowId(learner.id));
        await until(
          "the referral clock",
          () => handle.query(absenceStateQuery),
          (s) => s.referralClockFrom === "2026-01-22",
        );

        // MK89_P7 in the case pipeline: risk A02 in a case opened for the learner, its workflow started.
        const report = await until(
          "the A02 report",
          () =>
            harness().db.prisma.riskReport.findFirst({
              where: { learnerId: learner.id },
              select: { risks: { select: { riskCode: true } }, case: { select: { workflowId: true } } },
            }),
          (row) => row !== null,
        );
        expect(report!.risks.map((r) => r.riskCode)).toEqual(["A02"]);
        const caseRun = await temporal().client.workflow.getHandle(report!.case.workflowId).describe();
        expect(caseRun.status.name).toBe("RUNNING");

        await importAbsences(learner, [["2026-01-22", 3, "yes"]]);
        // The clock stops once the corrected count (18) is handled; it never reaches the referral.
        await until(
          "the correction",
          () => handle.query(absenceStateQuery),
          (s) => s.measures.SEMESTER_UNEXCUSED_LESSONS === 18 && s.referralClockFrom === null,
        );
        const tasks = await until(
          "the cancelled contact",
          () => tasksOf(learner),
          (rows) => rows.some((r) => r.state === "CANCELLED"),
        );
        expect(tasks.filter((r) => r.state === "CANCELLED").map((r) => r.dedupeKey.split("/").at(-1))).toEqual([
          "PARENT_CONTACT:2026-01-22",
        ]);
        // The duty to enter stands: the VIIS task is still open and its holder sees the new count.
        expect(tasks.find((r) => r.kind === "VIIS_ENTRY")?.state).toBe("OPEN");
        await harness().slack.waitFor(
          (c) =>
            c.body.channel === demoSlackUserId("director") &&
            text(c).includes(learner.learnerCode) &&
            text(c).includes("Labojums"),
        );
      });
    },
  );

  it(
    "MK89_P2 / adults / MK 89 p.3 / residence: contact tasks name whom the rule set lists; the court, the coordinator and the declared municipality hear",
    { timeout: 120_000 },
    async () => {
      const prisma = harness().db.prisma;
      const inCare = learners.find((l) => l.careSetting === "CARE_INSTITUTION")!;
      const adult = family[3]!;
      const noContacts = family[4]!;
      const excluded = family[5]!;
      const elsewhere = family[6]!;
      await prisma.learner.update({ where: { id: adult.id }, data: { adultFrom: new Date("2025-06-01T00:00:00Z") } });
      // Placed in a care institution, with only the birth parents on file (what "Show contacts" used to list).
      await prisma.learner.update({ where: { id: noContacts.id }, data: { careSetting: "CARE_INSTITUTION" } });
      // MK 89 p.3: the learner's current enrolment is in a programme the regulation does not cover.
      await prisma.enrolment.updateMany({ where: { learnerId: excluded.id }, data: { mk89Excluded: true } });
      await prisma.learner.update({ where: { id: elsewhere.id }, data: { declaredMunicipalityCode: "NOWHERE-99" } });

      await harness().withWorker(async () => {
        await sleepUntil("2026-01-26T09:00:00");
        for (const learner of [inCare, adult, noContacts])
          await importAbsences(learner, [["2026-01-26", 1, "unknown"]]);
        const twentyOne: AbsenceDay[] = [
          ["2026-01-26", 7, "no"],
          ["2026-01-27", 7, "no"],
          ["2026-01-28", 7, "no"],
        ];
        await sleepUntil("2026-01-28T10:00:00");
        await importAbsences(excluded, twentyOne);
        await importAbsences(elsewhere, twentyOne);

        // MK89_P2: the institution head only, never the birth mother; the orphan's court is informed.
        const careTask = await harness().slack.waitFor(
          (c) => text(c).includes(inCare.learnerCode) && text(c).includes("aprūpes iestādes vadītājs"),
        );
        expect(text(careTask)).not.toContain("māte");
        expect(text(careTask)).toContain("MK noteikumu Nr. 89 2. punkts");
        await harness().slack.waitFor((c) => c.body.channel === demoSlackUserId("orphans-court"));
        // Adult: the learner in person (the parents gave no recorded consent).
        const adultTask = await harness().slack.waitFor(
          (c) => text(c).includes(adult.learnerCode) && text(c).includes("izglītojamais pats"),
        );
        expect(text(adultTask)).not.toMatch(/māte|tēvs/);
        // Nobody the rule set lists is on file: the task says so (never naming the birth parents), the school
        // coordinator is alerted.
        const none = await harness().slack.waitFor(
          (c) => text(c).includes(noContacts.learnerCode) && text(c).includes("Nav reģistrēta neviena kontaktpersona"),
        );
        expect(text(none)).not.toMatch(/māte|tēvs/);
        await harness().slack.waitFor(
          (c) =>
            c.body.channel === demoSlackUserId("school-coordinator") &&
            text(c).includes(noContacts.learnerCode) &&
            text(c).includes("nav reģistrēta kontaktpersona"),
        );
        // Declared in an unknown municipality: the municipal coordinator is alerted; the VIIS duty still stands.
        await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("municipal-coordinator") && text(c).includes("NOWHERE-99"),
        );
        await until(
          "the routed VIIS entry",
          () => tasksOf(elsewhere),
          (rows) => rows.some((r) => r.kind === "VIIS_ENTRY"),
        );
        // MK 89 p.3: an excluded programme is counted, never escalated.
        await settle();
        const handle = temporal().client.workflow.getHandle(absenceWorkflowId(excluded.id));
        expect((await handle.query(absenceStateQuery)).measures.SEMESTER_UNEXCUSED_LESSONS).toBe(21);
        expect(await tasksOf(excluded)).toEqual([]);
        expect(messagesAbout(excluded, "VIIS")).toEqual([]);
      });
    },
  );
});
