import { describe, expect, it } from "vitest";
import {
  LEGACY_PUMPURS_GROUPS,
  OTHER_RISK_CODES,
  RISKS,
  RISK_CODES,
  RISK_GROUPS,
  conceptGroupOfLegacy,
  groupOfOtherCode,
  isOtherRiskCode,
  isRiskCode,
  riskAnswerSchema,
  riskByCode,
  riskByNumber,
  riskGroupByCode,
  risksInGroup,
} from "../../workflows/domain/risk-catalogue.js";

const codesWhere = (pick: (r: (typeof RISKS)[number]) => boolean) => RISKS.filter(pick).map((r) => r.code);

describe("risk classifier (IKVD concept Annex 1, P.1.1)", () => {
  it("has exactly 66 risks numbered 1–66 in order", () => {
    expect(RISKS).toHaveLength(66);
    expect(RISKS.map((r) => r.number)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
  });

  it("has 17 / 23 / 6 / 20 risks in groups A / B / C / D", () => {
    expect(RISK_GROUPS.map((g) => [g.code, risksInGroup(g.code).length])).toEqual([
      ["A", 17],
      ["B", 23],
      ["C", 6],
      ["D", 20],
    ]);
    for (const g of RISK_GROUPS) {
      const numbers = risksInGroup(g.code).map((r) => r.number);
      expect([numbers[0], numbers.at(-1)]).toEqual([...g.numbers]);
    }
  });

  it("uses unique codes of the form group letter + Concept number", () => {
    expect(new Set(RISKS.map((r) => r.code)).size).toBe(66);
    for (const r of RISKS) {
      expect(r.code).toMatch(/^[A-D]\d{2}$/);
      expect(r.code.charAt(0)).toBe(r.groupCode);
      expect(Number(r.code.slice(1))).toBe(r.number);
    }
    expect(RISKS.map((r) => r.code)).toEqual([...RISK_CODES]);
    expect(riskByCode("A01")?.nameLv).toBe("Zems mācību sniegums");
    expect(riskByCode("D66")?.nameEn).toBe("Avoids social institutions");
    expect(riskByNumber(47)?.code).toBe("D47");
    expect(riskByCode("A00")).toBeUndefined();
  });

  it("gives every risk a Latvian and an English name and measures", () => {
    for (const r of RISKS) {
      for (const text of [r.nameLv, r.shortNameLv, r.nameEn, r.measuresLv, r.measuresEn]) {
        expect(text.trim().length).toBeGreaterThan(2);
        expect(text).not.toMatch(/\s{2,}|\n/);
      }
    }
    // Diacritics survived transcription.
    expect(riskByCode("A08")?.nameLv).toBe("Pret izglītojamo vērsta vardarbība/ņirgāšanās/izstumšana");
    expect(riskByCode("D64")?.nameLv).toBe("Izglītojamais ievietots ārpusģimenes aprūpes iestādē");
    expect(riskByCode("C44")?.nameLv).toBe("Ģimene nevar nodrošināt individuālos mācību līdzekļus");
  });

  it("keeps the full P.1.1 name and the short label used in chat", () => {
    expect(riskByCode("B19")).toMatchObject({
      nameLv: "Mācīšanās traucējumi (speciālās vajadzības)",
      shortNameLv: "Mācīšanās traucējumi (SV)",
    });
    expect(riskByCode("B30")?.nameLv).toBe("Piederība augsta riska vienaudžu grupai (skolā vai ārpus tās)");
  });

  it("flags special needs, immediate-intervention and very significant risks as the Concept lists them", () => {
    expect(codesWhere((r) => r.specialNeeds)).toEqual(["B19", "B20", "B21", "B22", "B26"]);
    // low attainment, absences, repetition, low family SES, parents' socio-emotional incompetence
    expect(codesWhere((r) => r.immediateIntervention)).toEqual(["A01", "A02", "A04", "D47", "D55"]);
    // teacher conflicts, family cooperation, cognition, antisocial, addiction, conviction, uninvolved parents
    expect(codesWhere((r) => r.verySignificant)).toEqual(["A06", "A09", "B22", "B27", "B29", "B34", "D58"]);
    expect(codesWhere((r) => r.especiallyImportant)).toEqual([
      "A01",
      "A02",
      "A09",
      "A11",
      "A17",
      "B21",
      "B27",
      "D58",
      "D60",
    ]);
  });

  it("answers status facts yes/no and behaviour by frequency", () => {
    const yesNo = new Set(codesWhere((r) => r.answerKind === "yesNo"));
    for (const code of ["A04", "B26", "B34", "B37", "B38", "B39", "C42", "C46", "D54", "D56", "D64"]) {
      expect(yesNo.has(code as never), code).toBe(true);
    }
    for (const code of ["A01", "A02", "A06", "B25", "B27", "D50", "D58", "D65"]) {
      expect(yesNo.has(code as never), code).toBe(false);
    }
    expect(RISKS.every((r) => r.answerKind === "yesNo" || r.answerKind === "frequency")).toBe(true);
  });
});

describe("groups, legacy mapping and 'Cits'", () => {
  it("names the groups in both languages", () => {
    expect(RISK_GROUPS.map((g) => g.nameLv)).toEqual([
      "Skolas vides riski",
      "Personības riski",
      "Ekonomiskie riski",
      "Ar ģimeni saistītie riski",
    ]);
    for (const g of RISK_GROUPS) expect(g.nameEn.length).toBeGreaterThan(3);
    expect(riskGroupByCode("C")?.headingLv).toBe("Ekonomisko risku grupa");
  });

  it("maps legacy Pumpurs groups 1–4 onto A–D and every risk onto a legacy group", () => {
    expect(LEGACY_PUMPURS_GROUPS.map((g) => [g.number, g.mapsTo])).toEqual([
      [1, "A"],
      [2, "B"],
      [3, "C"],
      [4, "D"],
    ]);
    expect(([1, 2, 3, 4] as const).map(conceptGroupOfLegacy)).toEqual(["A", "B", "C", "D"]);
    for (const g of RISK_GROUPS) expect(conceptGroupOfLegacy(g.legacyGroup)).toBe(g.code);
    for (const r of RISKS) expect([1, 2, 3, 4]).toContain(r.legacyGroup);
    // Jūrmala filed the language barrier under legacy group 1.
    expect(riskByCode("B35")?.legacyGroup).toBe(1);
    expect(
      RISKS.filter((r) => r.code !== "B35").every((r) => r.legacyGroup === riskGroupByCode(r.groupCode)?.legacyGroup),
    ).toBe(true);
  });

  it("has one 'Cits' code per group that is not a risk code", () => {
    expect([...OTHER_RISK_CODES]).toEqual(RISK_GROUPS.map((g) => g.otherCode));
    for (const code of OTHER_RISK_CODES) {
      expect(isOtherRiskCode(code)).toBe(true);
      expect(isRiskCode(code)).toBe(false);
    }
    expect(groupOfOtherCode("C00")).toBe("C");
  });
});

describe("risk answers", () => {
  it("accepts a frequency for frequency risks and yes/no for status risks", () => {
    expect(riskAnswerSchema.safeParse({ code: "A02", frequency: 3 }).success).toBe(true);
    expect(riskAnswerSchema.safeParse({ code: "B39", present: true }).success).toBe(true);
    expect(riskAnswerSchema.safeParse({ code: "A02", present: true }).success).toBe(false);
    expect(riskAnswerSchema.safeParse({ code: "B39", frequency: 2 }).success).toBe(false);
    expect(riskAnswerSchema.safeParse({ code: "A02", frequency: 4 }).success).toBe(false);
    expect(riskAnswerSchema.safeParse({ code: "Z99", frequency: 1 }).success).toBe(false);
  });

  it("requires free text for 'Cits'", () => {
    expect(riskAnswerSchema.safeParse({ code: "D00", text: "Vecāki strādā ārzemēs" }).success).toBe(true);
    expect(riskAnswerSchema.safeParse({ code: "D00", text: "  " }).success).toBe(false);
  });
});
