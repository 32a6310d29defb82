import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeIntent, type Intent } from "../../../bot/core/messages/intents.js";
import { demoLearners } from "../../../prisma/seed/demo-learners.js";
import { resolveActor } from "../../../bot/core/actor.js";
import { submitRiskReport } from "../../../bot/core/report-risk.js";
import { demoSlackUserId } from "../../../prisma/seed/demo-municipality.js";
import { interactionBody, postToSlackEndpoint } from "../../support/slack/signed-requests.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../../support/slack/slack-bot-harness.js";
import { useTemporalTestEnv } from "../../support/temporal-env.js";

// Buttons over real HTTP: every click is routed by the intent it carries (one action-id pattern), the clicker is
// resolved once by the middleware, the core decides, and the answer comes back privately or as a form.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);

const learner = demoLearners().find((l) => l.schoolCode === "DEMO-VSK" && l.classLabel === "7.a")!;
const step = { learnerId: learner.id, stepKey: "2025/26:1:PARENT_CONTACT:2025-10-06" };

async function click(staffKey: string, button: { action_id: string; value: string }) {
  const clicked = await harness().blockAction(staffKey, { type: "button", ...button });
  expect(clicked.status).toBe(200);
  return clicked;
}
const intentButton = (intent: Intent, index = 0) => ({
  action_id: `pmp_intent:${intent.kind}:${index}`,
  value: encodeIntent(intent),
});
async function privateAnswer(responseId: string) {
  const answer = await harness().slack.waitFor((c) => c.method === "response_url" && c.body.responseId === responseId);
  expect(answer.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
  return JSON.stringify(answer.body);
}
const contactReads = () =>
  harness().db.prisma.auditLog.count({ where: { entityType: "Learner", entityId: learner.id } });

describe("intent buttons", () => {
  it("'Show contacts' answers the class teacher privately, audited; a teacher without the role is refused", async () => {
    const before = await contactReads();
    const shown = await click("class-teacher", intentButton({ kind: "SHOW_CONTACTS", ...step }, 3));
    const answer = await privateAnswer(shown.responseId);
    expect(answer).toContain("Kontakti (skatījums reģistrēts):");
    for (const contact of learner.contacts) expect(answer).toContain(contact.phone);
    expect(await contactReads()).toBe(before + 1);

    const refused = await click("teacher", intentButton({ kind: "SHOW_CONTACTS", ...step }));
    expect(await privateAnswer(refused.responseId)).toContain("Jums nav tiesību veikt šo darbību.");
    expect(await contactReads()).toBe(before + 1);
  });

  it("a button of an older message (its own action id, the step as {l, s}) still shows the contacts", async () => {
    const before = await contactReads();
    const shown = await click("class-teacher", {
      action_id: "absence_contacts_button",
      value: JSON.stringify({ l: step.learnerId, s: step.stepKey }),
    });
    expect(await privateAnswer(shown.responseId)).toContain("Kontakti (skatījums reģistrēts):");
    expect(await contactReads()).toBe(before + 1);
  });

  it("a forged or unknown intent is answered 'something went wrong' and does nothing", async () => {
    const before = await harness().db.prisma.auditLog.count();
    for (const value of [
      JSON.stringify({ kind: "SHOW_CONTACTS", learnerId: learner.id }),
      JSON.stringify({ kind: "DELETE_CASE", caseId: "x" }),
      "not json",
    ]) {
      const forged = await click("director", { action_id: "pmp_intent:SHOW_CONTACTS:0", value });
      expect(await privateAnswer(forged.responseId)).toContain("Radās kļūda; nekas netika zaudēts.");
    }
    expect(await harness().db.prisma.auditLog.count()).toBe(before);
  });

  it("'Entered in VIIS' opens the step's text form, carrying the learner, the step and the kind", async () => {
    const since = Date.now();
    await click("director", intentButton({ kind: "OPEN_STEP_FORM", ...step, form: "VIIS_ENTERED" }, 1));
    const opened = await harness().slack.waitFor((c) => c.method === "views.open" && c.at >= since);
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("pmp_absence_step");
    expect(JSON.parse(view.private_metadata)).toEqual({ ...step, kind: "VIIS_ENTERED" });
  });

  it("'Confirm' on a case the clicker may not decide is refused privately, without opening a form", async () => {
    const reporter = await resolveActor(harness().db.prisma, {
      platform: "SLACK",
      workspaceId: "T0DEMO0001",
      userId: demoSlackUserId("class-teacher"),
    });
    const reported = await submitRiskReport(harness().core, {
      actor: reporter!,
      idempotencyKey: "intent-buttons-case",
      submission: { learnerId: learner.id, answers: [{ code: "A02", frequency: 2 }], parentsInformed: "YES" },
    });
    if (reported.kind !== "REGISTERED") throw new Error("report refused");
    const since = Date.now();
    // A teacher may report, not decide; a case id that is no case gets the same answer (nothing to probe).
    for (const caseId of [reported.caseId, randomUUID()]) {
      const refused = await click("teacher", intentButton({ kind: "OPEN_DECISION", caseId, decision: "CONFIRM" }));
      expect(await privateAnswer(refused.responseId)).toContain("Jums nav tiesību veikt šo darbību.");
    }
    expect(harness().slack.calls.filter((c) => c.method === "views.open" && c.at >= since)).toEqual([]);
  });

  it("someone not registered is told so, whatever the button", async () => {
    const responseId = "stranger-click";
    const response = await postToSlackEndpoint(
      harness().endpoint,
      interactionBody({
        type: "block_actions",
        team: { id: "T0DEMO0001", domain: "demo" },
        user: { id: "U0STRANGER", team_id: "T0DEMO0001" },
        api_app_id: "A0PMPBOT",
        token: "legacy",
        trigger_id: "trigger-stranger",
        response_url: harness().slack.responseUrl(responseId),
        container: { type: "message" },
        actions: [
          { type: "button", ...intentButton({ kind: "SHOW_CONTACTS", ...step }), block_id: "b", action_ts: "1" },
        ],
      }),
    );
    expect(response.status).toBe(200);
    expect(await privateAnswer(responseId)).toContain("neesat reģistrēts");
  });

  it("a form submitted by someone not registered gets the refusal next to its first field, and nothing is decided", async () => {
    const response = await postToSlackEndpoint(
      harness().endpoint,
      interactionBody({
        type: "view_submission",
        team: { id: "T0DEMO0001" },
        user: { id: "U0STRANGER", team_id: "T0DEMO0001" },
        api_app_id: "A0PMPBOT",
        view: {
          id: "VSTRANGER1",
          type: "modal",
          callback_id: "pmp_decide",
          hash: "h",
          private_metadata: JSON.stringify({ caseId: randomUUID(), kind: "REJECT" }),
          blocks: [{ type: "section" }, { type: "input", block_id: "reason_block" }],
          state: {
            values: { reason_block: { "pmp_field:reason": { type: "plain_text_input", value: "nav pamata" } } },
          },
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      response_action: "errors",
      errors: { reason_block: expect.stringContaining("neesat reģistrēts") },
    });
  });
});
