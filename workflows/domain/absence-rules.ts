/**
 * The absence-escalation rule set: per municipality, versioned, stored as JSON in `RuleSet.definition`
 * (kind ABSENCE_ESCALATION) and parsed with `absenceRuleSetSchema`. `DEFAULT_ABSENCE_RULES` is Cabinet
 * Regulation No. 89 of 1 Feb 2011 (point by point in docs/domain.md §8), plus the common municipal practice
 * the IKVD concept and the Jūrmala and Ropaži programmes describe (social-service referral, the 100/200-lesson marks).
 *
 * The law only fixes the thresholds (p.7) and who is told (p.2, p.7.2); the day counts for the social-service
 * referral and its acknowledgement are practice, not law, which is why they are data a municipality can edit
 * (municipalities ask for configurable escalation ladders and named responders).
 *
 * Pure: no I/O, no clock reads, safe inside Temporal workflows. A running escalation keeps the version it
 * started with, so a rule set is never edited in place: a change is a new version.
 */
import { z } from "zod";
import { isoDateSchema } from "./calendar/index.js";
import { escalationChainSchema, reminderSpecSchema, taskTimeSchema } from "./human-task-schema.js";

// The workflow fence keeps prisma/ (generated enums included) out of workflows/, so the enum values the rules
// refer to are listed here; test/absences/absence-rules.test.ts checks they equal the Prisma enums.

/** Prisma `Role`: who a task or notification goes to. */
export const RESPONDER_ROLES = [
  "TEACHER",
  "CLASS_TEACHER",
  "PSYCHOLOGIST",
  "SOCIAL_PEDAGOGUE",
  "SPECIAL_EDUCATION_TEACHER",
  "SPEECH_THERAPIST",
  "TEACHING_ASSISTANT",
  "OCCUPATIONAL_THERAPIST",
  "SIGN_INTERPRETER",
  "ASSISTANT",
  "CAREER_COUNSELLOR",
  "SCHOOL_NURSE",
  "SCHOOL_COORDINATOR",
  "DIRECTOR",
  "MUNICIPAL_EDUCATION_SPECIALIST",
  "MUNICIPAL_COORDINATOR",
  "SOCIAL_SERVICE",
  "ORPHANS_COURT",
  "MUNICIPAL_POLICE",
  "STATE_POLICE",
  "YOUTH_WORKER",
  "COMMISSION_MEMBER",
  "MANAGER",
  "ADMINISTRATOR",
] as const;
/** The Prisma `ContactRelation` values that stand in for parents under MK 89 p.2. */
export const OUT_OF_FAMILY_CONTACTS = ["FOSTER_FAMILY", "GUARDIAN", "CARE_INSTITUTION_HEAD"] as const;
/** Prisma `ContactRelation`. */
export const CONTACT_RELATIONS = [
  "MOTHER",
  "FATHER",
  "PARENT",
  "FOSTER_FAMILY",
  "GUARDIAN",
  "CARE_INSTITUTION_HEAD",
  "OTHER",
] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];
/** Prisma `CareSetting`: the learner's family or out-of-family care (MK 89 p.2). */
export const CARE_SETTINGS = ["FAMILY", "FOSTER_FAMILY", "GUARDIANSHIP", "CARE_INSTITUTION"] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];
/** The care settings outside the family, each with the contacts that stand in for the parents there. */
export const OUT_OF_FAMILY_SETTINGS = ["FOSTER_FAMILY", "GUARDIANSHIP", "CARE_INSTITUTION"] as const;
/** Prisma `MeetingBody`. */
export const MEETING_BODIES = ["SUPPORT_TEAM", "INTER_PROFESSIONAL", "INTER_INSTITUTIONAL", "MANAGEMENT"] as const;
/** Prisma `AgencyKind`. */
export const AGENCY_KINDS = [
  "EDUCATION_BOARD",
  "SOCIAL_SERVICE",
  "ORPHANS_COURT",
  "MUNICIPAL_POLICE",
  "STATE_POLICE",
  "YOUTH_CENTRE",
  "PROBATION",
  "NGO",
] as const;

/**
 * Optional task settings (reminders, escalation chain) of a rule-set step. Left out, the workflow uses the
 * defaults that reproduce the MK 89 practice described on each step (absence-escalation.ts, `*Spec`).
 */
