import { describe, expect, it } from "vitest";
import { IKMS_PMP_INDICATORS, JURMALA_INDICATORS, ikmsIndicatorByCode } from "../../prisma/seed-data/indicators.js";
import {
  PREVENTION_LEVELS,
  SUPPORT_ACTIVITIES,
  SUPPORT_ACTIVITY_CATEGORIES,
  activitiesForRisk,
  activitiesInCategory,
} from "../../prisma/seed-data/support-activities.js";
import { RISK_GROUP_CODES, riskByCode } from "../../workflows/domain/risk-catalogue.js";

describe("support-activity catalogue (IKVD concept Annexes 6–8)", () => {
  it("has 17 categories: 5 universal, 7 targeted, 5 indicated", () => {
    expect(SUPPORT_ACTIVITY_CATEGORIES.map((c) => c.code)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "2.1",
      "2.2",
      "2.3",
      "2.4",
      "2.5",
      "2.6",
      "2.7",
      "3.1",
      "3.2",
      "3.3",
      "3.4",
      "3.5",
    ]);
    const perLevel = PREVENTION_LEVELS.map(
      (l) => SUPPORT_ACTIVITY_CATEGORIES.filter((c) => c.level === l.level).length,
    );
    expect(perLevel).toEqual([5, 7, 5]);
  });

  it("has the 100 activities of Annex 7, with the per-category counts of the source", () => {
    expect(SUPPORT_ACTIVITIES).toHaveLength(100);
    expect(new Set(SUPPORT_ACTIVITIES.map((a) => a.code)).size).toBe(100);
    const counts = SUPPORT_ACTIVITY_CATEGORIES.map((c) => activitiesInCategory(c.code).length);
    expect(counts).toEqual([10, 11, 7, 6, 3, 6, 4, 4, 4, 5, 7, 4, 6, 7, 3, 2, 11]);
  });

  it("numbers activities consecutively within each category", () => {
    for (const c of SUPPORT_ACTIVITY_CATEGORIES) {
      const items = activitiesInCategory(c.code).map((a) => a.code);
      expect(items).toEqual(items.map((_, i) => `${c.code}.${i + 1}`));
    }
  });

  it("gives every activity names, a level, risk groups and Annex 8 tags", () => {
    for (const a of SUPPORT_ACTIVITIES) {
      expect(a.nameLv.trim().length).toBeGreaterThan(3);
      expect(a.nameEn.trim().length).toBeGreaterThan(3);
      expect(a.level).toBe(SUPPORT_ACTIVITY_CATEGORIES.find((c) => c.code === a.categoryCode)?.level);
      expect(a.riskGroups.length).toBeGreaterThan(0);
      for (const g of a.riskGroups) expect(RISK_GROUP_CODES).toContain(g);
      expect(["oneOff", "repeated", "permanent", "asNeeded"]).toContain(a.frequency);
      expect(a.beneficiaries.length).toBeGreaterThan(0);
    }
    expect(SUPPORT_ACTIVITIES.find((a) => a.code === "3.5.8")?.resources).toEqual([]);
    expect(SUPPORT_ACTIVITIES.find((a) => a.code === "1.1.4")?.resources).toEqual(["human", "support", "funding"]);
    expect(SUPPORT_ACTIVITIES.find((a) => a.code === "3.3.2")).toMatchObject({
      nameLv: "Mediācija",
      frequency: "asNeeded",
      beneficiaries: ["teacher", "schoolManagement"],
    });
  });

  it("links each activity only to risk groups its category addresses (Annex 7 agrees with Annex 6)", () => {
    for (const a of SUPPORT_ACTIVITIES) {
      const category = SUPPORT_ACTIVITY_CATEGORIES.find((c) => c.code === a.categoryCode);
      expect([...a.riskGroups].sort(), a.code).toEqual([...(category?.riskGroups ?? [])].sort());
    }
    // Few activities target economic risks (IKVD concept support-activity catalogue).
    expect(SUPPORT_ACTIVITIES.filter((a) => a.riskGroups.includes("C")).map((a) => a.code)).toEqual([
      "1.4.1",
      "1.4.2",
      "1.4.3",
      "1.4.4",
      "1.4.5",
      "1.4.6",
      "1.5.1",
      "1.5.2",
      "1.5.3",
      "3.4.1",
      "3.4.2",
    ]);
  });

  it("references only existing risk codes, within the activity's risk groups", () => {
    const referenced = SUPPORT_ACTIVITIES.flatMap((a) => a.indicativeRiskCodes.map((code) => [a, code] as const));
    expect(referenced.length).toBeGreaterThan(50);
    for (const [activity, code] of referenced) {
      const risk = riskByCode(code);
      expect(risk, `${activity.code} → ${code}`).toBeDefined();
      expect(activity.riskGroups).toContain(risk?.groupCode);
    }
  });

  it("suggests the named measure first for a risk", () => {
    expect(
      activitiesForRisk("A08")
        .slice(0, 3)
        .map((a) => a.code),
    ).toEqual(["1.1.2", "1.1.3", "2.2.1"]);
    expect(activitiesForRisk("C43")[0]?.code).toBe("3.4.1");
    expect(activitiesForRisk("C45").every((a) => a.riskGroups.includes("C"))).toBe(true);
  });
});

