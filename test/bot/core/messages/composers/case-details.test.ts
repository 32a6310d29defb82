import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import {
  composeCaseDetails,
  describeClearance,
  describeReason,
} from "../../../../../bot/core/messages/composers/case-details.js";
import { renderPlainMessage } from "../../../../../bot/core/messages/render-plain.js";
import type { CaseDetails } from "../../../../../bot/core/view-case.js";
import { formatRigaDateTime, localName, type Locale } from "../../../../../bot/core/i18n.js";
import { renderSlackMessage } from "../../../../../bot/slack/render/message.js";
import { RISKS, type RiskCode } from "../../../../../workflows/domain/risk-catalogue.js";
import type { TriageClearance, TriageReason, TriageResult } from "../../../../../workflows/domain/triage.js";
import { LIMITS, messageViolations } from "../../../slack/render/slack-limits.js";

const buildCaseDetails = (details: CaseDetails, locale: Locale) =>
  renderSlackMessage(composeCaseDetails(details, locale));

const FIRST = new Date("2025-02-03T07:15:00.000Z");
const DUE = new Date("2025-02-17T10:00:00.000Z");

const triage: TriageResult = {
  level: "TARGETED",
  persistence: "REPEATED",
  reasons: [
    { code: "IMMEDIATE_RISK", level: "TARGETED", risks: ["B19"] },
    { code: "REPEATED", level: "TARGETED", risks: ["A02"] },
  ],
  clearsWhen: [
    { code: "RISKS_BELOW_OFTEN", risks: ["A02"] },
    { code: "NO_NEW_REPORT_UNTIL", date: "2025-05-01" },
  ],
  presentRisks: ["A02", "B19"],
  groups: ["A", "B"],
};

const details = (overrides: Partial<CaseDetails> = {}): CaseDetails => ({
  ref: "PMP-2025-0007",
  status: "INVESTIGATING",
  level: null,
  learner: { code: "L-482913", initials: "J.Ē.", classLabel: "7.a" },
  caseManager: "Ilze Bērziņa",
  deadline: DUE,
  reports: 2,
  firstReportAt: FIRST,
  risks: [
    { code: "A02", nameLv: "Kavējumi", nameEn: "Absences", frequency: 3, present: null },
    { code: "B19", nameLv: "Diagnoze", nameEn: "Diagnosis", frequency: null, present: true },
    { code: "D58", nameLv: "Nav", nameEn: "None", frequency: null, present: false },
  ],
  triage,
  ...overrides,
});

/** All the mrkdwn text of the sections, in order. */
const body = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : [])).join("\n");

