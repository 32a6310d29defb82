import type { PrismaClient } from "../client.js";
import type { PersonalDataVault } from "../repositories/personal-data-vault.js";
import { seedDemoLearners } from "./demo-learners.js";
import { seedDemoMunicipality } from "./demo-municipality.js";

/**
 * Reference data (risk classifier, support-activity catalogue, indicators, calendars) and the demo
 * municipality. Idempotent: every row has a stable key and existing rows are left as they are.
 */
export async function seedDatabase(deps: { prisma: PrismaClient; vault: PersonalDataVault }): Promise<void> {
  await seedDemoMunicipality(deps.prisma);
  await seedDemoLearners(deps.prisma, deps.vault);
}
