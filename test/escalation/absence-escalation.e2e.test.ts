// Virtual time starts on Thursday 16 October 2025, 09:00 in Riga, the week before the 2025 autumn holiday
// (20–24 Oct), so deadlines in school days can be seen to skip it. The test server reads this when it starts.
process.env.TEMPORAL_TEST_SERVER_START_TIME = "2025-10-16T06:00:00Z";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLearners, type DemoLearner } from "../../prisma/seed/demo-learners.js";
import { demoIds, demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { absenceStateQuery, absenceWorkflowId } from "../../workflows/absence-messages.js";
import { DEFAULT_ABSENCE_RULES } from "../../workflows/domain/absence-rules.js";
import { callText } from "../support/slack/fake-slack-api.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../support/slack/slack-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import { recordHistoryIfAsked } from "../replay/record-from-test.js";
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
const dmsTo = (staffKey: string, containing: string) =>
  harness()
    .slack.callsTo("chat.postMessage")
    .filter((c) => c.body.channel === demoSlackUserId(staffKey) && text(c).includes(containing));
const rigaTime = (isoLocal: string) => new Date(`${isoLocal}+02:00`).getTime();
const learners = demoLearners().filter((l) => l.schoolCode === "DEMO-VSK" && l.grade >= 1);
const pickLearner = (predicate: (l: DemoLearner) => boolean, skip = 0) => learners.filter(predicate)[skip]!;

const importAbsences = (learner: DemoLearner, days: AbsenceDay[]) =>
  importShared({ harness: harness(), temporal: temporal(), pool }, learner, days);

/** Lets virtual time run to a Riga wall-clock moment. */
async function sleepUntil(isoLocal: string) {
  const now = await temporal().env.currentTimeMs();
  await temporal().env.sleep(Math.max(1, rigaTime(isoLocal) - now));
}

async function settle() {
  await new Promise((r) => setTimeout(r, 400));
}

describe("absence escalation under MK 89", () => {
  it(
    "MK89_P6/P7/P7²: same-day contact, 20 lessons do not trigger, 21 do; the referral deadline skips the weekend and the autumn holiday",
    { timeout: 120_000 },
    async () => {
      const learner = pickLearner((l) => l.classLabel === "7.a" && l.careSetting === "FAMILY");
      await harness().withWorker(async () => {
        await importAbsences(learner, [
          ["2025-10-13", 6, "unknown"],
          ["2025-10-14", 6, "unknown"],
          ["2025-10-15", 6, "unknown"],
          ["2025-10-16", 2, "unknown"],
        ]);
        // MK89_P6: one same-day contact task per day with an unexplained absence, to the class teacher.
        await harness().slack.waitFor(() => dmsTo("class-teacher", learner.learnerCode).length === 4);
        expect(dmsTo("class-teacher", learner.learnerCode).map((c) => text(c))).toEqual(
          // The contacts the rule set lists for a family, by relation (contactsToReach), never by name.
          expect.arrayContaining([expect.stringContaining("māte")]),
        );
        // MK89_P7: 20 unexcused lessons are not "more than 20".
        await settle();
        expect(dmsTo("director", learner.learnerCode)).toHaveLength(0);

        await importAbsences(learner, [["2025-10-16", 3]]);
        const viis = await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("director") && text(c).includes(learner.learnerCode),
        );
        expect(text(viis)).toContain("21 neattaisnots kavējums"); // 21 takes the singular in Latvian
        expect(text(viis)).toContain("MK noteikumu Nr. 89 7. punkts");
        // MK89_P7_2: the municipal education specialist is informed (pseudonymous reference only).
        const informed = await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("education-specialist"),
        );
        expect(text(informed)).toContain("MK noteikumu Nr. 89 7.2. apakšpunkts");
        expect(text(informed)).not.toContain(learner.learnerCode);
        expect(dmsTo("class-teacher", learner.learnerCode)).toHaveLength(4);

        // The class teacher records the call for 16 October; the other three days stay open past the end of the day.
        const stepKey = "PARENT_CONTACT:2025-10-16";
        const clicked = await harness().blockAction("class-teacher", {
          type: "button",
          action_id: "absence_contacted_unjustified",
          value: JSON.stringify({ l: learner.id, s: stepKey }),
        });
        await harness().slack.waitFor(
          (c) =>
            c.method === "response_url" && c.body.responseId === clicked.responseId && text(c).includes("Atzīmēts"),
        );
        await sleepUntil("2025-10-16T17:30:00");
        await harness().slack.waitFor(() => dmsTo("school-coordinator", learner.learnerCode).length === 3);

        // MK89_P7 referral clock: 10 school days from Thu 16 Oct skip the weekends and the 20–24 Oct holiday → Thu 6 Nov.
        await sleepUntil("2025-11-05T12:00:00");
        await settle();
        expect(dmsTo("director", "sociālā dienesta")).toHaveLength(0);
        await sleepUntil("2025-11-06T17:30:00");
        const referral = await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("director") && text(c).includes("sociālā dienesta"),
        );
        expect(text(referral)).toContain("socialais.dienests@demo-novads.example");

        // The director records the e-signed document; the social service has 5 working days (to Thu 13 Nov) to acknowledge.
        await harness().blockAction("director", {
          type: "button",
          action_id: "absence_referral_sent_button",
          value: JSON.stringify({ l: learner.id, s: "SOCIAL_SERVICE_REFERRAL" }),
        });
        const form = await harness().slack.waitFor(
          (c) => c.method === "views.open" && text(c).includes("pmp_absence_step"),
        );
        const submitted = await harness().submitView(
          "director",
          {
            callback_id: "pmp_absence_step",
            private_metadata: (form.body.view as { private_metadata: string }).private_metadata,
          },
          {
            absence_text_block: { absence_text_input: { type: "plain_text_input", value: "Nr. 2025/11-42" } },
          },
        );
        expect(JSON.stringify(submitted.json)).toContain("Atzīmēts");
        const ack = await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("social-worker") && text(c).includes("apstipriniet saņemšanu"),
        );
        expect(text(ack)).toContain("13.11.2025");
        await sleepUntil("2025-11-13T18:00:00");
        const silence = await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("municipal-coordinator"),
        );
        expect(text(silence)).toContain("Nokavēts");

        const escalation = await harness().db.prisma.escalation.findFirstOrThrow({
          where: { learnerId: learner.id },
          select: {
            ruleVersion: true,
            steps: { select: { step: true, status: true } },
            referrals: { select: { status: true, documentRef: true } },
          },
        });
        expect(escalation.ruleVersion).toBe(1);
        expect(escalation.referrals).toEqual([{ status: "SENT", documentRef: "Nr. 2025/11-42" }]);
        expect(escalation.steps).toEqual(
          expect.arrayContaining([
            { step: "PARENT_CONTACT:2025-10-16", status: "DONE" },
            { step: "PARENT_CONTACT:2025-10-13", status: "OVERDUE" },
            { step: "SOCIAL_SERVICE_REFERRAL", status: "DONE" },
            { step: "REFERRAL_ACKNOWLEDGEMENT", status: "ESCALATED" },
          ]),
        );
        await recordHistoryIfAsked(temporal().client, absenceWorkflowId(learner.id), "absence-referral-escalated");
      });
    },
  );

  it(
    "MK89_P2: a child in out-of-family care — the contact goes to the guardian, shown only on request and audited",
    { timeout: 60_000 },
    async () => {
      const learner = pickLearner((l) => l.careSetting === "GUARDIANSHIP");
      await harness().withWorker(async () => {
        await importAbsences(learner, [["2025-11-13", 1, "unknown"]]);
        const task = await harness().slack.waitFor(
          (c) =>
            c.method === "chat.postMessage" && text(c).includes(learner.learnerCode) && text(c).includes("aizbildni"),
        );
        expect(text(task)).not.toContain(learner.contacts[0]!.name);
        const responsible = Object.entries({ "class-teacher": "7.a" }).some(([, cls]) => cls === learner.classLabel)
          ? "class-teacher"
          : "social-pedagogue";
        const shown = await harness().blockAction(responsible, {
          type: "button",
          action_id: "absence_contacts_button",
          value: JSON.stringify({ l: learner.id, s: "PARENT_CONTACT:2025-11-13" }),
        });
        const contacts = await harness().slack.waitFor(
          (c) => c.method === "response_url" && c.body.responseId === shown.responseId,
        );
        expect(contacts.body.response_type).toBe("ephemeral");
        expect(text(contacts)).toContain("aizbildnis");
        expect(text(contacts)).toContain(learner.contacts[0]!.phone);
        const audit = await harness().db.prisma.auditLog.findMany({
          where: { entityId: learner.id, action: "CONTACT_DATA_READ" },
          select: { actorId: true, purpose: true },
        });
        expect(audit).toEqual([{ actorId: demoIds.staff(responsible), purpose: "absence-parent-contact" }]);

        // Nobody else may open them.
        const teacher = await harness().blockAction("teacher", {
          type: "button",
          action_id: "absence_contacts_button",
          value: JSON.stringify({ l: learner.id, s: "PARENT_CONTACT:2025-11-13" }),
        });
        const refused = await harness().slack.waitFor(
          (c) => c.method === "response_url" && c.body.responseId === teacher.responseId,
        );
        expect(text(refused)).not.toContain(learner.contacts[0]!.phone);
        expect(
          await harness().db.prisma.auditLog.count({ where: { entityId: learner.id, action: "CONTACT_DATA_READ" } }),
        ).toBe(1);
      });
    },
  );

  it("a rule-set change does not alter running escalations; new ones use it", { timeout: 90_000 }, async () => {
    const running = pickLearner((l) => l.classLabel === "8.a" && l.careSetting === "FAMILY");
    const later = pickLearner((l) => l.classLabel === "8.b" && l.careSetting === "FAMILY");
    await harness().withWorker(async () => {
      await importAbsences(running, [
        ["2025-11-10", 6],
        ["2025-11-11", 6],
        ["2025-11-12", 6],
        ["2025-11-13", 4],
      ]);
      await harness().slack.waitFor(
        (c) => c.body.channel === demoSlackUserId("director") && text(c).includes(running.learnerCode),
      );
      // Version 2: stricter threshold (more than 5 lessons) and a referral after 2 school days.
      const v2 = {
        ...DEFAULT_ABSENCE_RULES,
        version: 2,
        effectiveFrom: "2025-09-01",
        thresholds: DEFAULT_ABSENCE_RULES.thresholds.map((r) =>
          r.id === "viis-entry-school" ? { ...r, moreThan: 5 } : r,
        ),
        socialServiceReferral: { ...DEFAULT_ABSENCE_RULES.socialServiceReferral, unresolvedAfterSchoolDays: 2 },
      };
      await harness().db.prisma.ruleSet.create({
        data: {
          municipalityId: demoIds.municipality(),
          kind: "ABSENCE_ESCALATION",
          version: 2,
          effectiveFrom: new Date("2025-09-01T00:00:00Z"),
          definition: v2,
        },
      });

      await importAbsences(running, [["2025-11-14", 2]]);
      await importAbsences(later, [["2025-11-14", 6]]);
      await harness().slack.waitFor(
        (c) => c.body.channel === demoSlackUserId("director") && text(c).includes(later.learnerCode),
      );
      // Four school days on: the new escalation (v2, 2 days) has referred; the running one (v1, 10 days) has not.
      await sleepUntil("2025-11-20T17:30:00");
      await harness().slack.waitFor(
        (c) =>
          c.body.channel === demoSlackUserId("director") &&
          text(c).includes(later.learnerCode) &&
          text(c).includes("sociālā dienesta"),
      );
      await settle();
      expect(dmsTo("director", running.learnerCode).filter((c) => text(c).includes("sociālā dienesta"))).toHaveLength(
        0,
      );
      const versions = await harness().db.prisma.escalation.findMany({
        where: { learnerId: { in: [running.id, later.id] } },
        select: { learnerId: true, ruleVersion: true },
      });
      expect(Object.fromEntries(versions.map((v) => [v.learnerId, v.ruleVersion]))).toEqual({
        [running.id]: 1,
        [later.id]: 2,
      });
      await harness()
        .db.prisma.ruleSet.deleteMany({ where: { version: 2 } })
        .catch(() => {});
    });
  });

  it(
    "a worker stopped mid-escalation and replaced resumes without a lost or doubled task",
    { timeout: 90_000 },
    async () => {
      await harness().db.prisma.escalation.deleteMany({ where: { ruleVersion: 2 } });
      await harness().db.prisma.ruleSet.deleteMany({ where: { version: 2 } });
      const learner = pickLearner((l) => l.classLabel === "9.a" && l.careSetting === "FAMILY");
      const first = await harness().createWorker();
      await first.runUntil(async () => {
        await importAbsences(learner, [
          ["2025-11-24", 6, "unknown"],
          ["2025-11-25", 6, "unknown"],
          ["2025-11-26", 6, "unknown"],
          ["2025-11-27", 6, "unknown"],
        ]);
        await harness().slack.waitFor(
          (c) => c.body.channel === demoSlackUserId("director") && text(c).includes(learner.learnerCode),
        );
      });
      expect(first.getState()).toBe("STOPPED");
      // Between workers the escalation waits on its timers in the server, not in any process.
      await harness().withWorker(async () => {
        await sleepUntil("2025-12-12T18:00:00");
        await harness().slack.waitFor(
          (c) =>
            c.body.channel === demoSlackUserId("director") &&
            text(c).includes(learner.learnerCode) &&
            text(c).includes("sociālā dienesta"),
        );
        await settle();
        const director = dmsTo("director", learner.learnerCode);
        expect(director.filter((c) => text(c).includes("VIIS"))).toHaveLength(1);
        expect(director.filter((c) => text(c).includes("sociālā dienesta"))).toHaveLength(1);
        expect(
          await harness().db.prisma.escalationStep.count({ where: { escalation: { learnerId: learner.id } } }),
        ).toBe(4 + 1 + 1);
      });
    },
  );

  it(
    "MK89_P7: the counter resets at the semester boundary (15 lessons in December and 10 in January do not trigger); semester 1 stays open for late data",
    { timeout: 90_000 },
    async () => {
      const learner = pickLearner((l) => l.classLabel === "10.a" && l.careSetting === "FAMILY");
      await harness().withWorker(async () => {
        await importAbsences(learner, [
          ["2025-12-15", 5],
          ["2025-12-16", 5],
          ["2025-12-17", 5],
        ]);
        await importAbsences(learner, [
          ["2026-01-06", 5, "unknown"],
          ["2026-01-07", 5, "unknown"],
        ]);
        await harness().slack.waitFor(
          () =>
            dmsTo("director", learner.learnerCode).length > 0 ||
            harness().slack.calls.some((c) => text(c).includes(learner.learnerCode) && text(c).includes("2026-01-07")),
        );
        const state = await temporal()
          .client.workflow.getHandle(absenceWorkflowId(learner.id))
          .query(absenceStateQuery);
        expect(state.measures).toMatchObject({ SEMESTER_UNEXCUSED_LESSONS: 10, YEAR_UNEXCUSED_LESSONS: 25 });
        expect(dmsTo("director", learner.learnerCode)).toHaveLength(0);
        const escalations = await harness().db.prisma.escalation.findMany({
          where: { learnerId: learner.id },
          select: { semester: true, status: true },
          orderBy: { semester: "asc" },
        });
        // Semester 1 closes only 10 school days after its end (late data), so both are open in early January.
        expect(escalations).toEqual([
          { semester: 1, status: "OPEN" },
          { semester: 2, status: "OPEN" },
        ]);
        expect(state.terms.map((t) => [t.term.semester, t.measures.SEMESTER_UNEXCUSED_LESSONS])).toEqual([
          [1, 15],
          [2, 10],
        ]);
        await recordHistoryIfAsked(temporal().client, absenceWorkflowId(learner.id), "absence-second-semester");
      });
    },
  );
});
