/**
 * A scenario's `ruleSet:` overrides, applied to the municipality's rule set in force. A field is named by its
 * leaf name when that is unique in the rule set (`unresolvedAfterSchoolDays`), or by its dotted path
 * (`socialServiceReferral.acknowledgement.withinWorkingDays`, `thresholds.0.moreThan`); the result is checked with
 * the rule set's own schema, so an override the workflows could not run is refused before anything starts.
 */
import { absenceRuleSetSchema, type AbsenceRuleSet } from "../../workflows/domain/absence-rules.js";
import { pathOf } from "./scenario.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in the rule set, as dotted strings ("thresholds.0.moreThan"), leaves and objects alike. */
function pathsOf(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

function resolvePath(rules: Json, name: string): string[] | string {
  const all = pathsOf(rules).filter((p) => p.length > 0);
  if (name.includes(".")) {
    const wanted = name.split(".");
    return all.some((p) => p.join(".") === name) ? wanted : `no rule-set field ${name}`;
  }
  const matches = all.filter((p) => p[p.length - 1] === name);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) return `no rule-set field named ${name}`;
  return `${name} is ambiguous; name one of ${matches.map((p) => p.join(".")).join(", ")}`;
}

export class RuleSetOverrideError extends Error {
  override name = "RuleSetOverrideError";
  constructor(readonly problems: string[]) {
    super(`the scenario's ruleSet is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** The rule set with the overrides applied, as a new version; throws RuleSetOverrideError naming each field. */
export function applyRuleSetOverrides(
  base: AbsenceRuleSet,
  overrides: Record<string, unknown>,
  version: number,
): AbsenceRuleSet {
  const rules = structuredClone(base) as unknown as { [key: string]: Json };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const path = resolvePath(rules, name);
    if (typeof path === "string") {
      problems.push(`ruleSet.${name}: ${path}`);
      continue;
    }
    let target: Json = rules;
    for (const key of path.slice(0, -1)) target = (target as Record<string, Json>)[key]!;
    (target as Record<string, Json>)[path[path.length - 1]!] = value as Json;
  }
  if (problems.length) throw new RuleSetOverrideError(problems);
  const parsed = absenceRuleSetSchema.safeParse({ ...rules, version, effectiveFrom: "2000-01-01", effectiveTo: null });
  if (!parsed.success)
    throw new RuleSetOverrideError(parsed.error.issues.map((i) => `ruleSet.${pathOf(i.path)}: ${i.message}`));
  return parsed.data;
}
