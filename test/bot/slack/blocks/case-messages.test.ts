import type { ActionsBlock, KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import {
  buildCaseReportedMessage,
  buildManagerMessage,
  buildNotice,
  type CaseSummary,
} from "../../../../bot/slack/blocks/case-messages.js";
import { CONFIRM_CASE_ACTION, REJECT_CASE_ACTION, TAKE_CASE_ACTION } from "../../../../bot/slack/ids.js";
import { formatRigaDateTime, t } from "../../../../bot/core/i18n.js";
import { RISK_GROUPS } from "../../../../workflows/domain/risk-catalogue.js";
import { allText, messageViolations } from "./slack-limits.js";

const CASE_ID = "3a7e1c9d-8b2f-4e6a-9c1d-5f0b2a4e6c8d";
// The learner behind the case: none of this may appear in a case message (they go to shared channels).
const LEARNER = {
  code: "L-482913",
  initials: "J.Ē.",
  firstName: "Jānis",
  lastName: "Ēriņš",
  personalCode: "120310-21234",
};

const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  caseId: CASE_ID,
  ref: "PMP-2025-0007",
  level: "TARGETED",
  groups: ["Skolas vides riski", "Ar ģimeni saistītie riski"],
  deadline: "2025-03-14T10:00:00.000Z",
  ...overrides,
});

const actions = (blocks: KnownBlock[]): ActionsBlock[] => blocks.filter((b): b is ActionsBlock => b.type === "actions");
const buttons = (blocks: KnownBlock[]) =>
  actions(blocks)
    .flatMap((a) => a.elements)
    .map((e) =>
      e.type === "button"
        ? { action_id: e.action_id, value: e.value, text: e.text.text, style: e.style }
        : { type: e.type },
    );

describe("channel card for a reported case", () => {
  it("carries the case reference, the level, the risk groups, the deadline and the take button with the case id", () => {
    const message = buildCaseReportedMessage(summary(), "lv", { first: true });
    expect(message.text).toBe("Jauns PMP ziņojums: *PMP-2025-0007*");
    const text = allText(message.blocks);
    expect(text).toContain("PMP-2025-0007");
    expect(text).toContain(t("lv", "case.level", { level: "mērķtiecīgais" }));
    expect(text).toContain("Riska grupas: Skolas vides riski, Ar ģimeni saistītie riski");
    expect(text).toContain(formatRigaDateTime("2025-03-14T10:00:00.000Z", "lv"));
    expect(text).toContain("14.03.2025");
    expect(buttons(message.blocks)).toEqual([
      { action_id: TAKE_CASE_ACTION, value: CASE_ID, text: "Pārņemt lietu", style: "primary" },
    ]);
    expect(TAKE_CASE_ACTION).toBe("take_case_button");
  });

  it("says 'new report on case' for a later report", () => {
    const message = buildCaseReportedMessage(summary(), "lv", { first: false });
    expect(message.text).toBe("Jauns ziņojums lietā *PMP-2025-0007*");
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([TAKE_CASE_ACTION]);
  });

  it("replaces the take button by who took the case once it is taken", () => {
    const message = buildCaseReportedMessage(summary(), "lv", { first: true, takenBy: "Ilze Bērziņa" });
    expect(actions(message.blocks)).toEqual([]);
    expect(allText(message.blocks)).toContain("Lietu pārņēma Ilze Bērziņa.");
    expect(allText(message.blocks)).not.toContain(
      t("lv", "case.actionInvestigate", { deadline: formatRigaDateTime("2025-03-14T10:00:00.000Z", "lv") }),
    );
  });

  it("shows a dash when there is no deadline yet", () => {
    expect(allText(buildCaseReportedMessage(summary({ deadline: null }), "lv", { first: true }).blocks)).toContain(
      "lēmums līdz —.",
    );
  });

  it("names every level in both languages", () => {
    for (const [level, lv, en] of [
      ["UNIVERSAL", "universālais", "universal"],
      ["TARGETED", "mērķtiecīgais", "targeted"],
      ["INDICATED", "pielāgotais (krīzes intervence)", "indicated (crisis intervention)"],
    ] as const) {
      expect(allText(buildCaseReportedMessage(summary({ level }), "lv", { first: true }).blocks)).toContain(
        `Līmenis pēc ziņojuma: *${lv}*`,
      );
      expect(allText(buildCaseReportedMessage(summary({ level }), "en", { first: true }).blocks)).toContain(
        `Level from the report: *${en}*`,
      );
    }
  });

  it("is in English when asked", () => {
    const message = buildCaseReportedMessage(summary({ groups: ["School-environment risks"] }), "en", { first: true });
    expect(message.text).toBe("New PMP report: *PMP-2025-0007*");
    expect(allText(message.blocks)).toContain("Risk groups: School-environment risks");
    expect(allText(message.blocks)).toContain(formatRigaDateTime("2025-03-14T10:00:00.000Z", "en"));
    expect(buttons(message.blocks)).toEqual([
      { action_id: TAKE_CASE_ACTION, value: CASE_ID, text: "Take the case", style: "primary" },
    ]);
  });
});

