import { describe, expect, it } from "vitest";
import { formatRigaDateTime } from "../../../../../bot/core/i18n.js";
import { composeHome, taskKindLabel, TASK_KINDS } from "../../../../../bot/core/messages/composers/home.js";
import { renderPlainMessage } from "../../../../../bot/core/messages/render-plain.js";
import { renderSlackHome } from "../../../../../bot/slack/render/home.js";

const DUE = new Date("2025-10-06T14:00:00.000Z");

describe("home", () => {
  it("lists the cases a person manages and their tasks, by reference, with deadlines and state", () => {
    const home = composeHome(
      {
        cases: [
          { ref: "PMP-2025-0007", status: "INVESTIGATING", level: "TARGETED", deadline: DUE },
          { ref: "PMP-2025-0008", status: "CONFIRMED", level: null, deadline: null },
        ],
        tasks: [
          {
            kind: "PARENT_CONTACT",
            subjectRef: "LRN-7K2Q-9XZD",
            dueAt: DUE,
            state: "OVERDUE",
            legalPoint: "MK 89 p.6",
          },
          { kind: "SOMETHING_NEW", subjectRef: "PMP-2025-0007", dueAt: DUE, state: "OPEN", legalPoint: null },
        ],
      },
      "lv",
    );
    const due = formatRigaDateTime(DUE, "lv");
    expect(renderPlainMessage(home).split("\n")).toEqual([
      "# Mani PMP uzdevumi",
      "Lietas, kuras vadu",
      `• PMP-2025-0007 — izpētē, mērķtiecīgais; termiņš ${due}`,
      "• PMP-2025-0008 — apstiprināts, —",
      "Atvērtie uzdevumi: 2",
      `• Sazināšanās ar vecākiem — LRN-7K2Q-9XZD, termiņš ${due} (nokavēts) (MK 89 p.6)`,
      `• Uzdevums — PMP-2025-0007, termiņš ${due}`,
      "(Ziņot par risku: /pmp report. Palīdzība: /pmp help.)",
    ]);
    const slack = JSON.stringify(renderSlackHome(home));
    expect(slack).toContain("*Lietas, kuras vadu*");
    expect(slack).toContain("*PMP-2025-0007*");
    expect(slack).toContain("`/pmp report`");
  });

  it("says when nothing is waiting, and refuses politely to someone not registered", () => {
    expect(renderPlainMessage(composeHome({ cases: [], tasks: [] }, "en"))).toContain("No open cases.");
    expect(renderPlainMessage(composeHome({ cases: [], tasks: [] }, "en"))).toContain("No open tasks.");
    expect(composeHome(null, "lv").summary).toContain("neesat reģistrēts");
  });

  it("names every task kind in Latvian and English, and an unknown kind generically", () => {
    for (const kind of TASK_KINDS) {
      expect(taskKindLabel(kind, "lv")).not.toBe(taskKindLabel("X", "lv"));
      expect(taskKindLabel(kind, "en")).not.toBe(taskKindLabel(kind, "lv"));
    }
    expect([taskKindLabel("X", "lv"), taskKindLabel("X", "en")]).toEqual(["Uzdevums", "Task"]);
  });
});
