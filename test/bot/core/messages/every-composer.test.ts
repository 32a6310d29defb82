import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as absenceContacts from "../../../../bot/core/messages/composers/absence-contacts.js";
import * as absenceMessages from "../../../../bot/core/messages/composers/absence-messages.js";
import * as caseDetails from "../../../../bot/core/messages/composers/case-details.js";
import * as caseMessages from "../../../../bot/core/messages/composers/case-messages.js";
import * as decisionForm from "../../../../bot/core/messages/composers/forms/decision-form.js";
import * as reportForm from "../../../../bot/core/messages/composers/forms/report-form.js";
import * as stepTextForm from "../../../../bot/core/messages/composers/forms/step-text-form.js";
import * as help from "../../../../bot/core/messages/composers/help.js";
import * as home from "../../../../bot/core/messages/composers/home.js";
import * as operatorAlert from "../../../../bot/core/messages/composers/operator-alert.js";
import * as results from "../../../../bot/core/messages/composers/results.js";
import { LOCALES } from "../../../../bot/core/i18n.js";
import { renderPlainForm, renderPlainMessage } from "../../../../bot/core/messages/render-plain.js";
import { renderSlackHome } from "../../../../bot/slack/render/home.js";
import { renderSlackMessage } from "../../../../bot/slack/render/message.js";
import { renderSlackModal } from "../../../../bot/slack/render/modal.js";
import { allText, LIMITS, messageViolations, modalViolations } from "../../slack/render/slack-limits.js";
import { COMPOSER_CASES, isForm, LEARNER } from "./composer-cases.js";

// Every message and form the product sends, through the Slack renderer and the plain-text renderer, in every
// language: within Slack's limits, readable without markup, and private.

const COMPOSER_MODULES: Array<Record<string, unknown>> = [
  absenceContacts,
  absenceMessages,
  caseDetails,
  caseMessages,
  decisionForm,
  reportForm,
  stepTextForm,
  help,
  home,
  operatorAlert,
  results,
];

const cases = COMPOSER_CASES.flatMap((c) => LOCALES.map((locale) => ({ ...c, locale })));

describe.each(cases)("$name ($locale)", ({ compose, locale, audience }) => {
  const composed = compose(locale);

  it("renders for Slack within its limits", () => {
    if (isForm(composed)) {
      expect(modalViolations(renderSlackModal(composed))).toEqual([]);
    } else {
      const slack = renderSlackMessage(composed);
      expect(messageViolations(slack)).toEqual([]);
      // The same message as an App Home tab (up to 100 blocks).
      expect(renderSlackHome(composed).blocks.length).toBeLessThanOrEqual(LIMITS.modalBlocks);
      const actionIds = slack.blocks.flatMap((b) => (b.type === "actions" ? b.elements.map((e) => e.action_id) : []));
      expect(new Set(actionIds).size).toBe(actionIds.length);
    }
  });

  it("reads as plain text, with no markup in the model", () => {
    const plain = isForm(composed) ? renderPlainForm(composed) : renderPlainMessage(composed);
    expect(plain.trim()).not.toBe("");
    // No surface's markup in what composers produce: no mrkdwn emphasis, code ticks, links or HTML.
    const model = JSON.stringify(composed);
    expect(model).not.toMatch(/\*[^*\s][^*]*\*/);
    expect(model).not.toContain("`");
    expect(model).not.toMatch(/<[@#!]|<https?:|&lt;|&amp;/);
    if (!isForm(composed)) expect(composed.summary.trim()).not.toBe("");
  });

  it("never carries the learner's name or personal code (nor code and initials where it goes by reference)", () => {
    const everything = [
      JSON.stringify(composed),
      allText(isForm(composed) ? renderSlackModal(composed) : renderSlackMessage(composed)),
    ].join("\n");
    for (const secret of [LEARNER.firstName, LEARNER.lastName, LEARNER.personalCode])
      expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/\d{6}-\d{5}/);
    if (audience === "BY_REFERENCE") {
      expect(everything).not.toContain(LEARNER.code);
      expect(everything).not.toContain(LEARNER.initials);
    }
  });
});

describe("the table", () => {
  it("has a case for every composer", () => {
    const source = readFileSync(new URL("./composer-cases.ts", import.meta.url), "utf8");
    const composers = COMPOSER_MODULES.flatMap((m) => Object.keys(m).filter((k) => k.startsWith("compose")));
    expect(composers.length).toBeGreaterThanOrEqual(25);
    for (const name of composers) expect(source, `${name} has no case in the table`).toContain(`${name}(`);
  });
});