describe("Jūrmala indicators (Jūrmala programme Tab.3)", () => {
  it("has the 13 numbered indicators and the b-rows", () => {
    expect(JURMALA_INDICATORS.map((i) => i.code)).toEqual([
      "1",
      "2",
      "2b",
      "3",
      "4",
      "5",
      "6",
      "6b",
      "7",
      "8",
      "9",
      "9b",
      "10",
      "11",
      "12",
      "13",
      "13b",
    ]);
  });

  it("transcribes baselines and targets as numbers, null where Jūrmala sets them in 2025", () => {
    const byCode = new Map(JURMALA_INDICATORS.map((i) => [i.code, i]));
    expect(byCode.get("7")).toMatchObject({
      unit: "percent",
      baselineValue: 1.26,
      baselineYear: "2024",
      target2027: 1,
      target2029: 0.8,
    });
    expect(byCode.get("13b")).toMatchObject({
      baselineValue: 2.23,
      baselineYear: "2023/24",
      target2027: 1.5,
      target2029: 0.72,
    });
    expect(byCode.get("2")).toMatchObject({ unit: "count", baselineValue: 3165, target2029: 3400 });
    expect(byCode.get("12")).toMatchObject({ baselineValue: 22, target2027: 32, target2029: 42, dataSource: null });
    for (const code of ["3", "4", "9", "9b", "10", "11"]) {
      expect(byCode.get(code)).toMatchObject({ baselineValue: null, target2027: null, target2029: null });
      expect(byCode.get(code)?.targetNote).toBe("Sasniedzamie rezultāti tiks noteikti 2025. gadā");
    }
    for (const i of JURMALA_INDICATORS) {
      expect(i.nameLv.length).toBeGreaterThan(10);
      expect(i.nameEn.length).toBeGreaterThan(10);
      if (i.baselineValue === null) expect(i.baselineNote, i.code).not.toBeNull();
      if (i.unit === "percent") {
        for (const v of [i.baselineValue, i.target2027, i.target2029])
          if (v !== null) expect(v).toBeLessThanOrEqual(100);
      }
    }
  });

  it("uses known IKMS codes and copies their RIS flag", () => {
    const withCode = JURMALA_INDICATORS.filter((i) => i.ikmsCode !== null);
    expect(withCode.map((i) => [i.code, i.ikmsCode, i.risFlag])).toEqual([
      ["1", "VID001", false],
      ["2", "VKI010", false],
      ["6", "VID007", false],
      ["7", "VAI002", true],
      ["13", "VAI018", false],
      ["13b", "VAI003", true],
    ]);
    for (const i of withCode) expect(ikmsIndicatorByCode(i.ikmsCode ?? "")).toBeDefined();
    expect(JURMALA_INDICATORS.filter((i) => i.ikmsCodeBasis === "stated").map((i) => i.code)).toEqual(["13b"]);
  });
});

describe("IKMS indicators relevant to PMP (IKVD concept Annex 5)", () => {
  it("lists the 28 codes of P.5.1 with their RIS marks", () => {
    expect(IKMS_PMP_INDICATORS).toHaveLength(28);
    expect(new Set(IKMS_PMP_INDICATORS.map((i) => i.code)).size).toBe(28);
    expect(IKMS_PMP_INDICATORS.filter((i) => i.ris).map((i) => i.code)).toEqual([
      "VAK004",
      "VAK030",
      "VAI003",
      "VAI002",
      "VID006",
      "VLA004",
      "VID005",
      "VID002",
    ]);
  });
});
