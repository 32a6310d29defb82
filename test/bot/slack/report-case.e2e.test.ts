import { describe, expect, it } from "vitest";
import { demoLearners } from "../../../prisma/seed/demo-learners.js";
import { demoIds } from "../../../prisma/seed/demo-municipality.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../../support/slack/slack-bot-harness.js";
import { useTemporalTestEnv } from "../../support/temporal-env.js";
import { callText } from "../../support/slack/fake-slack-api.js";
import { recordHistoryIfAsked } from "../../replay/record-from-test.js";
import { buttonIn } from "./find-button.js";
import { isDirectTo } from "./direct-message.js";

// End to end on loopback: signed Slack requests → real Bolt app → PostgreSQL → real Temporal worker and client
// on the project's test server → a local fake of the Slack Web API that captures every call.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);

const SUPPORT_CHANNEL = "C0DEMOSUP1";
const inClass = (label: string, n = 0) =>
  demoLearners().filter((l) => l.schoolCode === "DEMO-VSK" && l.classLabel === label)[n]!;
const text = callText;

/** Walks the two-step report form as a teacher would; returns the finished view's text. */
async function reportRisk(
  staffKey: string,
  learnerId: string,
  classValue: string,
  risks: Record<string, string>,
  viewId = `V${Math.random().toString(36).slice(2, 10)}`,
) {
  const since = Date.now();
  const opened = await harness().command(staffKey, "report");
  expect(opened.status).toBe(200);
  const open = await harness().slack.waitFor((c) => c.method === "views.open" && c.at >= since);
  expect(text(open)).toContain("pmp_report_step1");

  const picked = await harness().blockAction(
    staffKey,
    {
      type: "static_select",
      action_id: "pmp_field:class",
      block_id: "class_block",
      selected_option: { value: classValue },
    },
    {
      view: { id: viewId, hash: "h1", type: "modal", callback_id: "pmp_report_step1" },
      container: { type: "view", view_id: viewId },
    },
  );
  expect(picked.status).toBe(200);
  const updated = await harness().slack.waitFor((c) => c.method === "views.update" && c.body.view_id === viewId);
  expect(text(updated)).toContain(learnerId);

  const byGroup: Record<string, Array<{ value: string }>> = {};
  for (const code of Object.keys(risks)) (byGroup[code.charAt(0)] ??= []).push({ value: code });
  const step1 = await harness().submitView(
    staffKey,
    { id: viewId, callback_id: "pmp_report_step1" },
    {
      learner_block: { learner_select: { type: "static_select", selected_option: { value: learnerId } } },
      ...Object.fromEntries(
        Object.entries(byGroup).map(([g, options]) => [
          `risks_${g}_block`,
          { risks_select: { type: "multi_static_select", selected_options: options } },
        ]),
      ),
      low_attainment_block: { low_attainment_input: { type: "number_input", value: null } },
      other_block: { other_input: { type: "plain_text_input", value: null } },
      parents_block: { parents_radio: { type: "radio_buttons", selected_option: { value: "YES" } } },
    },
  );
  const step2View = step1.json as {
    response_action: string;
    view: { callback_id: string; private_metadata: string; blocks: unknown[] };
  };
  expect(step2View.response_action).toBe("update");
  expect(step2View.view.callback_id).toBe("pmp_report_step2");

  const submit = () =>
    harness().submitView(
      staffKey,
      {
        id: viewId,
        callback_id: "pmp_report_step2",
        private_metadata: step2View.view.private_metadata,
        blocks: step2View.view.blocks,
      },
      Object.fromEntries(
        Object.entries(risks).map(([code, value]) => [
          `freq_${code}_block`,
          { frequency_select: { type: "static_select", selected_option: { value } } },
        ]),
      ),
    );
  return { submit };
}

async function caseOf(learnerId: string) {
  return harness().db.prisma.case.findFirstOrThrow({
    where: { learnerId },
    orderBy: { openedAt: "desc" },
    select: {
      id: true,
      ref: true,
      status: true,
      caseManagerId: true,
      level: true,
      investigationDueAt: true,
      workflowId: true,
    },
  });
}

