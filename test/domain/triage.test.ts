import { describe, expect, it } from "vitest";
import type { RiskAnswer } from "../../workflows/domain/risk-catalogue.js";
import { triage, type EarlierReport, type TriageInput } from "../../workflows/domain/triage.js";

const NOW = new Date("2026-03-10T10:00:00Z");
const daysAgo = (days: number, answers: RiskAnswer[]): EarlierReport => ({
  reportedAt: new Date(NOW.getTime() - days * 86_400_000),
  answers,
});
const run = (input: Partial<TriageInput> & Pick<TriageInput, "answers">) => triage({ history: [], now: NOW, ...input });

// A02 unjustified absences (immediate intervention), A07 peer conflict, A17 low motivation, B36 no activities,
// C43 hard to reach school, D50 busy parents, A08 violence/bullying (crisis), B38 pregnant (yes/no).
describe("triage", () => {
  const cases: Array<{
    name: string;
    input: Partial<TriageInput> & Pick<TriageInput, "answers">;
    level: string;
    reasons: string[];
  }> = [
    {
      name: "first report, a risk seen rarely",
      input: { answers: [{ code: "A07", frequency: 1 }] },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
    {
      name: "first report, one ordinary risk often",
      input: { answers: [{ code: "A07", frequency: 2 }] },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
    {
      name: "nothing observed at all",
      input: { answers: [{ code: "A07", frequency: 0 }] },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
    {
      name: "immediate-intervention risk often (absences)",
      input: { answers: [{ code: "A02", frequency: 2 }] },
      level: "TARGETED",
      reasons: ["IMMEDIATE_RISK"],
    },
    {
      name: "immediate-intervention risk only rarely",
      input: { answers: [{ code: "A02", frequency: 1 }] },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
    {
      name: "very significant risk (conflict with teachers) often",
      input: { answers: [{ code: "A06", frequency: 3 }] },
      level: "TARGETED",
      reasons: ["IMMEDIATE_RISK"],
    },
    {
      name: "low grades in 3 subjects (P.1.1 #1)",
      input: { answers: [{ code: "A07", frequency: 1 }], lowAttainmentSubjects: 3 },
      level: "TARGETED",
      reasons: ["LOW_ATTAINMENT"],
    },
    {
      name: "low grades in 2 subjects",
      input: { answers: [{ code: "A07", frequency: 1 }], lowAttainmentSubjects: 2 },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
    {
      name: "three risks often, first time",
      input: {
        answers: [
          { code: "A07", frequency: 2 },
          { code: "B36", frequency: 2 },
          { code: "D50", frequency: 3 },
        ],
      },
      level: "TARGETED",
      reasons: ["MANY_RISKS"],
    },
    {
      name: "bullying often is a crisis",
      input: { answers: [{ code: "A08", frequency: 2 }] },
      level: "INDICATED",
      reasons: ["CRISIS_RISK"],
    },
    {
      name: "bullying rarely is not (yet)",
      input: { answers: [{ code: "A08", frequency: 1 }] },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
    {
      name: "repeated: same risk reported 30 days ago",
      input: { answers: [{ code: "A07", frequency: 2 }], history: [daysAgo(30, [{ code: "A07", frequency: 1 }])] },
      level: "TARGETED",
      reasons: ["REPEATED"],
    },
    {
      name: "an old report outside the 12-month window does not count",
      input: { answers: [{ code: "A07", frequency: 2 }], history: [daysAgo(400, [{ code: "A07", frequency: 3 }])] },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
    {
      name: "long-lasting ordinary risk (since 120 days)",
      input: {
        answers: [{ code: "A07", frequency: 2 }],
        history: [daysAgo(120, [{ code: "A07", frequency: 2 }]), daysAgo(20, [{ code: "A07", frequency: 2 }])],
      },
      level: "TARGETED",
      reasons: ["LONG_LASTING"],
    },
    {
      name: "long-lasting absences: crisis intervention",
      input: { answers: [{ code: "A02", frequency: 3 }], history: [daysAgo(100, [{ code: "A02", frequency: 2 }])] },
      level: "INDICATED",
      reasons: ["LONG_LASTING_SIGNIFICANT", "IMMEDIATE_RISK", "LONG_LASTING"],
    },
    {
      name: "low attainment that keeps coming back",
      input: {
        answers: [{ code: "A17", frequency: 1 }],
        lowAttainmentSubjects: 4,
        history: [daysAgo(40, [{ code: "A17", frequency: 1 }])],
      },
      level: "INDICATED",
      reasons: ["LOW_ATTAINMENT_PERSISTENT", "LOW_ATTAINMENT"],
    },
    {
      name: "a yes/no risk answered yes counts as strong",
      input: {
        answers: [
          { code: "B38", present: true },
          { code: "C43", frequency: 2 },
          { code: "D50", frequency: 2 },
        ],
      },
      level: "TARGETED",
      reasons: ["MANY_RISKS"],
    },
    {
      name: "free-text 'Cits' alone stays universal",
      input: { answers: [{ code: "D00", text: "Ģimene pārceļas" }] },
      level: "UNIVERSAL",
      reasons: ["FIRST_TIME_LOW"],
    },
  ];

  it.each(cases)("$name → $level", ({ input, level, reasons }) => {
    const result = run(input);
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.code)).toEqual(reasons);
    expect(result.reasons[0]!.level).toBe(level);
  });

  it("says what would lower the level, merging reasons that clear the same way", () => {
    const result = run({
      answers: [
        { code: "A02", frequency: 2 },
        { code: "A07", frequency: 2 },
      ],
      history: [daysAgo(10, [{ code: "A07", frequency: 1 }])],
    });
    expect(result.level).toBe("TARGETED");
    expect(result.clearsWhen).toEqual([{ code: "RISKS_BELOW_OFTEN", risks: ["A02", "A07"] }]);
  });

  it("for a universal case, says when it can close", () => {
    expect(run({ answers: [{ code: "A07", frequency: 1 }] }).clearsWhen).toEqual([
      { code: "NO_NEW_REPORT_UNTIL", date: "2027-03-10" },
    ]);
  });

  it("reports persistence, present risks and their groups", () => {
    const result = run({
      answers: [
        { code: "A02", frequency: 1 },
        { code: "D50", frequency: 0 },
        { code: "C43", frequency: 3 },
        { code: "B00", text: "Cits" },
      ],
      history: [daysAgo(5, [{ code: "D50", frequency: 1 }])],
    });
    expect(result.persistence).toBe("REPEATED");
    expect(result.presentRisks).toEqual(["A02", "C43"]);
    expect(result.groups).toEqual(["A", "B", "C"]);
  });

  it("ignores reports dated after now (clock skew between systems)", () => {
    expect(
      run({ answers: [{ code: "A07", frequency: 2 }], history: [daysAgo(-3, [{ code: "A07", frequency: 2 }])] })
        .persistence,
    ).toBe("FIRST_TIME");
  });
});
