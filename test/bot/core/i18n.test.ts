import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  asLocale,
  formatClass,
  formatLegalPoint,
  formatRigaDate,
  formatRigaDateTime,
  PLACEHOLDER,
  pluralForm,
  localName,
  LOCALES,
  t,
  template,
  type MessageKey,
} from "../../../bot/core/i18n.js";

// Every key, in every language: the keys are read from the module's source, the table of all texts.
const KEYS = new Set<MessageKey>();
const source = readFileSync(new URL("../../../bot/core/i18n.ts", import.meta.url), "utf8");
for (const match of source.matchAll(/^ {2}"([\w.]+)": \{/gm)) KEYS.add(match[1] as MessageKey);

describe("texts", () => {
  it("are read from the source table (sanity: the table has all the families)", () => {
    expect(KEYS.size).toBeGreaterThan(100);
    for (const family of ["help.", "error.", "report.", "case.", "decide.", "details.", "absence.", "home.", "task."])
      expect([...KEYS].some((k) => k.startsWith(family))).toBe(true);
  });

  it("carry no markup of any surface: no *bold*, no `code`, no <links>, no HTML entities", () => {
    for (const key of KEYS)
      for (const locale of LOCALES) {
        const text = template(locale, key);
        expect(text, `${key} (${locale})`).not.toMatch(/[*`<>]|&\w+;/);
      }
  });

  it("exist in Latvian and English for every key, and English is not just the Latvian copied", () => {
    let same = 0;
    for (const key of KEYS) {
      expect(template("lv", key)).toBeTypeOf("string");
      expect(template("en", key)).toBeTypeOf("string");
      if (template("lv", key) === template("en", key) && /[a-zāčēģīķļņšūž]{4}/i.test(template("lv", key))) same += 1;
    }
    // A few are the same in both (references, "pmp-bot"); most are not.
    expect(same).toBeLessThan(10);
  });

  it("use the same placeholders in every language", () => {
    const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
    for (const key of KEYS)
      for (const locale of LOCALES)
        expect(placeholders(template(locale, key)), `${key} (${locale})`).toEqual(placeholders(template("lv", key)));
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(t("lv", "error.unknownCase", { ref: "PMP-1" })).toBe("Lieta PMP-1 nav atrasta, vai Jums nav piekļuves tai.");
    expect(t("en", "error.unknownCase")).toBe("Case {ref} not found or not accessible to you.");
  });
});

describe("a third language", () => {
  it("is in the locale list, and a text it lacks falls back to Latvian", () => {
    expect(LOCALES).toEqual(["lv", "en", "ru"]);
    expect(t("ru", "help.title")).toBe(t("lv", "help.title"));
    expect(t("ru", "case.new", { ref: "PMP-1" })).toBe("Jauns PMP ziņojums: PMP-1");
  });

  it("writes dates the Latvian way in Riga time for every locale", () => {
    const at = new Date("2025-03-30T00:30:00.000Z"); // 02:30 winter time, just before the clocks go forward
    expect(formatRigaDateTime(at, "lv")).toBe("30.03.2025. plkst. 02:30");
    expect(formatRigaDateTime(at, "en")).toBe("30/03/2025, 02:30");
    expect(formatRigaDateTime(at, "ru")).toBe("30.03.2025, 02:30");
  });

  it("takes a locale from outside only when we speak it", () => {
    expect(asLocale("en")).toBe("en");
    expect(asLocale("ru")).toBe("ru");
    expect(asLocale("de")).toBe("lv");
    expect(asLocale(undefined)).toBe("lv");
  });
});

describe("localName", () => {
  it("gives the record's name in the locale, Latvian where a language has none", () => {
    const group = { nameLv: "Skolas vides riski", nameEn: "School-environment risks" };
    expect(localName(group, "lv")).toBe("Skolas vides riski");
    expect(localName(group, "en")).toBe("School-environment risks");
    expect(localName(group, "ru")).toBe("Skolas vides riski");
    expect(localName({ ...group, nameRu: "Риски школьной среды" }, "ru")).toBe("Риски школьной среды");
    expect(localName({ nameLv: "Tikai latviski", nameEn: "" }, "en")).toBe("Tikai latviski");
  });
});

describe("one formatter for numbers, dates, classes and legal points in sentences", () => {
  it("agrees a Latvian noun with its count by the last digit: 1, 21, 101 singular; 11 and the rest plural", () => {
    const forms = { one: "neattaisnots kavējums", other: "neattaisnoti kavējumi" };
    for (const n of [1, 21, 101]) expect(pluralForm("lv", n, forms), String(n)).toBe(forms.one);
    for (const n of [0, 2, 11, 12, 20, 22, 111]) expect(pluralForm("lv", n, forms), String(n)).toBe(forms.other);
    expect(pluralForm("en", 21, { one: "absence", other: "absences" })).toBe("absences");
    expect(t("lv", "absence.viisEntry", { learner: "V0001", class: "7.a klase", count: 21, point: "p" })).toContain(
      "ir 21 neattaisnots kavējums:",
    );
    expect(t("lv", "absence.viisEntry", { learner: "V0001", class: "7.a klase", count: 22, point: "p" })).toContain(
      "ir 22 neattaisnoti kavējumi:",
    );
    expect(t("lv", "text.tooShort", { min: 1 })).toBe("Ierakstiet vismaz 1 rakstzīmi.");
    expect(t("lv", "text.tooShort", { min: 3 })).toBe("Ierakstiet vismaz 3 rakstzīmes.");
  });

  it("writes a class as schools do: 7.a klase, 10. klase, 2. kurss, pirmsskolas grupa", () => {
    expect(formatClass("7.a", "lv")).toBe("7.a klase");
    expect(formatClass("7a", "lv")).toBe("7.a klase");
    expect(formatClass("10", "lv")).toBe("10. klase");
    expect(formatClass("2.k", "lv")).toBe("2. kurss");
    expect(formatClass("PII", "lv")).toBe("pirmsskolas grupa");
    expect(formatClass("7.a", "en")).toBe("class 7.a");
    expect(formatClass("Zīlītes", "lv")).toBe("Zīlītes");
  });

  it("writes a school day as a Latvian date with its ordinal dot, never as ISO", () => {
    expect(formatRigaDate("2026-10-05", "lv")).toBe("05.10.2026.");
    expect(formatRigaDate("2026-10-05", "en")).toBe("05/10/2026");
    expect(formatRigaDate(new Date("2026-10-04T22:30:00Z"), "lv")).toBe("05.10.2026."); // already the 5th in Riga
  });

  it("cites a legal point the way people do instead of the rule set's code", () => {
    expect(formatLegalPoint("MK89_P7", "lv")).toBe("MK noteikumu Nr. 89 7. punkts");
    expect(formatLegalPoint("MK89_P7_2", "lv")).toBe("MK noteikumu Nr. 89 7.2. apakšpunkts");
    expect(formatLegalPoint("MK89_P7_2", "en")).toBe("Cabinet Regulation No. 89, sub-point 7.2");
    expect(formatLegalPoint("CRPL_ART73", "lv")).toBe("CRPL_ART73");
  });
});
