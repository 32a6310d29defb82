import type { PrismaClient } from "../client.js";
import type { PersonalDataVault } from "../repositories/personal-data-vault.js";
import { seedDemoLearners } from "./demo-learners.js";
import { demoIds, seedDemoMunicipality } from "./demo-municipality.js";
import { createCalendarRepository } from "../repositories/calendar-repository.js";
import { NATIONAL_SCHOOL_YEARS } from "../../workflows/domain/calendar/index.js";
import {
  seedAbsenceRules,
  seedIkmsIndicators,
  seedIndicators,
  seedRiskClassifier,
  seedSupportCatalogue,
} from "./reference-data.js";

// Seeding in three layers, each idempotent (stable keys; existing rows are left as they are or rewritten with the
// same values):
// - reference data: national, shared by every municipality (npm run db:seed; compose's migrate step);
// - a municipality's starting defaults: its copy of the indicators, MK 89's rule set and the national calendars
//   (given to every municipality when it is created: the demo one here, a real one by the directory import);
// - the demo municipality with 200 made-up learners (npm run db:seed -- --demo; npm start on embedded defaults).

/** The risk classifier, the support-activity catalogue and the IKMS indicators. No municipality, no people. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  await seedRiskClassifier(prisma);
  await seedSupportCatalogue(prisma);
  await seedIkmsIndicators(prisma);
}

/** What a new municipality starts from and then edits as its own: indicators, absence rules, calendars. */
export async function seedMunicipalityDefaults(prisma: PrismaClient, municipalityId: string): Promise<void> {
  await seedIndicators(prisma, municipalityId);
  await seedAbsenceRules(prisma, municipalityId);
  // Municipalities start from the national calendars and edit their copy; a re-seed never overwrites edits.
  const calendars = createCalendarRepository(prisma);
  for (const calendar of NATIONAL_SCHOOL_YEARS) {
    await calendars.saveSchoolYear({ municipalityId, calendar, onlyIfMissing: true });
  }
}

/** The demo municipality (two schools, staff in every role, 200 pseudonymous learners) on top of the reference data. */
export async function seedDemo(deps: { prisma: PrismaClient; vault: PersonalDataVault }): Promise<void> {
  await seedDemoMunicipality(deps.prisma);
  await seedMunicipalityDefaults(deps.prisma, demoIds.municipality());
  await seedDemoLearners(deps.prisma, deps.vault);
}

/** Reference data and the demo municipality: what `npm start` and the test suite's template database hold. */
export async function seedDatabase(deps: { prisma: PrismaClient; vault: PersonalDataVault }): Promise<void> {
  await seedReferenceData(deps.prisma);
  await seedDemo(deps);
}