const taskSettings = () => ({
  reminders: z.array(reminderSpecSchema).max(5).optional(),
  escalation: escalationChainSchema(RESPONDER_ROLES).optional(),
});

/**
 * The programme a learner follows decides how MK 89 p.7 counts: pre-school in school days, general and
 * vocational education in lessons per semester.
 */
export const ABSENCE_PROGRAMMES = ["PRESCHOOL", "GENERAL", "VOCATIONAL"] as const;
export type AbsenceProgramme = (typeof ABSENCE_PROGRAMMES)[number];

/**
 * What a threshold is compared with. "Unexcused" = UNJUSTIFIED + UNKNOWN: p.7 counts absences where the school
 * "has no information on the reason or the reason is not justified". Justified absences never count.
 */
export const ABSENCE_MEASURES = [
  "SEMESTER_UNEXCUSED_LESSONS",
  "SEMESTER_UNEXCUSED_DAYS",
  "YEAR_UNEXCUSED_LESSONS",
  "YEAR_UNEXCUSED_DAYS",
  /** The longest run of consecutive school days with an unexcused absence in the semester (pre-school). */
  "CONSECUTIVE_UNEXCUSED_DAYS",
] as const;
export type AbsenceMeasure = (typeof ABSENCE_MEASURES)[number];
/** The counters an import sends; CONSECUTIVE_UNEXCUSED_DAYS is left out by older senders (read as 0). */
export type AbsenceMeasures = Readonly<
  Record<Exclude<AbsenceMeasure, "CONSECUTIVE_UNEXCUSED_DAYS">, number> & { CONSECUTIVE_UNEXCUSED_DAYS?: number }
>;
/** Year measures are notified once per school year (AbsenceMilestone), not again in semester 2. */
export const isYearMeasure = (measure: AbsenceMeasure): boolean => measure.startsWith("YEAR_");

/**
 * Where a rule comes from: "MK89_P7" = MK 89 point 7, "MK89_P7_2" = point 7², or a practice code such as
 * "PRACTICE_VBTAI". Upper-case so it can be used as a stable key in audit logs and workflow search attributes.
 */
export const legalPointSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: "Expected a code like MK89_P7" });

/** See `preschoolReading` in the rule set. */
export const PRESCHOOL_READINGS = ["SEMESTER_CUMULATIVE", "SCHOOL_YEAR", "CONSECUTIVE"] as const;
export type PreschoolReading = (typeof PRESCHOOL_READINGS)[number];

const ruleIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: "Expected a slug like viis-entry-school" });

const dueSchema = z.discriminatedUnion("kind", [
  /** "nekavējoties": the task is due as soon as it is raised. */
  z.object({ kind: z.literal("IMMEDIATE") }),
  /** "ne vēlāk kā mācību dienas laikā": by the end of the school day the absence was noticed. */
  z.object({ kind: z.literal("END_OF_SCHOOL_DAY") }),
  z.object({ kind: z.literal("SCHOOL_DAYS"), days: z.number().int().positive() }),
  z.object({ kind: z.literal("WORKING_DAYS"), days: z.number().int().positive() }),
]);
export type AbsenceDue = z.output<typeof dueSchema>;

const actionSchema = z.discriminatedUnion("kind", [
  /** A tracked task for one role, e.g. the director's VIIS entry (p.7); tracked to done. */
  z.object({
    kind: z.literal("TASK"),
    task: z.enum(["VIIS_ENTRY"]),
    assignee: z.enum(RESPONDER_ROLES),
    due: dueSchema,
    legalPoint: legalPointSchema,
    /** Default: reminded at the end of the next school day; no escalation. */
    ...taskSettings(),
  }),
  /** A notification without a task of its own, e.g. the municipal education specialist (p.7²). */
  z.object({ kind: z.literal("NOTIFY"), recipient: z.enum(RESPONDER_ROLES), legalPoint: legalPointSchema }),
  /** Puts the case on the next meeting agenda of a body, e.g. the inter-institutional group. */
  z.object({ kind: z.literal("AGENDA"), body: z.enum(MEETING_BODIES), legalPoint: legalPointSchema }),
]);
export type AbsenceAction = z.output<typeof actionSchema>;

