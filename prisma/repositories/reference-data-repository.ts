import type { PrismaClient } from "../client.js";

// Read access to the national reference data (risk classifier, support catalogue) and a municipality's
// indicators. Shapes are explicit selects so callers get exactly what they display.

const riskSelect = {
  code: true,
  number: true,
  nameLv: true,
  shortNameLv: true,
  nameEn: true,
  answerKind: true,
  immediateIntervention: true,
  verySignificant: true,
  specialNeeds: true,
} as const;

export function createReferenceDataRepository(prisma: PrismaClient) {
  return {
    /** The 4 groups with their risks, in classifier order. */
    async listRiskClassifier() {
      return prisma.riskGroup.findMany({
        orderBy: { ordering: "asc" },
        select: {
          code: true,
          nameLv: true,
          nameEn: true,
          legacyGroup: true,
          risks: { select: riskSelect, orderBy: { number: "asc" } },
        },
      });
    },

    /** Categories by prevention level with their activities and the risks each addresses. */
    async listSupportCatalogue() {
      return prisma.supportActivityCategory.findMany({
        orderBy: { ordering: "asc" },
        select: {
          code: true,
          level: true,
          nameLv: true,
          nameEn: true,
          activities: {
            orderBy: { ordering: "asc" },
            select: {
              code: true,
              nameLv: true,
              nameEn: true,
              frequency: true,
              risks: { select: { riskGroup: true, riskCode: true } },
            },
          },
        },
      });
    },

    /** Support activities that address a given risk, directly or through its group. */
    async activitiesForRisk({ riskCode }: { riskCode: string }) {
      return prisma.supportActivity.findMany({
        where: { risks: { some: { OR: [{ riskCode }, { riskGroup: riskCode.charAt(0), riskCode: null }] } } },
        orderBy: { ordering: "asc" },
        select: { code: true, nameLv: true, nameEn: true, level: true },
      });
    },

    async listIndicators({ municipalityId }: { municipalityId: string }) {
      return prisma.indicator.findMany({
        where: { municipalityId },
        orderBy: { code: "asc" },
        select: {
          code: true,
          nameLv: true,
          nameEn: true,
          unit: true,
          ikmsCode: true,
          risFlag: true,
          baselineValue: true,
          baselineYear: true,
          target2027: true,
          target2029: true,
          dataSource: true,
        },
      });
    },
  };
}
