import type { PrismaClient } from "../client.js";
import {
  DEFAULT_ABSENCE_RULES,
  absenceRuleSetSchema,
  ruleSetInForce,
  type AbsenceRuleSet,
} from "../../workflows/domain/absence-rules.js";
import type { IsoDate } from "../../workflows/domain/calendar/index.js";

/**
 * The municipality's absence-escalation rules in force on `date`, or MK 89's defaults when it stored none.
 * A stored rule set that fails the schema throws: escalating under rules nobody wrote is worse than stopping.
 */
export async function loadAbsenceRules(
  prisma: PrismaClient,
  municipalityId: string,
  date: IsoDate,
): Promise<AbsenceRuleSet> {
  const rows = await prisma.ruleSet.findMany({
    where: { municipalityId, kind: "ABSENCE_ESCALATION" },
    select: { version: true, definition: true },
  });
  const stored = rows.map((row) => {
    const parsed = absenceRuleSetSchema.safeParse(row.definition);
    if (!parsed.success) throw new Error(`absence rule set version ${row.version} is invalid: ${parsed.error.message}`);
    return parsed.data;
  });
  return ruleSetInForce(stored, date) ?? DEFAULT_ABSENCE_RULES;
}
