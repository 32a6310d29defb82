import type { ActionsBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { formatRigaDateTime } from "../../../../../bot/core/i18n.js";
import { composeContacts } from "../../../../../bot/core/messages/composers/absence-contacts.js";
import {
  composeAcknowledgementTask,
  composeParentContactTask,
  composeReferralTask,
  composeViisTask,
} from "../../../../../bot/core/messages/composers/absence-messages.js";
import {
  composeStepTextForm,
  readStepText,
  STEP_TEXT_FIELD,
} from "../../../../../bot/core/messages/composers/forms/step-text-form.js";
import { decodeIntent } from "../../../../../bot/core/messages/intents.js";
import type { Message } from "../../../../../bot/core/messages/model.js";
import { renderSlackMessage } from "../../../../../bot/slack/render/message.js";
import { renderSlackModal } from "../../../../../bot/slack/render/modal.js";
import { inputBlock } from "../../../slack/render/slack-limits.js";

const step = { learnerId: "6f1d0b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b", stepKey: "2025/26:1:PARENT_CONTACT:2025-10-06" };
const learner = { code: "L-482913", classLabel: "7.a", schoolName: "Demo vidusskola" };
const DUE = "2025-10-06T14:00:00.000Z";
const intents = (message: Message) =>
  renderSlackMessage(message)
    .blocks.filter((b): b is ActionsBlock => b.type === "actions")
    .flatMap((b) => b.elements.map((e) => (e.type === "button" ? decodeIntent(e.value) : null)));

describe("absence tasks", () => {
  it("parent contact: learner code and class (emphasised), whom to call, the deadline and point, four buttons", () => {
    const task = composeParentContactTask({
      locale: "lv",
      learner,
      date: "2025-10-06",
      due: DUE,
      outOfFamilyCare: false,
      legalPoint: "MK89_P6",
      step,
    });
    const text = renderSlackMessage(task).blocks[0]!;
    // The class as schools write it, the school day as a Latvian date, the point as people cite it.
    expect(JSON.stringify(text)).toContain(
      "Kavējums bez informācijas (06.10.2025.): *L-482913* (7.a klase). Sazinieties ar vecākiem",
    );
    expect(task.summary).toContain(formatRigaDateTime(DUE, "lv"));
    expect(task.summary).toContain("(MK noteikumu Nr. 89 6. punkts)");
    expect(task.summary).not.toMatch(/MK89_P6|2025-10-06/);
    expect(intents(task)).toEqual([
      { kind: "SHOW_CONTACTS", ...step },
      { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "JUSTIFIED" },
      { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "UNJUSTIFIED" },
      { kind: "RECORD_PARENT_CONTACT", ...step, outcome: "UNREACHABLE" },
    ]);
    const careTask = composeParentContactTask({
      locale: "en",
      learner,
      date: "06.10.2025",
      due: DUE,
      outOfFamilyCare: true,
      legalPoint: "MK 89 p.6",
      step,
    });
    expect(careTask.summary).toContain("the foster family, guardian or care-institution head");
  });

  it("VIIS entry opens the remedial-action form or reports it resolved; the referral opens the document form", () => {
    expect(intents(composeViisTask({ locale: "lv", learner, count: 20, legalPoint: "MK 89 p.7", step }))).toEqual([
      { kind: "OPEN_STEP_FORM", ...step, form: "VIIS_ENTERED" },
      { kind: "RESOLVE_ABSENCES", ...step },
    ]);
    const referral = composeReferralTask({ locale: "lv", learner, email: "sd@demo.lv", legalPoint: "MK 89 p.8", step });
    expect(referral.summary).toContain("sd@demo.lv");
    expect(intents(referral)).toEqual([{ kind: "OPEN_STEP_FORM", ...step, form: "REFERRAL_SENT" }]);
  });

  it("the social service's acknowledgement names the learner by public reference only", () => {
    const ack = composeAcknowledgementTask({
      locale: "lv",
      learnerRef: "LRN-7K2Q-9XZD",
      schoolName: "Demo vidusskola",
      due: DUE,
      legalPoint: "MK 89 p.8",
      step,
    });
    expect(ack.summary).toContain("LRN-7K2Q-9XZD (Demo vidusskola)");
    expect(JSON.stringify(ack)).not.toContain("L-482913");
    expect(intents(ack)).toEqual([{ kind: "ACKNOWLEDGE_REFERRAL", ...step }]);
  });
});

describe("contacts", () => {
  it("lists each contact's relation, name, phone and e-mail, or says there are none", () => {
    const message = renderSlackMessage(
      composeContacts(
        [
          { relation: "MOTHER", name: "Anna Kalniņa", phone: "+371 20000000", email: "anna@example.lv" },
          { relation: "GUARDIAN", name: "Pēteris <Ozols>", phone: null, email: null },
        ],
        "lv",
      ),
    );
    expect(message.blocks[0]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Kontakti (skatījums reģistrēts):\n• māte: Anna Kalniņa, +371 20000000, anna@example.lv\n• aizbildnis: Pēteris &lt;Ozols&gt;",
      },
    });
    expect(composeContacts([], "en").summary).toBe("No contact details on file.");
  });
});

describe("the step text form", () => {
  it("asks for the remedial action (multi-line) or the document reference, carrying learner, step and kind", () => {
    const viis = renderSlackModal(composeStepTextForm({ locale: "lv", kind: "VIIS_ENTERED", ...step }));
    expect(viis.callback_id).toBe("pmp_absence_step");
    expect(JSON.parse(viis.private_metadata!)).toEqual({ ...step, kind: "VIIS_ENTERED" });
    expect(viis.title.text).toBe("Ievadīts VIIS");
    expect(inputBlock(viis.blocks, "absence_text_block").element).toMatchObject({
      type: "plain_text_input",
      multiline: true,
      max_length: 500,
    });
    const referral = renderSlackModal(composeStepTextForm({ locale: "en", kind: "REFERRAL_SENT", ...step }));
    expect(inputBlock(referral.blocks, "absence_text_block")).toMatchObject({
      label: { text: "Document number or reference" },
      element: { multiline: false },
    });
  });

  it("reads 2–500 characters of text, trimmed", () => {
    expect(readStepText({ [STEP_TEXT_FIELD]: "  Nr. 12/3  " }, "lv")).toEqual({ kind: "OK", text: "Nr. 12/3" });
    for (const text of [null, " x ", "y".repeat(501)])
      expect(readStepText({ [STEP_TEXT_FIELD]: text }, "lv")).toMatchObject({ kind: "ERRORS" });
  });
});