const thresholdRuleSchema = z.object({
  id: ruleIdSchema,
  legalPoint: legalPointSchema,
  programmes: z.array(z.enum(ABSENCE_PROGRAMMES)).min(1),
  measure: z.enum(ABSENCE_MEASURES),
  /** Crossed when the measure becomes strictly greater than this ("vairāk nekā 20 mācību stundas"). */
  moreThan: z.number().int().nonnegative(),
  actions: z.array(actionSchema).min(1),
});
export type AbsenceThresholdRule = z.output<typeof thresholdRuleSchema>;

export const absenceRuleSetSchema = z
  .object({
    version: z.number().int().positive(),
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable(),
    /** Shown to whoever reviews or edits the rules. */
    source: z.string().min(1),
    /** Same-school-day contact when a learner is missing without information (p.4.4, p.6 as schools quote it). */
    parentContact: z.object({
      legalPoint: legalPointSchema,
      responsibleRole: z.enum(RESPONDER_ROLES),
      due: dueSchema,
      /** p.2: in out-of-family care these are contacted instead of the parents. */
      outOfFamilyCare: z.object({
        legalPoint: legalPointSchema,
        /** The relations that may stand in for the parents at all; a relation left out is never contacted. */
        contacts: z.array(z.enum(OUT_OF_FAMILY_CONTACTS)).min(1),
        /**
         * Whom to reach per care setting (within `contacts`). Left out: foster family → FOSTER_FAMILY,
         * guardianship → GUARDIAN, care institution → CARE_INSTITUTION_HEAD (contacts-to-reach.ts).
         */
        bySetting: z.partialRecord(z.enum(OUT_OF_FAMILY_SETTINGS), z.array(z.enum(OUT_OF_FAMILY_CONTACTS))).optional(),
        /**
         * The settings whose children are in the orphan's court's care, so the court is informed too.
         * Left out: guardianship and care institution.
         */
        informOrphansCourtFor: z.array(z.enum(OUT_OF_FAMILY_SETTINGS)).optional(),
      }),
      /**
       * Days whose absence is older than this many school days when it arrives (a late import) are not called
       * one by one: they roll into one CATCH_UP_CONTACT task. Left out: 3.
       */
      catchUpAfterSchoolDays: z.number().int().nonnegative().optional(),
      /** Default: reminded 2 hours before the end of the day; the school coordinator is alerted when it passes. */
      ...taskSettings(),
    }),
    thresholds: z.array(thresholdRuleSchema).min(1),
    /**
     * A semester's escalation stays open after its last day for late data (nightly exports, entries made in the
     * break): it closes only this many school days after the end, and only with no step open. Left out: 10.
     */
    lateDataGraceSchoolDays: z.number().int().nonnegative().optional(),
    /**
     * How pre-school's "more than 3 days" (MK 89 p.7) is read, a municipal choice shown with the rule set:
     * unexcused days per semester, cumulative (the default), per school year, or consecutive school days.
     * It decides the measure of every pre-school threshold on a days measure.
     */
    preschoolReading: z.enum(PRESCHOOL_READINGS).optional(),
    /** When the school cannot resolve the case, it refers it to the social service (IKVD concept, VBTAI advice on absences). */
    socialServiceReferral: z.object({
      legalPoint: legalPointSchema,
      /** The threshold rules whose crossing starts the clock. */
      startsWith: z.array(ruleIdSchema).min(1),
      /** Still unresolved this many school days after the crossing → refer. */
      unresolvedAfterSchoolDays: z.number().int().positive(),
      recipient: z.enum(AGENCY_KINDS),
      /** VBTAI advice: an e-signed document sent to the agency's official e-mail address. */
      document: z.object({ signature: z.literal("E_SIGNATURE"), channel: z.literal("OFFICIAL_EMAIL") }),
      /** When the director's referral is due once prepared; default: the end of the next school day. */
      due: taskTimeSchema.optional(),
      /** Default: no reminder; the municipal coordinator is alerted when it is overdue. */
      ...taskSettings(),
      acknowledgement: z.object({
        withinWorkingDays: z.number().int().positive(),
        onSilenceEscalateTo: z.enum(RESPONDER_ROLES),
        /** Default: reminded 24 hours before; on silence the task passes to `onSilenceEscalateTo`. */
        ...taskSettings(),
      }),
    }),
  })
  .superRefine((rules, ctx) => {
    const ids = new Set<string>();
    rules.thresholds.forEach((rule, i) => {
      if (ids.has(rule.id))
        ctx.addIssue({ code: "custom", path: ["thresholds", i, "id"], message: `duplicate rule id ${rule.id}` });
      ids.add(rule.id);
    });
    rules.socialServiceReferral.startsWith.forEach((id, i) => {
      if (!ids.has(id)) {
        ctx.addIssue({
          code: "custom",
          path: ["socialServiceReferral", "startsWith", i],
          message: `no threshold rule ${id}`,
        });
      }
    });
    if (rules.effectiveTo !== null && rules.effectiveTo <= rules.effectiveFrom) {
      ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: "effectiveTo must be after effectiveFrom" });
    }
  });
