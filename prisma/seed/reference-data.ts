import type { Prisma, PrismaClient } from "../client.js";
import type { PreventionLevel } from "../generated/enums.js";
import { RISK_GROUPS, RISKS } from "../../workflows/domain/risk-catalogue.js";
import { SUPPORT_ACTIVITIES, SUPPORT_ACTIVITY_CATEGORIES } from "../seed-data/support-activities.js";
import { IKMS_PMP_INDICATORS, JURMALA_INDICATORS } from "../seed-data/indicators.js";
import { stableId } from "./stable-id.js";
import { DEFAULT_ABSENCE_RULES } from "../../workflows/domain/absence-rules.js";

// National reference data: the 66-risk classifier, the support-activity catalogue and the IKMS indicators.
// Upserts write the same values again on a re-seed (so a corrected catalogue propagates) and change nothing
// otherwise.

const LEVEL: Record<"universal" | "targeted" | "indicated", PreventionLevel> = {
  universal: "UNIVERSAL",
  targeted: "TARGETED",
  indicated: "INDICATED",
};

export async function seedRiskClassifier(prisma: PrismaClient): Promise<void> {
  for (const group of RISK_GROUPS) {
    const data = {
      nameLv: group.nameLv,
      nameEn: group.nameEn,
      headingLv: group.headingLv,
      legacyGroup: group.legacyGroup,
      ordering: group.ordering,
    };
    await prisma.riskGroup.upsert({ where: { code: group.code }, create: { code: group.code, ...data }, update: data });
  }
  for (const risk of RISKS) {
    const data = {
      number: risk.number,
      groupCode: risk.groupCode,
      nameLv: risk.nameLv,
      shortNameLv: risk.shortNameLv,
      nameEn: risk.nameEn,
      answerKind: risk.answerKind === "yesNo" ? ("YES_NO" as const) : ("FREQUENCY" as const),
      immediateIntervention: risk.immediateIntervention,
      verySignificant: risk.verySignificant,
      especiallyImportant: risk.especiallyImportant,
      specialNeeds: risk.specialNeeds,
      legacyGroup: risk.legacyGroup,
      measuresLv: risk.measuresLv,
      measuresEn: risk.measuresEn,
    };
    await prisma.risk.upsert({ where: { code: risk.code }, create: { code: risk.code, ...data }, update: data });
  }
}

export async function seedSupportCatalogue(prisma: PrismaClient): Promise<void> {
  for (const category of SUPPORT_ACTIVITY_CATEGORIES) {
    const data = {
      level: LEVEL[category.level],
      nameLv: category.nameLv,
      nameEn: category.nameEn,
      riskGroups: [...category.riskGroups],
      ordering: category.ordering,
    };
    await prisma.supportActivityCategory.upsert({
      where: { code: category.code },
      create: { code: category.code, ...data },
      update: data,
    });
  }
  for (const activity of SUPPORT_ACTIVITIES) {
    const data = {
      categoryCode: activity.categoryCode,
      level: LEVEL[activity.level],
      ordering: activity.ordering,
      nameLv: activity.nameLv,
      nameEn: activity.nameEn,
      resources: [...activity.resources],
      frequency: activity.frequency,
      beneficiaries: [...activity.beneficiaries],
    };
    await prisma.supportActivity.upsert({
      where: { code: activity.code },
      create: { code: activity.code, ...data },
      update: data,
    });
    // Annex 7 links activities to risk groups; the specific risks are our reading of P.1.1 (see seed-data).
    const links = [
      ...activity.riskGroups.map((riskGroup) => ({ riskGroup, riskCode: null })),
      ...activity.indicativeRiskCodes.map((riskCode) => ({ riskGroup: riskCode.charAt(0), riskCode })),
    ];
    for (const link of links) {
      const id = stableId(`activity-risk:${activity.code}:${link.riskGroup}:${link.riskCode ?? "*"}`);
      await prisma.supportActivityRisk.upsert({
        where: { id },
        create: { id, activityCode: activity.code, ...link },
        update: {},
      });
    }
  }
}

/** The state education-quality monitoring (IKMS) indicators relevant to PMP: national, shared by every municipality. */
export async function seedIkmsIndicators(prisma: PrismaClient): Promise<void> {
  for (const ikms of IKMS_PMP_INDICATORS) {
    const data = { nameLv: ikms.nameLv, nameEn: ikms.nameEn, ris: ikms.ris };
    await prisma.ikmsIndicator.upsert({
      where: { code: ikms.code },
      create: { code: ikms.code, ...data },
      update: data,
    });
  }
}

export async function seedIndicators(prisma: PrismaClient, municipalityId: string): Promise<void> {
  await seedIkmsIndicators(prisma);
  // A municipality starts from the Jūrmala indicator set (Jūrmala programme Tab.3) and edits its copy: never overwritten.
  for (const indicator of JURMALA_INDICATORS) {
    await prisma.indicator.upsert({
      where: { municipalityId_code: { municipalityId, code: indicator.code } },
      create: {
        municipalityId,
        code: indicator.code,
        nameLv: indicator.nameLv,
        nameEn: indicator.nameEn,
        unit: indicator.unit === "percent" ? "PERCENT" : "COUNT",
        level: LEVEL[indicator.level],
        ikmsCode: indicator.ikmsCode,
        ikmsCodeBasis: indicator.ikmsCodeBasis,
        risFlag: indicator.risFlag,
        baselineValue: indicator.baselineValue,
        baselineYear: indicator.baselineYear,
        baselineNote: indicator.baselineNote,
        target2027: indicator.target2027,
        target2029: indicator.target2029,
        targetNote: indicator.targetNote,
        dataSource: indicator.dataSource,
        note: indicator.note,
        // Target years are rows (IndicatorTarget): the Jūrmala table happens to set 2027 and 2029.
        targets: {
          create: [
            { year: "2027", value: indicator.target2027 },
            { year: "2029", value: indicator.target2029 },
          ]
            .filter((target) => target.value !== null || indicator.targetNote !== null)
            .map((target) => ({ ...target, note: indicator.targetNote })),
        },
      },
      update: {},
    });
  }
}

/** Every municipality starts on MK 89's rules as version 1; later versions are new rows, never edits. */
export async function seedAbsenceRules(prisma: PrismaClient, municipalityId: string): Promise<void> {
  const key = {
    municipalityId_kind_version: {
      municipalityId,
      kind: "ABSENCE_ESCALATION" as const,
      version: DEFAULT_ABSENCE_RULES.version,
    },
  };
  await prisma.ruleSet.upsert({
    where: key,
    create: {
      municipalityId,
      kind: "ABSENCE_ESCALATION",
      version: DEFAULT_ABSENCE_RULES.version,
      effectiveFrom: new Date(`${DEFAULT_ABSENCE_RULES.effectiveFrom}T00:00:00Z`),
      definition: DEFAULT_ABSENCE_RULES as unknown as Prisma.InputJsonObject,
      note: "MK noteikumi Nr. 89 (noklusējums)",
    },
    update: {},
  });
}
