import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAbsenceTotalsRepository, markCounts } from "../../prisma/absences/absence-totals.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { DEFAULT_ABSENCE_RULES } from "../../workflows/domain/absence-rules.js";
import { addCalendarDays, isWeekend, type IsoDate } from "../../workflows/domain/calendar/index.js";
import { HEADER, createImportHarness, csv, demoLearner, type ImportHarness } from "./support.js";

let h: ImportHarness;
beforeAll(async () => {
  h = await createImportHarness();
});
afterAll(async () => {
  await h.close();
});

/** `count` weekdays from `from` on (holidays are not skipped: the import does not require a school day). */
function weekdays(from: IsoDate, count: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; days.length < count; d = addCalendarDays(d, 1)) if (!isWeekend(d)) days.push(d);
  return days;
}

function rows(
  code: string,
  dates: readonly IsoDate[],
  lessons: readonly number[],
  justified: "yes" | "no" | "unknown",
): string[] {
  return dates.flatMap((date) => lessons.map((lesson) => `${code},${date},${lesson},,,${justified}`));
}

async function counters(code: string) {
  const learner = demoLearner(code);
  return h.db.prisma.absenceCounter.findMany({
    where: { learnerId: learner.id },
    select: {
      schoolYear: true,
      semester: true,
      unjustifiedLessons: true,
      unknownLessons: true,
      justifiedLessons: true,
      unexcusedDays: true,
    },
    orderBy: [{ schoolYear: "asc" }, { semester: "asc" }],
  });
}

const crossingsOf = (result: Awaited<ReturnType<ImportHarness["importCsv"]>>) =>
  result.crossings.map((c) => `${c.learnerCode} ${c.schoolYear}/${c.semester} ${c.ruleId} ${c.before}→${c.after}`);