export type AbsenceRuleSet = z.output<typeof absenceRuleSetSchema>;
export type AbsenceRuleSetInput = z.input<typeof absenceRuleSetSchema>;

const VIIS_ENTRY_ACTIONS: AbsenceAction[] = [
  { kind: "TASK", task: "VIIS_ENTRY", assignee: "DIRECTOR", due: { kind: "IMMEDIATE" }, legalPoint: "MK89_P7" },
  { kind: "NOTIFY", recipient: "MUNICIPAL_EDUCATION_SPECIALIST", legalPoint: "MK89_P7_2" },
];

/** MK 89 as in force since 1 Feb 2011 (p.7 as worded since MK 592 of 2016), with the seeds' municipal practice. */
export const DEFAULT_ABSENCE_RULES: AbsenceRuleSet = absenceRuleSetSchema.parse({
  version: 1,
  effectiveFrom: "2011-02-01",
  effectiveTo: null,
  source:
    "MK noteikumi Nr. 89 (01.02.2011.) p.2, p.4.4, p.7, p.7.²; sociālā dienesta iesaiste pēc VBTAI ieteikuma; " +
    "100/200 stundu robežas pēc pašvaldību prakses (Jūrmalas programma, Tab.1.4).",
  parentContact: {
    // Schools quote this duty as MK 89 "p.6"; the number is not confirmed (docs/domain.md §8).
    legalPoint: "MK89_P6",
    responsibleRole: "CLASS_TEACHER",
    due: { kind: "END_OF_SCHOOL_DAY" },
    outOfFamilyCare: { legalPoint: "MK89_P2", contacts: ["FOSTER_FAMILY", "GUARDIAN", "CARE_INSTITUTION_HEAD"] },
  },
  thresholds: [
    {
      id: "viis-entry-school",
      legalPoint: "MK89_P7",
      programmes: ["GENERAL", "VOCATIONAL"],
      measure: "SEMESTER_UNEXCUSED_LESSONS",
      moreThan: 20,
      actions: VIIS_ENTRY_ACTIONS,
    },
    {
      id: "viis-entry-preschool",
      legalPoint: "MK89_P7",
      programmes: ["PRESCHOOL"],
      measure: "SEMESTER_UNEXCUSED_DAYS",
      moreThan: 3,
      actions: VIIS_ENTRY_ACTIONS,
    },
    // Jūrmala tracks "above 100 and 200 hours" per school year (Jūrmala programme); the
    // inter-institutional group is where such long-running cases are discussed (§10 item 21).
    {
      id: "year-over-100",
      legalPoint: "PRACTICE_MUNICIPAL_100",
      programmes: ["GENERAL", "VOCATIONAL"],
      measure: "YEAR_UNEXCUSED_LESSONS",
      moreThan: 100,
      actions: [{ kind: "AGENDA", body: "INTER_INSTITUTIONAL", legalPoint: "PRACTICE_MUNICIPAL_100" }],
    },
    {
      id: "year-over-200",
      legalPoint: "PRACTICE_MUNICIPAL_200",
      programmes: ["GENERAL", "VOCATIONAL"],
      measure: "YEAR_UNEXCUSED_LESSONS",
      moreThan: 200,
      actions: [{ kind: "AGENDA", body: "INTER_INSTITUTIONAL", legalPoint: "PRACTICE_MUNICIPAL_200" }],
    },
  ],
  socialServiceReferral: {
    legalPoint: "PRACTICE_VBTAI",
    startsWith: ["viis-entry-school", "viis-entry-preschool"],
    unresolvedAfterSchoolDays: 10,
    recipient: "SOCIAL_SERVICE",
    document: { signature: "E_SIGNATURE", channel: "OFFICIAL_EMAIL" },
    acknowledgement: { withinWorkingDays: 5, onSilenceEscalateTo: "MUNICIPAL_COORDINATOR" },
  },
} satisfies AbsenceRuleSetInput);

