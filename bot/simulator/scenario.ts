/**
 * The scenario file of the MK 89 simulator (docs/simulator.md): learners, timed events and an end, in YAML.
 * The contract is fixed so that scenarios written elsewhere run unchanged; every object is strict, so an unknown
 * or misspelt field is an error naming its path, and nothing is guessed.
 */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";
import { isoDateSchema } from "../../workflows/domain/calendar/index.js";
import { localInstantSchema } from "./local-instant.js";

export const CARE_SETTINGS = ["FAMILY", "FOSTER_FAMILY", "GUARDIANSHIP", "CARE_INSTITUTION"] as const;
/** Prisma `ContactRelation`, the relations a scenario may put on file. */
export const CONTACT_RELATIONS = [
  "MOTHER",
  "FATHER",
  "PARENT",
  "FOSTER_FAMILY",
  "GUARDIAN",
  "CARE_INSTITUTION_HEAD",
  "OTHER",
] as const;
/** How the simulator names the tracked tasks in its timeline and in `act`. */
export const SIMULATED_TASKS = [
  "PARENT_CONTACT",
  "CATCH_UP_CONTACT",
  "VIIS_ENTRY",
  "SD_REFERRAL",
  "SD_ACKNOWLEDGEMENT",
  /** Not a task: the school records the learner's absences as resolved (stops the referral clock). */
  "ESCALATION",
] as const;
export type SimulatedTask = (typeof SIMULATED_TASKS)[number];

/** The actions `act` accepts, per task (docs/simulator.md lists what each does). */
export const TASK_ACTIONS = {
  PARENT_CONTACT: ["done", "justified", "unreachable"],
  CATCH_UP_CONTACT: ["done", "justified", "unreachable"],
  VIIS_ENTRY: ["done"],
  SD_REFERRAL: ["done"],
  SD_ACKNOWLEDGEMENT: ["done"],
  ESCALATION: ["resolve"],
} as const satisfies Record<SimulatedTask, readonly string[]>;

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, {
  error: "expected a short code of letters, digits, '-' or '_'",
});
const role = z.string().regex(/^[A-Z][A-Z_]*$/, { error: "expected a role such as DIRECTOR" });

const learnerSchema = z.strictObject({
  code,
  school: z.string().min(1),
  grade: z.number().int().min(0).max(13),
  /** Class label; default "<grade>.a" (pre-school: "PII"). */
  class: z.string().min(1).max(10).optional(),
  care: z.enum(CARE_SETTINGS).default("FAMILY"),
  contacts: z.array(z.enum(CONTACT_RELATIONS)).default([]),
  adultFrom: isoDateSchema.optional(),
  declaredIn: z.string().min(1).optional(),
});

const absenceSchema = z.strictObject({
  learner: code,
  date: isoDateSchema,
  /** Lesson numbers; lesson 0 = a whole pre-school day. */
  lessons: z.array(z.number().int().min(0).max(12)).min(1),
  justified: z.enum(["yes", "no", "unknown", "withdrawn"]),
  subject: z.string().max(200).optional(),
});

const actSchema = z
  .strictObject({
    learner: code,
    task: z.enum(SIMULATED_TASKS),
    action: z.string().min(1),
    by: role,
    /** For a contact task: which day's task (default: the oldest open one). */
    date: isoDateSchema.optional(),
  })
  .superRefine((act, ctx) => {
    const allowed: readonly string[] = TASK_ACTIONS[act.task];
    if (!allowed.includes(act.action))
      ctx.addIssue({
        code: "custom",
        path: ["action"],
        message: `${act.task} accepts ${allowed.map((a) => `"${a}"`).join(", ")}`,
      });
  });

const moveSchema = z.strictObject({
  learner: code,
  school: z.string().min(1),
  grade: z.number().int().min(0).max(13),
  class: z.string().min(1).max(10).optional(),
});

const eventSchema = z
  .strictObject({
    at: localInstantSchema,
    absences: z.array(absenceSchema).min(1).optional(),
    act: actSchema.optional(),
    move: moveSchema.optional(),
  })
  .superRefine((event, ctx) => {
    const kinds = (["absences", "act", "move"] as const).filter((k) => event[k] !== undefined);
    if (kinds.length !== 1)
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `an event has exactly one of absences, act, move (found ${kinds.length ? kinds.join(", ") : "none"})`,
      });
  });

export const scenarioSchema = z
  .strictObject({
    start: localInstantSchema,
    municipality: z.string().min(1).default("DEMO"),
    /** Overrides of the rule set's fields, by their names in docs/simulator.md (checked against the rule set later). */
    ruleSet: z.record(z.string(), z.unknown()).default({}),
    learners: z.array(learnerSchema).min(1),
    events: z.array(eventSchema).default([]),
    until: localInstantSchema,
  })
  .superRefine((scenario, ctx) => {
    const codes = new Set<string>();
    scenario.learners.forEach((learner, i) => {
      if (codes.has(learner.code))
        ctx.addIssue({ code: "custom", path: ["learners", i, "code"], message: `duplicate learner ${learner.code}` });
      codes.add(learner.code);
    });
    const known = (path: (string | number)[], learner: string) => {
      if (!codes.has(learner)) ctx.addIssue({ code: "custom", path, message: `no learner ${learner} in learners` });
    };
    scenario.events.forEach((event, i) => {
      event.absences?.forEach((a, j) => known(["events", i, "absences", j, "learner"], a.learner));
      if (event.act) known(["events", i, "act", "learner"], event.act.learner);
      if (event.move) known(["events", i, "move", "learner"], event.move.learner);
      if (event.at < scenario.start)
        ctx.addIssue({ code: "custom", path: ["events", i, "at"], message: "is before start" });
      if (event.at > scenario.until)
        ctx.addIssue({ code: "custom", path: ["events", i, "at"], message: "is after until" });
      const previous = scenario.events[i - 1];
      if (previous && event.at < previous.at)
        ctx.addIssue({ code: "custom", path: ["events", i, "at"], message: "events must be in time order" });
    });
    if (scenario.until <= scenario.start)
      ctx.addIssue({ code: "custom", path: ["until"], message: "must be after start" });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioLearner = Scenario["learners"][number];
export type ScenarioEvent = Scenario["events"][number];

/** A scenario that cannot run, with every problem found, each naming its field path. */
export class ScenarioError extends Error {
  override name = "ScenarioError";
  constructor(readonly problems: string[]) {
    super(`the scenario is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export const pathOf = (path: readonly PropertyKey[]): string =>
  path.length === 0
    ? "(top level)"
    : path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");

/** Parses and checks a scenario file's text; throws ScenarioError naming each bad field. */
export function parseScenario(text: string): Scenario {
  let raw: unknown;
  try {
    // YAML 1.2 core schema: dates and times stay strings, which the schema reads in Riga time.
    raw = parseYaml(text, { schema: "core", strict: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "YAML";
      throw new ScenarioError([`${where}: ${error.message.split("\n")[0]}`]);
    }
    throw error;
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(parsed.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`));
  return parsed.data;
}
