import type { ActionsBlock, KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { formatRigaDateTime, localName, t } from "../../../../../bot/core/i18n.js";
import {
  composeCaseCard,
  composeCaseReminder,
  composeCaseRouted,
  composeManagerMessage,
  composeReporterOutcome,
  type CaseSummary,
} from "../../../../../bot/core/messages/composers/case-messages.js";
import { decodeIntent } from "../../../../../bot/core/messages/intents.js";
import type { Message } from "../../../../../bot/core/messages/model.js";
import { renderPlainMessage } from "../../../../../bot/core/messages/render-plain.js";
import { renderSlackMessage } from "../../../../../bot/slack/render/message.js";
import { RISK_GROUPS } from "../../../../../workflows/domain/risk-catalogue.js";
import { allText, messageViolations } from "../../../slack/render/slack-limits.js";

const CASE_ID = "3a7e1c9d-8b2f-4e6a-9c1d-5f0b2a4e6c8d";
const DUE = "2025-03-14T10:00:00.000Z";
const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  caseId: CASE_ID,
  ref: "PMP-2025-0007",
  level: "TARGETED",
  groups: ["Skolas vides riski", "Ar ģimeni saistītie riski"],
  deadline: DUE,
  ...overrides,
});

const slack = (message: Message) => renderSlackMessage(message);
const buttons = (blocks: KnownBlock[]) =>
  blocks
    .filter((b): b is ActionsBlock => b.type === "actions")
    .flatMap((a) => a.elements)
    .map((e) =>
      e.type === "button"
        ? { action_id: e.action_id, intent: decodeIntent(e.value), text: e.text.text, style: e.style }
        : { type: e.type },
    );

describe("channel card for a reported case", () => {
  it("carries the case reference, the level, the risk groups, the deadline and the take button with the case id", () => {
    const message = slack(composeCaseCard(summary(), "lv", { first: true }));
    expect(message.text).toBe("Jauns PMP ziņojums: PMP-2025-0007");
    const text = allText(message.blocks);
    expect(text).toContain("Jauns PMP ziņojums: *PMP-2025-0007*");
    expect(text).toContain("Līmenis pēc ziņojuma: *mērķtiecīgais*");
    expect(text).toContain("Riska grupas: Skolas vides riski, Ar ģimeni saistītie riski");
    expect(text).toContain(formatRigaDateTime(DUE, "lv"));
    expect(text).toContain("14.03.2025");
    expect(buttons(message.blocks)).toEqual([
      {
        action_id: "pmp_intent:TAKE_CASE:0",
        intent: { kind: "TAKE_CASE", caseId: CASE_ID },
        text: "Pārņemt lietu",
        style: "primary",
      },
    ]);
  });

  it("says 'new report on case' for a later report", () => {
    const message = slack(composeCaseCard(summary(), "lv", { first: false }));
    expect(message.text).toBe("Jauns ziņojums lietā PMP-2025-0007");
    expect(buttons(message.blocks).map((b) => b.intent)).toEqual([{ kind: "TAKE_CASE", caseId: CASE_ID }]);
  });

  it("replaces the take button by who took the case once it is taken", () => {
    const message = slack(composeCaseCard(summary(), "lv", { first: true, takenBy: "Ilze Bērziņa" }));
    expect(buttons(message.blocks)).toEqual([]);
    expect(allText(message.blocks)).toContain("Lietu pārņēma Ilze Bērziņa.");
    expect(allText(message.blocks)).not.toContain(
      t("lv", "case.actionInvestigate", { deadline: formatRigaDateTime(DUE, "lv") }),
    );
  });

  it("shows a dash when there is no deadline yet", () => {
    expect(allText(slack(composeCaseCard(summary({ deadline: null }), "lv", { first: true })))).toContain(
      "lēmums līdz —.",
    );
  });

  it("names every level in both languages, emphasised", () => {
    for (const [level, lv, en] of [
      ["UNIVERSAL", "universālais", "universal"],
      ["TARGETED", "mērķtiecīgais", "targeted"],
      ["INDICATED", "pielāgotais (krīzes intervence)", "indicated (crisis intervention)"],
    ] as const) {
      expect(allText(slack(composeCaseCard(summary({ level }), "lv", { first: true })))).toContain(
        `Līmenis pēc ziņojuma: *${lv}*`,
      );
      expect(allText(slack(composeCaseCard(summary({ level }), "en", { first: true })))).toContain(
        `Level from the report: *${en}*`,
      );
      expect(renderPlainMessage(composeCaseCard(summary({ level }), "en", { first: true }))).toContain(
        `Level from the report: ${en}\n`,
      );
    }
  });

  it("is in English when asked", () => {
    const message = slack(composeCaseCard(summary({ groups: ["School-environment risks"] }), "en", { first: true }));
    expect(message.text).toBe("New PMP report: PMP-2025-0007");
    expect(allText(message.blocks)).toContain("Risk groups: School-environment risks");
    expect(allText(message.blocks)).toContain(formatRigaDateTime(DUE, "en"));
    expect(buttons(message.blocks).map((b) => b.text)).toEqual(["Take the case"]);
  });

  it("shows the case reference as its own span, so every surface can highlight or link it", () => {
    const card = composeCaseCard(summary(), "lv", { first: true });
    expect(card.blocks[0]).toEqual({
      kind: "text",
      spans: [
        { kind: "plain", text: "Jauns PMP ziņojums: " },
        { kind: "caseRef", ref: "PMP-2025-0007" },
      ],
    });
  });
});

