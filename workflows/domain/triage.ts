/**
 * Triage of a risk report onto the three prevention levels (universal / targeted / indicated), with the reasons
 * for the level and what would lower it, both shown to the case manager.
 *
 * Source: IKVD concept Tab.1.3 and §1.2 (see docs/domain.md §5):
 *   - first-time, low-probability risk → preventive work (universal);
 *   - repeated, medium-high risk → regular support (targeted);
 *   - long-lasting risk with substantial impact → crisis intervention (indicated);
 *   - "Zemi vērtējumi vismaz trīs mācību priekšmetos liecina par augstu PMP risku" (low grades in ≥ 3 subjects);
 *   - immediate-intervention risks at every stage (low attainment, absences, repetition, low family SES,
 *     parents' socio-emotional incompetence) and very significant ones in basic and secondary school.
 * The seeds give the principles, not thresholds; the numbers below are our reading and live in
 * TriageConfig so a municipality can tune them.
 *
 * Pure: takes `now` and the learner's earlier reports as arguments; safe inside Temporal workflows.
 */
import { z } from "zod";
import { riskByCode, type RiskAnswer, type RiskCode, type RiskGroupCode } from "./risk-catalogue.js";

export const PREVENTION_LEVELS = ["UNIVERSAL", "TARGETED", "INDICATED"] as const;
export type PreventionLevel = (typeof PREVENTION_LEVELS)[number];

/** The most intensive of some levels (universal < targeted < indicated); universal when there are none. */
export function highestLevel(levels: readonly PreventionLevel[]): PreventionLevel {
  return levels.reduce<PreventionLevel>(
    (a, b) => (PREVENTION_LEVELS.indexOf(b) > PREVENTION_LEVELS.indexOf(a) ? b : a),
    "UNIVERSAL",
  );
}

export const triageConfigSchema = z.object({
  /** An earlier report within this many days makes the risk "repeated". */
  repeatWindowDays: z.number().int().positive().default(365),
  /** A risk first reported at least this many days ago and still present is "long-lasting". */
  longLastingDays: z.number().int().positive().default(90),
  /** Low attainment in at least this many subjects means high risk (IKVD concept P.1.1 #1). */
  lowAttainmentSubjects: z.number().int().positive().default(3),
  /** This many risks at "often" or worse (or yes) call for regular support even the first time. */
  manyRisks: z.number().int().positive().default(3),
  /** Risks that threaten the child's safety: a strong answer goes straight to crisis intervention. */
  crisisRisks: z.array(z.string()).default(["A08", "B28", "B29", "D53", "D62"]),
});
export type TriageConfig = z.output<typeof triageConfigSchema>;
export const DEFAULT_TRIAGE_CONFIG: TriageConfig = triageConfigSchema.parse({});

export interface EarlierReport {
  reportedAt: Date;
  answers: readonly RiskAnswer[];
}

export interface TriageInput {
  answers: readonly RiskAnswer[];
  /** Subjects in which the learner currently has low grades, if the reporter knows. */
  lowAttainmentSubjects?: number | undefined;
  /** The learner's earlier reports, any order. */
  history: readonly EarlierReport[];
  now: Date;
  config?: TriageConfig;
}

export type Persistence = "FIRST_TIME" | "REPEATED" | "LONG_LASTING";

export type TriageReason =
  | { code: "CRISIS_RISK"; level: "INDICATED"; risks: RiskCode[] }
  | { code: "LONG_LASTING_SIGNIFICANT"; level: "INDICATED"; risks: RiskCode[]; sinceDays: number }
  | { code: "LOW_ATTAINMENT_PERSISTENT"; level: "INDICATED"; subjects: number }
  | { code: "IMMEDIATE_RISK"; level: "TARGETED"; risks: RiskCode[] }
  | { code: "LOW_ATTAINMENT"; level: "TARGETED"; subjects: number }
  | { code: "REPEATED"; level: "TARGETED"; risks: RiskCode[] }
  | { code: "LONG_LASTING"; level: "TARGETED"; risks: RiskCode[]; sinceDays: number }
  | { code: "MANY_RISKS"; level: "TARGETED"; risks: RiskCode[] }
  | { code: "FIRST_TIME_LOW"; level: "UNIVERSAL" };

export type TriageClearance =
  | { code: "RISKS_BELOW_OFTEN"; risks: RiskCode[] }
  | { code: "CRISIS_RULED_OUT"; risks: RiskCode[] }
  | { code: "ATTAINMENT_IMPROVES"; belowSubjects: number }
  | { code: "NO_NEW_REPORT_UNTIL"; date: string }
  | { code: "FEWER_STRONG_RISKS"; below: number };

export interface TriageResult {
  level: PreventionLevel;
  persistence: Persistence;
  /** Every rule that fired, highest level first. */
  reasons: TriageReason[];
  /** What would take the case below its current level: all of these must happen. */
  clearsWhen: TriageClearance[];
  /** Risks answered above "never"/"no", and the groups they belong to (for chat summaries). */
  presentRisks: RiskCode[];
  groups: RiskGroupCode[];
}

const DAY_MS = 86_400_000;

const isPresent = (a: RiskAnswer): boolean => ("frequency" in a ? a.frequency >= 1 : "present" in a ? a.present : true);
/** "Often" or "always", or a yes: the level of concern the concept treats as medium-high. */
const isStrong = (a: RiskAnswer): boolean => ("frequency" in a ? a.frequency >= 2 : "present" in a ? a.present : false);
const codedRisk = (a: RiskAnswer): RiskCode | undefined => ("text" in a ? undefined : a.code);