describe("absence counters", () => {
  it("counts unjustified and unknown lessons, never justified ones", async () => {
    expect(demoLearner("V0006").grade).toBe(5);
    const result = await h.importCsv(
      csv(
        HEADER,
        ...rows("V0006", ["2025-09-08", "2025-09-09"], [1, 2], "no"),
        ...rows("V0006", ["2025-09-10"], [1, 2, 3], "unknown"),
        ...rows("V0006", ["2025-09-11", "2025-09-12"], [1, 2, 3, 4, 5, 6, 7, 8], "yes"),
        ...rows("V0006", ["2025-09-15", "2025-09-16", "2025-09-17"], [1, 2, 3, 4, 5, 6, 7, 8], "yes"),
      ),
    );
    expect(result).toMatchObject({ imported: 47, rejected: 0, crossings: [] });
    expect(await counters("V0006")).toEqual([
      {
        schoolYear: "2025/26",
        semester: 1,
        unjustifiedLessons: 4,
        unknownLessons: 3,
        justifiedLessons: 40,
        unexcusedDays: 3,
      },
    ]);
  });

  it("keeps the 20-lesson counter per semester: 19 Dec 2025 is semester 1, 5 Jan 2026 semester 2", async () => {
    expect(demoLearner("V0012").grade).toBe(11);
    const first = await h.importCsv(
      csv(
        HEADER,
        ...rows("V0012", weekdays("2025-12-15", 5), [1, 2, 3, 4], "no"),
        ...rows("V0012", ["2026-01-05"], [1], "unknown"),
      ),
    );
    expect(first).toMatchObject({ imported: 21, rejected: 0, crossings: [] });
    expect(await counters("V0012")).toMatchObject([
      { schoolYear: "2025/26", semester: 1, unjustifiedLessons: 20, unknownLessons: 0 },
      { schoolYear: "2025/26", semester: 2, unjustifiedLessons: 0, unknownLessons: 1 },
    ]);

    const twentyFirst = await h.importCsv(csv(HEADER, "V0012,2025-12-19,5,Fizika,,unknown"));
    expect(crossingsOf(twentyFirst)).toEqual(["V0012 2025/26/1 viis-entry-school 20→21"]);
    expect(twentyFirst.crossings[0]).toMatchObject({
      legalPoint: "MK89_P7",
      measure: "SEMESTER_UNEXCUSED_LESSONS",
      programme: "GENERAL",
      schoolId: demoIds.school("DEMO-VSK"),
      learnerId: demoLearner("V0012").id,
      ruleSetVersion: 1,
    });

    // A re-import and more lessons over the mark: nothing crosses again.
    const again = await h.importCsv(csv(HEADER, "V0012,2025-12-19,5,Fizika,,unknown", "V0012,2025-12-19,6,,,no"));
    expect(again).toMatchObject({ imported: 1, duplicates: 1, crossings: [] });
    expect((await counters("V0012"))[0]).toMatchObject({ unjustifiedLessons: 21, unknownLessons: 1 });
  });

  it("counts pre-school absences in days; the 4th unexcused day crosses, even over the school winter break", async () => {
    expect(demoLearner("V0014").grade).toBe(0);
    const three = await h.importCsv(
      csv(HEADER, ...rows("V0014", ["2025-12-17", "2025-12-18", "2025-12-19"], [0], "no"), "V0014,2025-12-16,0,,,yes"),
    );
    expect(three).toMatchObject({ imported: 4, crossings: [] });
    // Kindergartens stay open between the semesters, so 22 Dec still belongs to pre-school semester 1.
    const fourth = await h.importCsv(csv(HEADER, "V0014,2025-12-22,0,,,unknown"));
    expect(crossingsOf(fourth)).toEqual(["V0014 2025/26/1 viis-entry-preschool 3→4"]);
    expect(fourth.crossings[0]).toMatchObject({ measure: "SEMESTER_UNEXCUSED_DAYS", programme: "PRESCHOOL" });
    expect(await counters("V0014")).toEqual([
      {
        schoolYear: "2025/26",
        semester: 1,
        unjustifiedLessons: 3,
        unknownLessons: 1,
        justifiedLessons: 1,
        unexcusedDays: 4,
      },
    ]);
  });

  it("crosses the yearly 100 and 200 marks once each and exposes per-year totals", async () => {
    expect(demoLearner("V0013").grade).toBe(12);
    const hundred = await h.importCsv(csv(HEADER, ...rows("V0013", weekdays("2025-09-01", 20), [1, 2, 3, 4, 5], "no")));
    expect(crossingsOf(hundred)).toEqual(["V0013 2025/26/1 viis-entry-school 0→100"]);
    const hundredAndOne = await h.importCsv(csv(HEADER, "V0013,2025-09-29,6,,,unknown"));
    expect(crossingsOf(hundredAndOne)).toEqual(["V0013 2025/26/1 year-over-100 100→101"]);
    // One import over both semesters: the semester-2 threshold and the year's 200 mark, each once.
    const more = await h.importCsv(
      csv(
        HEADER,
        ...rows("V0013", weekdays("2025-10-01", 10), [7, 8], "no"),
        ...rows("V0013", weekdays("2026-01-05", 16), [1, 2, 3, 4, 5], "unknown"),
      ),
    );
    expect(crossingsOf(more)).toEqual([
      "V0013 2025/26/2 viis-entry-school 0→80",
      "V0013 2025/26/2 year-over-200 101→201",
    ]);

    const totals = createAbsenceTotalsRepository(h.db.prisma);
    const year = await totals.yearTotals({
      schoolYear: "2025/26",
      where: { schoolId: demoIds.school("DEMO-VSK") },
      rules: DEFAULT_ABSENCE_RULES,
    });
    expect(year.find((t) => t.learnerCode === "V0013")).toMatchObject({
      programme: "GENERAL",
      unjustifiedLessons: 120,
      unknownLessons: 81,
      unexcusedLessons: 201,
      justifiedLessons: 0,
      semesters: [
        { semester: 1, unexcusedLessons: 121, justifiedLessons: 0 },
        { semester: 2, unexcusedLessons: 80, justifiedLessons: 0 },
      ],
      exceeded: ["viis-entry-school", "year-over-100", "year-over-200"],
    });
    expect(year.find((t) => t.learnerCode === "V0006")).toMatchObject({
      unexcusedLessons: 7,
      justifiedLessons: 40,
      exceeded: [],
    });
    expect(markCounts(year, DEFAULT_ABSENCE_RULES)).toEqual({
      "viis-entry-school": 2, // V0012 and V0013
      "viis-entry-preschool": 1, // V0014
      "year-over-100": 1,
      "year-over-200": 1,
    });
  });
});