describe("risk report → case workflow in Slack", () => {
  it("report → triage → support channel → take → reminder → confirm → routed", { timeout: 120_000 }, async () => {
    await harness().withWorker(async () => {
      const learner = inClass("7.a");
      const form = await reportRisk("teacher", learner.id, `${demoIds.school("DEMO-VSK")}|7.a`, { A02: "2", D50: "1" });
      const done = await form.submit();
      const doneView = done.json as { response_action: string; view: { blocks: Array<{ text?: { text: string } }> } };
      expect(doneView.response_action).toBe("update");
      const kase = await caseOf(learner.id);
      expect(doneView.view.blocks[0]!.text!.text).toContain(kase.ref);

      // Triage: unjustified absences "often" is an immediate-intervention risk → targeted.
      const report = await harness().db.prisma.riskReport.findFirstOrThrow({
        where: { caseId: kase.id },
        select: { triage: true, parentsInformed: true, risks: { select: { riskCode: true, frequency: true } } },
      });
      expect(report.triage).toMatchObject({ level: "TARGETED", reasons: [{ code: "IMMEDIATE_RISK", risks: ["A02"] }] });
      expect(report.risks).toEqual(
        expect.arrayContaining([
          { riskCode: "A02", frequency: 2 },
          { riskCode: "D50", frequency: 1 },
        ]),
      );

      // The support team is told in its channel: reference, level, groups, action, and a "Take the case" button.
      const card = await harness().slack.waitFor(
        (c) => c.method === "chat.postMessage" && c.body.channel === SUPPORT_CHANNEL && text(c).includes(kase.ref),
      );
      const take = buttonIn(card, (i) => i.kind === "TAKE_CASE" && i.caseId === kase.id);
      expect(text(card)).toContain("mērķtiecīgais");
      expect(text(card)).toContain("Skolas vides riski");
      expect(text(card)).not.toContain(learner.learnerCode);

      // The psychologist takes it; the card changes for everyone and the manager gets the decision buttons.
      await harness().blockAction("psychologist", { type: "button", action_id: take.action_id, value: take.value });
      await harness().slack.waitFor((c) => c.method === "chat.update" && text(c).includes("Inese Grava"));
      const managerDm = await harness().slack.waitFor(
        (c) => c.method === "chat.postMessage" && isDirectTo(c, "psychologist"),
      );
      const confirm = buttonIn(
        managerDm,
        (i) => i.kind === "OPEN_DECISION" && i.caseId === kase.id && i.decision === "CONFIRM",
      );
      expect((await caseOf(learner.id)).caseManagerId).toBe(demoIds.staff("psychologist"));

      // A colleague clicking later is told privately who took it.
      const late = await harness().blockAction("social-pedagogue", {
        type: "button",
        action_id: take.action_id,
        value: take.value,
      });
      const lateAnswer = await harness().slack.waitFor(
        (c) => c.method === "response_url" && c.body.responseId === late.responseId,
      );
      expect(text(lateAnswer)).toContain("jau pārņēma Inese Grava");

      // The reminder goes out one school day before the investigation deadline.
      const dueAt = (await caseOf(learner.id)).investigationDueAt!;
      // The reminder is due at the end of the previous school day: at least 24 h before the deadline.
      const reminderDue = dueAt.getTime() - 23 * 3_600_000;
      await temporal().env.sleep(Math.max(1, reminderDue - (await temporal().env.currentTimeMs())));
      await harness().slack.waitFor(
        (c) => c.method === "chat.postMessage" && isDirectTo(c, "psychologist") && text(c).includes("Atgādinājums"),
      );
      expect(harness().slack.calls.filter((c) => text(c).includes("nokavēts"))).toEqual([]);

      // Confirm: the decision form, then routing by level (targeted → support team, IAP needed).
      await harness().blockAction("psychologist", {
        type: "button",
        action_id: confirm.action_id,
        value: confirm.value,
      });
      const form2 = await harness().slack.waitFor((c) => c.method === "views.open" && text(c).includes("pmp_decide"));
      const meta = (form2.body.view as { private_metadata: string }).private_metadata;
      const decided = await harness().submitView(
        "psychologist",
        { callback_id: "pmp_decide", private_metadata: meta },
        {
          intensity_block: { intensity_select: { type: "static_select", selected_option: { value: "2" } } },
          level_block: { level_select: { type: "static_select", selected_option: { value: "TARGETED" } } },
        },
      );
      expect(JSON.stringify(decided.json)).toContain("Lēmums reģistrēts");
      await harness().slack.waitFor(
        (c) =>
          c.method === "chat.postMessage" &&
          c.body.channel === SUPPORT_CHANNEL &&
          text(c).includes("individuālais atbalsta plāns"),
      );
      // The teacher who reported learns the outcome only as far as a teacher may: no level, no details.
      const outcome = await harness().slack.waitFor((c) => c.method === "chat.postMessage" && isDirectTo(c, "teacher"));
      expect(text(outcome)).toContain("atbalsts tiek organizēts");
      expect(text(outcome)).not.toContain("mērķtiecīgais");

      const confirmed = await caseOf(learner.id);
      expect(confirmed).toMatchObject({ status: "CONFIRMED", level: "TARGETED" });
      expect(await harness().db.prisma.iap.count({ where: { caseId: kase.id, status: "DRAFT" } })).toBe(1);
      await recordHistoryIfAsked(temporal().client, kase.workflowId, "case-confirmed-targeted");
    });
  });

  it(
    "timeout path: nobody takes the case, the deadline passes, the school coordinator is alerted",
    { timeout: 120_000 },
    async () => {
      await harness().withWorker(async () => {
        const learner = inClass("7.a", 1);
        await (
          await reportRisk("class-teacher", learner.id, `${demoIds.school("DEMO-VSK")}|7.a`, { A07: "1" })
        ).submit();
        const kase = await caseOf(learner.id);
        await harness().slack.waitFor(
          (c) => c.method === "chat.postMessage" && c.body.channel === SUPPORT_CHANNEL && text(c).includes(kase.ref),
        );
        await temporal().env.sleep("10 days");
        const alert = await harness().slack.waitFor(
          (c) => c.method === "chat.postMessage" && isDirectTo(c, "school-coordinator") && text(c).includes(kase.ref),
        );
        expect(text(alert)).toContain("nokavēts");
        await harness().slack.waitFor(
          (c) => c.method === "chat.postMessage" && c.body.channel === "C0DEMOSUP1C" && text(c).includes(kase.ref),
        );
        await recordHistoryIfAsked(temporal().client, kase.workflowId, "case-investigation-overdue");
      });
    },
  );
});