export function triage(input: TriageInput): TriageResult {
  const config = input.config ?? DEFAULT_TRIAGE_CONFIG;
  const present = input.answers.filter(isPresent);
  const strong = unique(input.answers.filter(isStrong).map(codedRisk));
  const presentCodes = unique(present.map(codedRisk));
  const groups = unique(
    present.map((a) => ("text" in a ? (a.code.charAt(0) as RiskGroupCode) : riskByCode(a.code)?.groupCode)),
  );
  const flagged = (flag: "immediateIntervention" | "verySignificant") =>
    strong.filter((code) => riskByCode(code)?.[flag]);

  const recent = input.history.filter(
    (r) => ageDays(r, input.now) <= config.repeatWindowDays && r.reportedAt <= input.now,
  );
  const firstSeen = new Map<RiskCode, number>();
  for (const report of recent) {
    for (const code of unique(report.answers.filter(isPresent).map(codedRisk))) {
      firstSeen.set(code, Math.max(firstSeen.get(code) ?? 0, ageDays(report, input.now)));
    }
  }
  const longLasting = strong.filter((code) => (firstSeen.get(code) ?? 0) >= config.longLastingDays);
  const repeated = strong.filter((code) => firstSeen.has(code));
  const persistence: Persistence = longLasting.length ? "LONG_LASTING" : recent.length ? "REPEATED" : "FIRST_TIME";
  const sinceDays = Math.max(0, ...longLasting.map((code) => firstSeen.get(code) ?? 0));
  const lowSubjects = input.lowAttainmentSubjects ?? 0;
  const lowAttainment = lowSubjects >= config.lowAttainmentSubjects;

  const reasons: TriageReason[] = [];
  const crisis = strong.filter((code) => config.crisisRisks.includes(code));
  if (crisis.length) reasons.push({ code: "CRISIS_RISK", level: "INDICATED", risks: crisis });
  const significantLasting = longLasting.filter(
    (code) => riskByCode(code)?.immediateIntervention || riskByCode(code)?.verySignificant,
  );
  if (significantLasting.length)
    reasons.push({ code: "LONG_LASTING_SIGNIFICANT", level: "INDICATED", risks: significantLasting, sinceDays });
  if (lowAttainment && persistence !== "FIRST_TIME")
    reasons.push({ code: "LOW_ATTAINMENT_PERSISTENT", level: "INDICATED", subjects: lowSubjects });

  const immediate = unique([...flagged("immediateIntervention"), ...flagged("verySignificant")]);
  if (immediate.length) reasons.push({ code: "IMMEDIATE_RISK", level: "TARGETED", risks: immediate });
  if (lowAttainment) reasons.push({ code: "LOW_ATTAINMENT", level: "TARGETED", subjects: lowSubjects });
  if (longLasting.length) reasons.push({ code: "LONG_LASTING", level: "TARGETED", risks: longLasting, sinceDays });
  else if (repeated.length) reasons.push({ code: "REPEATED", level: "TARGETED", risks: repeated });
  if (strong.length >= config.manyRisks) reasons.push({ code: "MANY_RISKS", level: "TARGETED", risks: strong });
  if (reasons.length === 0) reasons.push({ code: "FIRST_TIME_LOW", level: "UNIVERSAL" });

  const level = reasons[0]!.level;
  const newestReport = Math.max(input.now.getTime(), ...recent.map((r) => r.reportedAt.getTime()));
  return {
    level,
    persistence,
    reasons,
    clearsWhen: mergeClearances(
      reasons.filter((r) => r.level === level).flatMap((r) => clearanceFor(r, config, newestReport)),
    ),
    presentRisks: presentCodes,
    groups: [...groups].sort(),
  };
}

function clearanceFor(reason: TriageReason, config: TriageConfig, newestReport: number): TriageClearance[] {
  switch (reason.code) {
    case "CRISIS_RISK":
      return [{ code: "CRISIS_RULED_OUT", risks: reason.risks }];
    case "LONG_LASTING_SIGNIFICANT":
    case "IMMEDIATE_RISK":
    case "LONG_LASTING":
    case "REPEATED":
      return [{ code: "RISKS_BELOW_OFTEN", risks: reason.risks }];
    case "LOW_ATTAINMENT_PERSISTENT":
    case "LOW_ATTAINMENT":
      return [{ code: "ATTAINMENT_IMPROVES", belowSubjects: config.lowAttainmentSubjects }];
    case "MANY_RISKS":
      return [{ code: "FEWER_STRONG_RISKS", below: config.manyRisks }];
    case "FIRST_TIME_LOW":
      return [
        {
          code: "NO_NEW_REPORT_UNTIL",
          date: new Date(newestReport + config.repeatWindowDays * DAY_MS).toISOString().slice(0, 10),
        },
      ];
  }
}

/** Several reasons may clear the same way ("these risks below often"): say it once, with all the risks. */
function mergeClearances(list: TriageClearance[]): TriageClearance[] {
  const merged: TriageClearance[] = [];
  for (const item of list) {
    const same = merged.find((m) => m.code === item.code);
    if (same && "risks" in same && "risks" in item) same.risks = unique([...same.risks, ...item.risks]);
    else if (!same) merged.push(item);
  }
  return merged;
}

function ageDays(report: EarlierReport, now: Date): number {
  return Math.floor((now.getTime() - report.reportedAt.getTime()) / DAY_MS);
}

function unique<T>(values: ReadonlyArray<T | undefined>): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}