describe("case manager's message", () => {
  it("has the deadline and confirm/reject buttons carrying the case id", () => {
    const message = buildManagerMessage(summary(), "lv");
    expect(message.text).toBe(
      `Jūs esat lietas *PMP-2025-0007* vadītājs. Izpētes termiņš: ${formatRigaDateTime("2025-03-14T10:00:00.000Z", "lv")}.`,
    );
    expect(allText(message.blocks)).toContain("Riska grupas: Skolas vides riski, Ar ģimeni saistītie riski");
    expect(buttons(message.blocks)).toEqual([
      { action_id: CONFIRM_CASE_ACTION, value: CASE_ID, text: "Apstiprināt", style: "primary" },
      { action_id: REJECT_CASE_ACTION, value: CASE_ID, text: "Noraidīt", style: "danger" },
    ]);
    expect([CONFIRM_CASE_ACTION, REJECT_CASE_ACTION]).toEqual(["confirm_case_button", "reject_case_button"]);
  });

  it("is in English when asked", () => {
    const message = buildManagerMessage(summary({ deadline: null }), "en");
    expect(message.text).toBe("You manage case *PMP-2025-0007*. Investigation deadline: —.");
    expect(buttons(message.blocks).map((b) => b.text)).toEqual(["Confirm", "Reject"]);
  });
});

describe("notice", () => {
  it("is one section with the same text as the notification text", () => {
    const text = t("lv", "case.reminder", { ref: "PMP-2025-0007", deadline: "14.03.2025 12:00" });
    expect(buildNotice(text)).toEqual({ text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
  });
});

describe("every case message", () => {
  const all = (s: CaseSummary) =>
    (["lv", "en"] as const).flatMap((locale) => [
      buildCaseReportedMessage(s, locale, { first: true }),
      buildCaseReportedMessage(s, locale, { first: false }),
      buildCaseReportedMessage(s, locale, { first: true, takenBy: "Ilze Bērziņa" }),
      buildManagerMessage(s, locale),
    ]);

  it("never carries a learner's code, initials, name or personal code", () => {
    for (const message of all(summary())) {
      const text = allText(message);
      for (const secret of [LEARNER.code, LEARNER.initials, LEARNER.firstName, LEARNER.lastName, LEARNER.personalCode])
        expect(text).not.toContain(secret);
      // Nothing shaped like a learner code or a Latvian personal code either.
      expect(text).not.toMatch(/L-\d{6}/);
      expect(text).not.toMatch(/\d{6}-\d{5}/);
    }
  });

  it("stays within Slack's message limits, also with all four risk groups and the longest level name", () => {
    for (const locale of ["lv", "en"] as const) {
      const groups = RISK_GROUPS.map((g) => (locale === "lv" ? g.nameLv : g.nameEn));
      for (const message of all(summary({ level: "INDICATED", groups })))
        expect(messageViolations(message)).toEqual([]);
    }
    expect(messageViolations(buildNotice(t("lv", "case.route.INDICATED", { ref: "PMP-2025-0007" })))).toEqual([]);
  });
});
