import type { PrismaClient } from "../client.js";
import type { PersonalDataVault } from "../repositories/personal-data-vault.js";
import { seedDemoLearners } from "./demo-learners.js";
import { demoIds, seedDemoMunicipality } from "./demo-municipality.js";
import { createCalendarRepository } from "../repositories/calendar-repository.js";
import { NATIONAL_SCHOOL_YEARS } from "../../workflows/domain/calendar/index.js";
import { seedAbsenceRules, seedIndicators, seedRiskClassifier, seedSupportCatalogue } from "./reference-data.js";

/**
 * Reference data (risk classifier, support-activity catalogue, indicators, calendars) and the demo
 * municipality. Idempotent: every row has a stable key and existing rows are left as they are.
 */
export async function seedDatabase(deps: { prisma: PrismaClient; vault: PersonalDataVault }): Promise<void> {
  await seedRiskClassifier(deps.prisma);
  await seedSupportCatalogue(deps.prisma);
  await seedDemoMunicipality(deps.prisma);
  await seedIndicators(deps.prisma, demoIds.municipality());
  await seedAbsenceRules(deps.prisma, demoIds.municipality());
  await seedDemoLearners(deps.prisma, deps.vault);
  // Municipalities start from the national calendars and edit their copy; a re-seed never overwrites edits.
  const calendars = createCalendarRepository(deps.prisma);
  for (const calendar of NATIONAL_SCHOOL_YEARS) {
    await calendars.saveSchoolYear({ municipalityId: demoIds.municipality(), calendar, onlyIfMissing: true });
  }
}