export interface ThresholdCrossing {
  ruleId: string;
  legalPoint: string;
  measure: AbsenceMeasure;
  moreThan: number;
  before: number;
  after: number;
  actions: readonly AbsenceAction[];
}

/**
 * The measure a rule compares for `programme`: pre-school rules on a days measure follow the municipality's
 * `preschoolReading` (semester cumulative unless it says otherwise).
 */
export function measureFor(
  rule: AbsenceThresholdRule,
  rules: AbsenceRuleSet,
  programme: AbsenceProgramme,
): AbsenceMeasure {
  if (programme !== "PRESCHOOL" || !rule.measure.endsWith("_DAYS")) return rule.measure;
  switch (rules.preschoolReading ?? "SEMESTER_CUMULATIVE") {
    case "SEMESTER_CUMULATIVE":
      return rule.measure;
    case "SCHOOL_YEAR":
      return "YEAR_UNEXCUSED_DAYS";
    case "CONSECUTIVE":
      return "CONSECUTIVE_UNEXCUSED_DAYS";
  }
}

export const measureValue = (measures: AbsenceMeasures, measure: AbsenceMeasure): number => measures[measure] ?? 0;

/** The threshold rules of `rules` that apply to `programme` and that `measures` exceed. */
export function thresholdsExceeded(
  measures: AbsenceMeasures,
  rules: AbsenceRuleSet,
  programme: AbsenceProgramme,
): AbsenceThresholdRule[] {
  return rules.thresholds.filter(
    (rule) =>
      rule.programmes.includes(programme) && measureValue(measures, measureFor(rule, rules, programme)) > rule.moreThan,
  );
}

/**
 * The marks crossed between two readings of the same learner's counters (before and after an import). A mark
 * already exceeded before is not crossed again, and a correction that lowers a count never "un-crosses", so
 * the caller can signal a workflow exactly once per crossing.
 */
export function thresholdCrossings(
  before: AbsenceMeasures,
  after: AbsenceMeasures,
  rules: AbsenceRuleSet,
  programme: AbsenceProgramme,
): ThresholdCrossing[] {
  return thresholdsExceeded(after, rules, programme)
    .map((rule) => ({ rule, measure: measureFor(rule, rules, programme) }))
    .filter(({ rule, measure }) => measureValue(before, measure) <= rule.moreThan)
    .map(({ rule, measure }) => ({
      ruleId: rule.id,
      legalPoint: rule.legalPoint,
      measure,
      moreThan: rule.moreThan,
      before: measureValue(before, measure),
      after: measureValue(after, measure),
      actions: rule.actions,
    }));
}

/** All-zero measures: the "before" of a learner with no counters yet. */
export const NO_ABSENCES: AbsenceMeasures = {
  SEMESTER_UNEXCUSED_LESSONS: 0,
  SEMESTER_UNEXCUSED_DAYS: 0,
  YEAR_UNEXCUSED_LESSONS: 0,
  YEAR_UNEXCUSED_DAYS: 0,
  CONSECUTIVE_UNEXCUSED_DAYS: 0,
};

/** The rule set in force on `date` among stored versions (the highest version wins on overlap), else null. */
export function ruleSetInForce(ruleSets: readonly AbsenceRuleSet[], date: string): AbsenceRuleSet | null {
  return (
    ruleSets
      .filter((r) => r.effectiveFrom <= date && (r.effectiveTo === null || date < r.effectiveTo))
      .sort((a, b) => b.version - a.version)[0] ?? null
  );
}