describe("case details", () => {
  it("has the case reference as the header and notification text, then the pseudonymous details (Latvian)", () => {
    const message = buildCaseDetails(details(), "lv");
    expect(message.text).toBe("Lieta PMP-2025-0007");
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Lieta PMP-2025-0007", emoji: true },
    });
    expect(body(message.blocks).split("\n")).toEqual([
      "Izglītojamais: L-482913 (J.Ē.), 7.a klase",
      "Statuss: izpētē; līmenis: mērķtiecīgais",
      "Lietas vadītājs: Ilze Bērziņa",
      `Izpētes termiņš: ${formatRigaDateTime(DUE, "lv")}`,
      `Ziņojumi: 2; pirmais ${formatRigaDateTime(FIRST, "lv")}`,
      "Riski: A02 Kavējumi (3); B19 Diagnoze (✓); D58 Nav (✗)",
      "Kāpēc šis līmenis: tūlītēju intervenci prasoši riski (B19); atkārtoti ziņoti riski (A02)",
      "Kas to mazinātu: A02 vairs netiek novēroti bieži; nav jaunu ziņojumu līdz 01.05.2025.",
    ]);
  });

  it("reads the same as plain text, without Slack's markup", () => {
    const plain = renderPlainMessage(composeCaseDetails(details(), "lv"));
    expect(plain.split("\n").slice(0, 2)).toEqual([
      "# Lieta PMP-2025-0007",
      "Izglītojamais: L-482913 (J.Ē.), 7.a klase",
    ]);
  });

  it("is in English when asked, with why and what clears it", () => {
    const lines = body(buildCaseDetails(details(), "en").blocks).split("\n");
    expect(lines).toEqual([
      "Learner: L-482913 (J.Ē.), class 7.a",
      "Status: investigating; level: targeted",
      "Case manager: Ilze Bērziņa",
      `Investigation due: ${formatRigaDateTime(DUE, "en")}`,
      `Reports: 2; first ${formatRigaDateTime(FIRST, "en")}`,
      "Risks: A02 Absences (3); B19 Diagnosis (✓); D58 None (✗)",
      "Why this level: risks needing immediate intervention (B19); repeatedly reported risks (A02)",
      "What would lower it: A02 no longer observed often; no new report until 01/05/2025",
    ]);
  });

  it("prefers the decided level to triage's, and says so when nobody manages the case yet", () => {
    const text = body(
      buildCaseDetails(
        details({ level: "INDICATED", status: "CONFIRMED", caseManager: null, deadline: null, firstReportAt: null }),
        "lv",
      ).blocks,
    );
    expect(text).toContain("Statuss: apstiprināts; līmenis: pielāgotais (krīzes intervence)");
    expect(text).toContain("Lietas vadītājs vēl nav noteikts");
    expect(text).not.toContain("Izpētes termiņš");
    expect(text).toContain("pirmais —");
  });

  it("leaves out why/what clears when there is no triage, and shows dashes for no level and no risks", () => {
    const text = body(buildCaseDetails(details({ triage: null, risks: [] }), "en").blocks);
    expect(text).toContain("level: —");
    expect(text).toContain("Risks: —");
    expect(text).not.toContain("Why this level");
    expect(text).not.toContain("What would lower it");
  });

  it("describes every triage reason and clearance in both languages", () => {
    const risks: RiskCode[] = ["A02", "B19"];
    const reasons: TriageReason[] = [
      { code: "CRISIS_RISK", level: "INDICATED", risks },
      { code: "LONG_LASTING_SIGNIFICANT", level: "INDICATED", risks, sinceDays: 120 },
      { code: "LOW_ATTAINMENT_PERSISTENT", level: "INDICATED", subjects: 4 },
      { code: "IMMEDIATE_RISK", level: "TARGETED", risks },
      { code: "LOW_ATTAINMENT", level: "TARGETED", subjects: 2 },
      { code: "REPEATED", level: "TARGETED", risks },
      { code: "LONG_LASTING", level: "TARGETED", risks, sinceDays: 45 },
      { code: "MANY_RISKS", level: "TARGETED", risks },
      { code: "FIRST_TIME_LOW", level: "UNIVERSAL" },
    ];
    const clearances: TriageClearance[] = [
      { code: "RISKS_BELOW_OFTEN", risks },
      { code: "CRISIS_RULED_OUT", risks },
      { code: "ATTAINMENT_IMPROVES", belowSubjects: 2 },
      { code: "NO_NEW_REPORT_UNTIL", date: "2025-05-01" },
      { code: "FEWER_STRONG_RISKS", below: 3 },
    ];
    for (const locale of ["lv", "en"] as const) {
      const said = [
        ...reasons.map((r) => describeReason(r, locale)),
        ...clearances.map((c) => describeClearance(c, locale)),
      ];
      expect(new Set(said).size).toBe(said.length);
      for (const text of said) expect(text.length).toBeGreaterThan(10);
    }
    expect(describeReason(reasons[1]!, "lv")).toBe("ilgstoši (120 d.) būtiski riski (A02, B19)");
    expect(describeReason(reasons[1]!, "en")).toBe("long-lasting (120 d) significant risks (A02, B19)");
    expect(describeReason(reasons[2]!, "en")).toBe("repeatedly low grades in 4 subjects");
    expect(describeReason(reasons[8]!, "lv")).toBe("pirmreizējs, zemas varbūtības risks");
    expect(describeClearance(clearances[1]!, "lv")).toBe("izpētē izslēgts apdraudējums (A02, B19)");
    expect(describeClearance(clearances[2]!, "en")).toBe("low grades in fewer than 2 subjects");
    expect(describeClearance(clearances[4]!, "lv")).toBe("mazāk nekā 3 bieži novēroti riski");
  });

  it("stays within Slack's limits even for a case with all 66 risks and every reason naming them", () => {
    const all = RISKS.map((r) => r.code);
    const worst = details({
      status: "INVESTIGATING",
      level: "INDICATED",
      caseManager: "Anna-Marija Kalniņa-Ozoliņa",
      reports: 120,
      risks: RISKS.map((r) => ({
        code: r.code,
        nameLv: r.shortNameLv,
        nameEn: r.nameEn,
        frequency: r.answerKind === "frequency" ? 3 : null,
        present: r.answerKind === "yesNo" ? true : null,
      })),
      triage: {
        ...triage,
        level: "INDICATED",
        reasons: [
          { code: "CRISIS_RISK", level: "INDICATED", risks: all },
          { code: "LONG_LASTING_SIGNIFICANT", level: "INDICATED", risks: all, sinceDays: 400 },
          { code: "MANY_RISKS", level: "TARGETED", risks: all },
        ],
        clearsWhen: [
          { code: "RISKS_BELOW_OFTEN", risks: all },
          { code: "CRISIS_RULED_OUT", risks: all },
        ],
      },
    });
    for (const locale of ["lv", "en"] as const) {
      const message = buildCaseDetails(worst, locale);
      expect(messageViolations(message)).toEqual([]);
      for (const block of message.blocks)
        if (block.type === "section") expect(block.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      // Nothing is lost by splitting: every risk is still listed, in order.
      const text = body(message.blocks);
      const listed = RISKS.map((r) =>
        text.indexOf(`${r.code} ${localName({ nameLv: r.shortNameLv, nameEn: r.nameEn }, locale)} (`),
      );
      expect(listed.every((at) => at >= 0)).toBe(true);
      expect([...listed].sort((a, b) => a - b)).toEqual(listed);
      expect(text).toContain(
        locale === "lv" ? "Kāpēc šis līmenis: drošību apdraudoši riski (A01," : "Why this level: risks to safety (A01,",
      );
      expect(text).toContain(locale === "lv" ? "Kas to mazinātu: A01, A02" : "What would lower it: A01, A02");
    }
  });
});
