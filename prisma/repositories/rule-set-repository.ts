import type { Prisma, PrismaClient } from "../client.js";
import { caseConfigOverridesSchema, type CaseConfig } from "../../workflows/case-messages.js";
import {
  DEFAULT_ABSENCE_RULES,
  absenceRuleSetSchema,
  ruleSetInForce,
  type AbsenceRuleSet,
} from "../../workflows/domain/absence-rules.js";
import type { IsoDate } from "../../workflows/domain/calendar/index.js";

// A municipality's rule sets (model RuleSet): versioned JSON definitions parsed with the zod schema of their kind,
// here and nowhere else. A stored rule set that fails its schema throws: acting under rules nobody wrote is worse
// than stopping.

export const ruleSetDefinitionSelect = { id: true, version: true, definition: true } satisfies Prisma.RuleSetSelect;

export function createRuleSetRepository(prisma: PrismaClient) {
  return {
    /** The absence-escalation rules in force on `date`, or MK 89's defaults when the municipality stored none. */
    async absenceRulesInForce(municipalityId: string, date: IsoDate): Promise<AbsenceRuleSet> {
      const rows = await prisma.ruleSet.findMany({
        where: { municipalityId, kind: "ABSENCE_ESCALATION" },
        select: ruleSetDefinitionSelect,
      });
      const stored = rows.map((row) => {
        const parsed = absenceRuleSetSchema.safeParse(row.definition);
        if (!parsed.success) {
          throw new Error(`absence rule set version ${row.version} is invalid: ${parsed.error.message}`);
        }
        return parsed.data;
      });
      return ruleSetInForce(stored, date) ?? DEFAULT_ABSENCE_RULES;
    },

    /**
     * The id of the stored absence rule set `version`; the defaults (which live in code) are stored the first time
     * an escalation uses them, so every escalation points at the exact rules it ran under.
     */
    async absenceRuleSetId(municipalityId: string, version: number, definition: AbsenceRuleSet): Promise<string> {
      const existing = await prisma.ruleSet.findUnique({
        where: { municipalityId_kind_version: { municipalityId, kind: "ABSENCE_ESCALATION", version } },
        select: { id: true },
      });
      if (existing) return existing.id;
      const created = await prisma.ruleSet.upsert({
        where: { municipalityId_kind_version: { municipalityId, kind: "ABSENCE_ESCALATION", version } },
        create: {
          municipalityId,
          kind: "ABSENCE_ESCALATION",
          version,
          effectiveFrom: new Date("2011-02-01T00:00:00Z"),
          definition: definition as unknown as Prisma.InputJsonObject,
          note: "MK 89 defaults, recorded when the first escalation used them",
        },
        update: {},
        select: { id: true },
      });
      return created.id;
    },

    /** The newest case-handling rules (kind CASE_HANDLING) in effect at `at`, over the deployment's defaults. */
    async caseConfig(municipalityId: string, at: Date, defaults: CaseConfig): Promise<CaseConfig> {
      const row = await prisma.ruleSet.findFirst({
        where: { municipalityId, kind: "CASE_HANDLING", effectiveFrom: { lte: at } },
        orderBy: { version: "desc" },
        select: ruleSetDefinitionSelect,
      });
      return row ? { ...defaults, ...caseConfigOverridesSchema.parse(row.definition) } : defaults;
    },
  };
}

export type RuleSetRepository = ReturnType<typeof createRuleSetRepository>;
