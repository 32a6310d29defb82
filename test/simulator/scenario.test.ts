import { describe, expect, it } from "vitest";
import { formatRigaInstant, parseLocalInstant } from "../../bot/simulator/local-instant.js";
import { applyRuleSetOverrides, RuleSetOverrideError } from "../../bot/simulator/rule-set-overrides.js";
import { parseScenario, ScenarioError } from "../../bot/simulator/scenario.js";
import { DEFAULT_ABSENCE_RULES } from "../../workflows/domain/absence-rules.js";

const valid = `
start: 2025-12-15T08:00
learners:
  - { code: S1, school: DEMO-VSK, grade: 7, contacts: [MOTHER] }
events:
  - at: 2025-12-18T20:00
    absences:
      - { learner: S1, date: 2025-12-15, lessons: [1, 2, 3], justified: "no" }
  - at: 2025-12-22T09:00
    act: { learner: S1, task: VIIS_ENTRY, action: done, by: DIRECTOR }
  - at: 2026-01-05T08:00
    move: { learner: S1, school: DEMO-TEH, grade: 10 }
until: 2026-01-31T00:00
`;

function problemsOf(text: string): string[] {
  try {
    parseScenario(text);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error("the scenario was accepted");
}

describe("scenario files", () => {
  it("read the documented contract, in Riga time unless an offset is given", () => {
    const scenario = parseScenario(valid);
    expect(formatRigaInstant(scenario.start)).toBe("2025-12-15T08:00:00+02:00");
    expect(scenario.municipality).toBe("DEMO");
    expect(scenario.learners[0]).toMatchObject({ code: "S1", care: "FAMILY", contacts: ["MOTHER"] });
    expect(scenario.events.map((e) => Object.keys(e).filter((k) => k !== "at"))).toEqual([
      ["absences"],
      ["act"],
      ["move"],
    ]);
    expect(parseLocalInstant("2025-06-01T08:00+03:00")).toBe(Date.parse("2025-06-01T05:00:00Z"));
    expect(parseLocalInstant("2025-06-01T08:00")).toBe(Date.parse("2025-06-01T05:00:00Z"));
  });

  it("name the path of an unknown field", () => {
    expect(problemsOf(valid.replace("grade: 7,", "grade: 7, colour: blue,"))).toEqual([
      expect.stringMatching(/^learners\[0\]: .*colour/),
    ]);
    expect(problemsOf(`${valid}\nweather: sunny\n`)).toEqual([expect.stringMatching(/^\(top level\): .*weather/)]);
    expect(problemsOf(valid.replace("by: DIRECTOR", "by: DIRECTOR, when: now"))).toEqual([
      expect.stringMatching(/^events\[1\]\.act: .*when/),
    ]);
  });

  it("name the field of a bad value, an unknown learner, an action the task does not have", () => {
    expect(problemsOf(valid.replace("2025-12-18T20:00", "18.12.2025"))).toEqual([
      expect.stringMatching(/^events\[0\]\.at: expected a time like/),
    ]);
    expect(problemsOf(valid.replace("learner: S1, task", "learner: S9, task"))).toEqual([
      "events[1].act.learner: no learner S9 in learners",
    ]);
    expect(problemsOf(valid.replace("action: done", "action: shred"))).toEqual([
      'events[1].act.action: VIIS_ENTRY accepts "done"',
    ]);
    expect(problemsOf(valid.replace('justified: "no"', 'justified: "maybe"'))[0]).toMatch(
      /^events\[0\]\.absences\[0\]\.justified: /,
    );
    expect(problemsOf(valid.replace("until: 2026-01-31T00:00", "until: 2025-12-01T00:00"))).toContain(
      "until: must be after start",
    );
  });

  it("refuse an event with two kinds, or none", () => {
    const both = valid.replace(
      "act: { learner: S1, task: VIIS_ENTRY, action: done, by: DIRECTOR }",
      "act: { learner: S1, task: VIIS_ENTRY, action: done, by: DIRECTOR }\n    move: { learner: S1, school: DEMO-TEH, grade: 10 }",
    );
    expect(problemsOf(both)).toEqual([expect.stringMatching(/^events\[1\]: an event has exactly one of/)]);
  });

  it("report YAML syntax errors with their line", () => {
    expect(problemsOf("start: [2025\nuntil: x")).toEqual([expect.stringMatching(/^line \d+, column \d+: /)]);
  });
});

describe("rule-set overrides", () => {
  it("set a field by its unique name or its dotted path, as a new version", () => {
    const rules = applyRuleSetOverrides(
      DEFAULT_ABSENCE_RULES,
      { unresolvedAfterSchoolDays: 5, "socialServiceReferral.acknowledgement.withinWorkingDays": 2 },
      7,
    );
    expect(rules.version).toBe(7);
    expect(rules.socialServiceReferral.unresolvedAfterSchoolDays).toBe(5);
    expect(rules.socialServiceReferral.acknowledgement.withinWorkingDays).toBe(2);
    expect(DEFAULT_ABSENCE_RULES.socialServiceReferral.unresolvedAfterSchoolDays).not.toBe(5);
  });

  it("refuse an unknown, ambiguous or invalid field, naming it", () => {
    const problems = (overrides: Record<string, unknown>) => {
      try {
        applyRuleSetOverrides(DEFAULT_ABSENCE_RULES, overrides, 2);
      } catch (error) {
        if (error instanceof RuleSetOverrideError) return error.problems;
        throw error;
      }
      throw new Error("accepted");
    };
    expect(problems({ unresolvedAfterSchooldays: 5 })).toEqual([
      "ruleSet.unresolvedAfterSchooldays: no rule-set field named unresolvedAfterSchooldays",
    ]);
    expect(problems({ moreThan: 30 })[0]).toMatch(
      /^ruleSet\.moreThan: moreThan is ambiguous; name one of thresholds\.0/,
    );
    expect(problems({ unresolvedAfterSchoolDays: -1 })[0]).toMatch(
      /^ruleSet\.socialServiceReferral\.unresolvedAfterSchoolDays: /,
    );
  });
});
