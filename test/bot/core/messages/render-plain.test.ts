import { describe, expect, it } from "vitest";
import { composeDecisionForm } from "../../../../bot/core/messages/composers/forms/decision-form.js";
import { composeReportStep1 } from "../../../../bot/core/messages/composers/forms/report-form.js";
import { formFieldIds, renderPlainForm, renderPlainMessage } from "../../../../bot/core/messages/render-plain.js";

describe("plain text", () => {
  it("shows headings, spans without markup, facts as label: value, context and buttons as [label]", () => {
    expect(
      renderPlainMessage({
        summary: "s",
        blocks: [
          { kind: "heading", text: "Lieta PMP-1" },
          {
            kind: "text",
            spans: [
              { kind: "plain", text: "Lieta " },
              { kind: "caseRef", ref: "PMP-1" },
              { kind: "plain", text: " — " },
              { kind: "strong", text: "svarīgi" },
              { kind: "plain", text: ", " },
              { kind: "code", text: "/pmp help" },
            ],
          },
          {
            kind: "facts",
            facts: [
              { label: "Statuss", value: "izpētē" },
              { label: "Līmenis", value: "—" },
            ],
          },
          { kind: "context", spans: [{ kind: "plain", text: "piezīme" }] },
          {
            kind: "actions",
            buttons: [
              { label: "Pārņemt lietu", style: "primary", intent: { kind: "TAKE_CASE", caseId: "c" } },
              {
                label: "Noraidīt",
                style: "danger",
                intent: { kind: "OPEN_DECISION", caseId: "c", decision: "REJECT" },
              },
            ],
          },
        ],
      }),
    ).toBe(
      [
        "# Lieta PMP-1",
        "Lieta PMP-1 — svarīgi, /pmp help",
        "Statuss: izpētē",
        "Līmenis: —",
        "(piezīme)",
        "[Pārņemt lietu] [Noraidīt]",
      ].join("\n"),
    );
  });

  it("shows a form as its fields: label, required mark, kind, options and initial value, then its buttons", () => {
    const form = composeDecisionForm({
      locale: "en",
      caseId: "c",
      ref: "PMP-1",
      kind: "CONFIRM",
      suggestedLevel: "TARGETED",
    });
    expect(renderPlainForm(form)).toBe(
      [
        "# Decision on the case",
        "PMP-1",
        "- Risk intensity * (select) {1 — low | 2 — medium | 3 — high}",
        '- Support level * (select) {universal | targeted | indicated (crisis intervention)} = "TARGETED"',
        "[Confirm] [Cancel]",
      ].join("\n"),
    );
    const step1 = composeReportStep1({
      locale: "en",
      classes: [{ schoolId: "s", schoolName: "S", classLabel: "7.a" }],
    });
    expect(renderPlainForm(step1).split("\n")[0]).toBe("# Report a PMP risk (1/2)");
    expect(formFieldIds(step1)).toEqual([
      "class",
      "risks_A",
      "risks_B",
      "risks_C",
      "risks_D",
      "low_attainment",
      "other",
      "parents",
    ]);
  });
});