describe("case manager's message", () => {
  it("has the deadline and confirm/reject buttons carrying the case id and the decision", () => {
    const message = slack(composeManagerMessage(summary(), "lv"));
    expect(message.text).toBe(
      `Jūs esat lietas PMP-2025-0007 vadītājs. Izpētes termiņš: ${formatRigaDateTime(DUE, "lv")}.`,
    );
    expect(allText(message.blocks)).toContain("Riska grupas: Skolas vides riski, Ar ģimeni saistītie riski");
    expect(buttons(message.blocks)).toEqual([
      {
        action_id: "pmp_intent:OPEN_DECISION:0",
        intent: { kind: "OPEN_DECISION", caseId: CASE_ID, decision: "CONFIRM" },
        text: "Apstiprināt",
        style: "primary",
      },
      {
        action_id: "pmp_intent:OPEN_DECISION:1",
        intent: { kind: "OPEN_DECISION", caseId: CASE_ID, decision: "REJECT" },
        text: "Noraidīt",
        style: "danger",
      },
    ]);
  });

  it("is in English when asked", () => {
    const message = slack(composeManagerMessage(summary({ deadline: null }), "en"));
    expect(message.text).toBe("You manage case PMP-2025-0007. Investigation deadline: —.");
    expect(buttons(message.blocks).map((b) => b.text)).toEqual(["Confirm", "Reject"]);
  });
});

describe("notices", () => {
  it("are one section with the notification text, the reference emphasised", () => {
    const message = slack(composeCaseReminder({ ref: "PMP-2025-0007", deadline: DUE }, "lv"));
    const deadline = formatRigaDateTime(DUE, "lv");
    expect(message).toEqual({
      text: `Atgādinājums: lietas PMP-2025-0007 izpētes termiņš ir ${deadline}.`,
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: `Atgādinājums: lietas *PMP-2025-0007* izpētes termiņš ir ${deadline}.` },
        },
      ],
    });
  });

  it("tell a reporter the level only when their role entitles them to the case", () => {
    const entitled = composeReporterOutcome(
      { ref: "PMP-2025-0007", decision: "CONFIRM", level: "TARGETED", entitled: true },
      "lv",
    );
    expect(entitled.summary).toContain("mērķtiecīgais");
    const limited = composeReporterOutcome(
      { ref: "PMP-2025-0007", decision: "CONFIRM", level: "TARGETED", entitled: false },
      "lv",
    );
    expect(limited.summary).toContain("atbalsts tiek organizēts");
    expect(JSON.stringify(limited)).not.toContain("mērķtiecīgais");
  });

  it("route a confirmed case by level: class teacher, support team's IAP, the inter-institutional group", () => {
    expect(composeCaseRouted({ ref: "R", level: "UNIVERSAL" }, "lv").summary).toContain("klases audzinātāja");
    expect(composeCaseRouted({ ref: "R", level: "TARGETED" }, "lv").summary).toContain("individuālais atbalsta plāns");
    expect(composeCaseRouted({ ref: "R", level: "INDICATED" }, "lv").summary).toContain("starpinstitūciju");
  });
});

describe("every case message", () => {
  it("stays within Slack's message limits, also with all four risk groups and the longest level name", () => {
    for (const locale of ["lv", "en"] as const) {
      const s = summary({ level: "INDICATED", groups: RISK_GROUPS.map((g) => localName(g, locale)) });
      for (const message of [
        composeCaseCard(s, locale, { first: true }),
        composeCaseCard(s, locale, { first: false }),
        composeCaseCard(s, locale, { first: true, takenBy: "Ilze Bērziņa" }),
        composeManagerMessage(s, locale),
      ])
        expect(messageViolations(slack(message))).toEqual([]);
    }
  });
});
