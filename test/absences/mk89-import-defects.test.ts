/**
 * Issue 10, the import side of the MK 89 review: each test is named by the defect and the rule point it keeps.
 * A real database per file (the seeded demo municipality: DEMO-VSK grades 0–12, DEMO-TEH courses 1–4).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { createCalendarRepository } from "../../prisma/repositories/calendar-repository.js";
import { SCHOOL_YEAR_2025_26 } from "../../workflows/domain/calendar/index.js";
import {
  HEADER,
  createImportHarness,
  csv,
  demoCodes,
  demoLearner,
  windows1257,
  type ImportHarness,
} from "./support.js";

let h: ImportHarness;
beforeAll(async () => {
  h = await createImportHarness();
});
afterAll(async () => {
  await h.close();
});

const recordsOf = async (learnerId: string) =>
  h.db.prisma.absenceRecord.findMany({
    where: { learnerId },
    select: { date: true, lesson: true, subject: true, justification: true, schoolId: true },
    orderBy: [{ date: "asc" }, { lesson: "asc" }],
  });

const counterOf = async (learnerId: string, semester = 1) =>
  h.db.prisma.absenceCounter.findFirst({
    where: { learnerId, schoolYear: "2025/26", semester },
    select: { unjustifiedLessons: true, unknownLessons: true, justifiedLessons: true, unexcusedDays: true },
  });

async function* bytesOf(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe("defect 6: a Windows-1257 file from Latvian Excel is read whole or refused whole", () => {
  const [code] = demoCodes("DEMO-VSK", 6, 1) as [string];
  const file = csv(
    "learner_code;date;lesson;subject;reason;justified",
    `${code};2025-09-22;1;Matemātika;;no`,
    `${code};2025-09-22;2;Sports;;no`,
    `${code};2025-09-22;3;Latviešu valoda;ģimenes apstākļi;yes`,
    `${code};2025-09-22;4;Ķīmija;;unknown`,
  );

  it("detects Windows-1257 and imports every row with its letters intact", async () => {
    const result = await h.importer.importCsv(bytesOf(windows1257(file)), {
      scope: { schoolCode: "DEMO-VSK" },
      label: "excel.csv",
    });
    expect(result).toMatchObject({ imported: 4, rejected: 0, rejections: [] });
    expect((await recordsOf(demoLearner(code).id)).map((r) => r.subject)).toEqual([
      "Matemātika",
      "Sports",
      "Latviešu valoda",
      "Ķīmija",
    ]);
  });

  it("refuses the whole file, storing nothing, when --encoding utf-8 meets a Windows-1257 byte", async () => {
    const [other] = demoCodes("DEMO-VSK", 6, 2).slice(1) as [string];
    const before = await h.db.prisma.absenceImportBatch.count();
    const text = file.replaceAll(code, other);
    await expect(
      h.importer.importCsv(bytesOf(windows1257(text)), {
        scope: { schoolCode: "DEMO-VSK" },
        label: "excel.csv",
        encoding: "utf-8",
      }),
    ).rejects.toThrow(/^line 2: not valid UTF-8; nothing was imported: save the file as UTF-8 \(Excel: File → Save As/);
    expect(await recordsOf(demoLearner(other).id)).toEqual([]);
    expect(await h.db.prisma.absenceImportBatch.count()).toBe(before);
  });

  it("refuses a file that mixes UTF-8 letters and a Windows-1257 byte, storing none of its rows", async () => {
    const [other] = demoCodes("DEMO-VSK", 7, 1) as [string];
    const utf8Part = new TextEncoder().encode(csv(HEADER, `${other},2025-09-23,1,Matemātika,,no`));
    const cp1257Part = windows1257(csv(`${other},2025-09-23,2,Sports,slimība,yes`));
    const mixed = new Uint8Array([...utf8Part, ...cp1257Part]);
    await expect(
      h.importer.importCsv(bytesOf(mixed), { scope: { schoolCode: "DEMO-VSK" }, label: "mixed.csv" }),
    ).rejects.toThrow("line 3: not valid UTF-8 (the file mixes UTF-8 and another encoding); nothing was imported");
    expect(await recordsOf(demoLearner(other).id)).toEqual([]);
  });

  it("still reads UTF-8 with multi-byte letters split across chunks, and refuses UTF-16", async () => {
    const [other] = demoCodes("DEMO-VSK", 7, 2).slice(1) as [string];
    const result = await h.importCsv(csv(HEADER, `${other},2025-09-23,1,Ģeogrāfija,,no`));
    expect(result).toMatchObject({ imported: 1, rejected: 0 });
    expect((await recordsOf(demoLearner(other).id)).map((r) => r.subject)).toEqual(["Ģeogrāfija"]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(csv(HEADER), "utf16le")]);
    await expect(
      h.importer.importCsv(bytesOf(utf16), { scope: { schoolCode: "DEMO-VSK" }, label: "unicode.txt" }),
    ).rejects.toThrow("the file is UTF-16");
  });
});

describe("defect 7 (MK 89 p.7 counts missed lessons): absences on days without lessons are rejected by line", () => {
  it("rejects weekends, public holidays and the grade's school holidays, and keeps pre-school open in them", async () => {
    const [pupil] = demoCodes("DEMO-VSK", 4, 1) as [string];
    const [child] = demoCodes("DEMO-VSK", 0, 1) as [string];
    const result = await h.importCsv(
      csv(
        HEADER, //                                    line 1
        `${pupil},2025-10-04,1,,,no`, //             2 Saturday
        `${pupil},2025-10-05,1,,,yes`, //            3 Sunday (justified too: no lesson to miss)
        `${pupil},2025-11-18,1,,,no`, //             4 Proclamation Day
        `${pupil},2025-10-22,1,,,no`, //             5 autumn school holidays
        `${pupil},2025-10-17,1,,,no`, //             6 an ordinary Friday: imported
        `${child},2025-10-22,0,,,no`, //             7 pre-school in the autumn holidays: kindergarten is open
        `${child},2025-10-25,0,,,no`, //             8 pre-school on a Saturday
      ),
    );
    expect(result.rejections).toEqual([
      { position: 2, code: "WEEKEND", reason: "date 2025-10-04 is a Saturday: no lessons" },
      { position: 3, code: "WEEKEND", reason: "date 2025-10-05 is a Sunday: no lessons" },
      {
        position: 4,
        code: "PUBLIC_HOLIDAY",
        reason: "date 2025-11-18 is a public holiday or a day off moved by the government: no lessons",
      },
      {
        position: 5,
        code: "SCHOOL_HOLIDAY",
        reason: "date 2025-10-22 is in the autumn school holidays for grade 4: no lessons",
      },
      { position: 8, code: "WEEKEND", reason: "date 2025-10-25 is a Saturday: no lessons" },
    ]);
    expect(result).toMatchObject({ imported: 2, rejected: 5 });
    expect(await counterOf(demoLearner(pupil).id)).toMatchObject({ unjustifiedLessons: 1 });
  });
});

describe("defect 8: a correction withdraws a record (kept for audit, never counted)", () => {
  it("withdraws by CSV, recomputes the counters, and reports a repeat as a duplicate", async () => {
    const [code] = demoCodes("DEMO-VSK", 8, 1) as [string];
    const id = demoLearner(code).id;
    const days = ["2025-11-03", "2025-11-04", "2025-11-05"];
    const lines = days.flatMap((date) => [1, 2, 3, 4, 5, 6, 7].map((lesson) => `${code},${date},${lesson},,,no`));
    const first = await h.importCsv(csv(HEADER, ...lines));
    expect(first.crossings.map((c) => `${c.ruleId} ${c.before}→${c.after}`)).toEqual(["viis-entry-school 0→21"]);

    // The whole of 5 November was entered by mistake; one lesson of 4 November was in fact justified.
    const correction = csv(
      HEADER,
      ...[1, 2, 3, 4, 5, 6, 7].map((lesson) => `${code},2025-11-05,${lesson},,,withdrawn`),
      `${code},2025-11-04,1,,ārsta zīme,yes`,
    );
    const corrected = await h.importCsv(correction);
    expect(corrected).toMatchObject({ imported: 8, corrected: 8, withdrawn: 7, duplicates: 0, rejected: 0 });
    expect(corrected.crossings).toEqual([]);
    expect(await counterOf(id)).toEqual({
      unjustifiedLessons: 13,
      unknownLessons: 0,
      justifiedLessons: 1,
      unexcusedDays: 2,
    });
    const stored = await recordsOf(id);
    expect(stored.filter((r) => r.justification === "WITHDRAWN")).toHaveLength(7);
    expect(stored).toHaveLength(21);

    expect(await h.importCsv(correction)).toMatchObject({ imported: 0, withdrawn: 0, duplicates: 8 });
  });

  it("accepts a withdrawal for a day now known to have no lessons (the record was stored before)", async () => {
    const [code] = demoCodes("DEMO-VSK", 8, 2).slice(1) as [string];
    const id = demoLearner(code).id;
    await h.db.prisma.absenceRecord.create({
      data: { learnerId: id, date: new Date("2025-10-04"), lesson: 1, justification: "UNJUSTIFIED", source: "MANUAL" },
    });
    const result = await h.importCsv(csv(HEADER, `${code},2025-10-04,1,,,withdrawn`));
    expect(result).toMatchObject({ imported: 1, withdrawn: 1, rejected: 0 });
    expect((await recordsOf(id)).map((r) => r.justification)).toEqual(["WITHDRAWN"]);
  });
});

describe("defect 12 (MK 89 p.7 counts the semester, not the school): a learner who changes school", () => {
  it("counts 15 lessons at school A and 6 at school B together, each row kept at its school", async () => {
    const [code] = demoCodes("DEMO-VSK", 10, 1) as [string];
    const learner = demoLearner(code);
    const vsk = demoIds.school("DEMO-VSK");
    const teh = demoIds.school("DEMO-TEH");
    // The move on 1 December: the directory ends the old enrolment, opens one at the new school under its own
    // e-journal code, and the learner's current school becomes the new one.
    await h.db.prisma.enrolment.deleteMany({ where: { learnerId: learner.id } });
    await h.db.prisma.enrolment.createMany({
      data: [
        {
          learnerId: learner.id,
          schoolId: vsk,
          learnerCode: code,
          grade: 10,
          classLabel: "10.a",
          startedOn: new Date("2025-09-01"),
          endedOn: new Date("2025-11-30"),
        },
        {
          learnerId: learner.id,
          schoolId: teh,
          learnerCode: "T-MOVED-1",
          grade: 10,
          classLabel: "1.k",
          startedOn: new Date("2025-12-01"),
        },
      ],
    });
    await h.db.prisma.learner.update({
      where: { id: learner.id },
      data: { schoolId: teh, learnerCode: "T-MOVED-1" },
    });

    // School A's export, after the move: found through the enrolment, not the learner's current code.
    const atA = await h.importCsv(
      csv(
        HEADER,
        ...["2025-11-24", "2025-11-25", "2025-11-26"].flatMap((date) =>
          [1, 2, 3, 4, 5].map((lesson) => `${code},${date},${lesson},,,no`),
        ),
      ),
    );
    expect(atA).toMatchObject({ imported: 15, rejected: 0, crossings: [] });

    const atB = await h.importCsv(
      csv(HEADER, ...[1, 2, 3, 4, 5, 6].map((lesson) => `T-MOVED-1,2025-12-02,${lesson},,,no`)),
      { scope: { schoolCode: "DEMO-TEH" } },
    );
    expect(atB.rejections).toEqual([]);
    expect(atB.crossings).toMatchObject([
      { ruleId: "viis-entry-school", legalPoint: "MK89_P7", before: 15, after: 21, schoolId: teh },
    ]);
    expect(await counterOf(learner.id)).toMatchObject({ unjustifiedLessons: 21 });
    const bySchool = (await recordsOf(learner.id)).reduce<Record<string, number>>((acc, r) => {
      const school = r.schoolId === vsk ? "A" : r.schoolId === teh ? "B" : String(r.schoolId);
      acc[school] = (acc[school] ?? 0) + 1;
      return acc;
    }, {});
    expect(bySchool).toEqual({ A: 15, B: 6 });
  });

  it("falls back to the learner's school and code for a learner without enrolment rows", async () => {
    const [code] = demoCodes("DEMO-VSK", 9, 1) as [string];
    const learner = demoLearner(code);
    await h.db.prisma.enrolment.deleteMany({ where: { learnerId: learner.id } });
    const result = await h.importCsv(csv(HEADER, `${code},2025-11-06,1,,,no`));
    expect(result).toMatchObject({ imported: 1, rejected: 0 });
    expect((await recordsOf(learner.id)).map((r) => r.schoolId)).toEqual([demoIds.school("DEMO-VSK")]);
  });
});

// Last in the file: these change the municipality's calendar.
describe("defect 7: school closures and the pre-school calendar", () => {
  it("rejects a day the school is closed, for that school only, and pre-school in holidays the municipality closes", async () => {
    const calendars = createCalendarRepository(h.db.prisma);
    await calendars.saveSchoolYear({
      municipalityId: demoIds.municipality(),
      calendar: SCHOOL_YEAR_2025_26,
      overrides: {
        schoolClosures: [
          { schoolIds: [demoIds.school("DEMO-VSK")], start: "2025-11-12", end: "2025-11-12", reasonLv: "Remonts" },
        ],
        preschoolFollowsSchoolHolidays: true,
      },
    });
    const [pupil] = demoCodes("DEMO-VSK", 5, 1) as [string];
    const [child] = demoCodes("DEMO-VSK", 0, 2).slice(1) as [string];
    const [student] = demoCodes("DEMO-TEH", 11, 1) as [string];
    const result = await h.importCsv(
      csv(
        HEADER,
        `${pupil},2025-11-12,1,,,no`, //   2 DEMO-VSK closed
        `${student},2025-11-12,1,,,no`, // 3 DEMO-TEH open
        `${child},2025-10-23,0,,,no`, //   4 pre-school follows the autumn holidays now
      ),
      { scope: {} },
    );
    expect(result.rejections).toEqual([
      {
        position: 2,
        code: "SCHOOL_CLOSURE",
        reason: "date 2025-11-12: the school is closed (a closure in the school calendar): no lessons",
      },
      {
        position: 4,
        code: "SCHOOL_HOLIDAY",
        reason: "date 2025-10-23 is in the autumn school holidays for pre-school: no lessons",
      },
    ]);
    expect(result).toMatchObject({ imported: 1 });
  });

  it("checks pre-school against the kindergartens' own calendar when the municipality keeps one", async () => {
    await createCalendarRepository(h.db.prisma).saveSchoolYear({
      municipalityId: demoIds.municipality(),
      calendar: SCHOOL_YEAR_2025_26,
    });
    await h.db.prisma.schoolCalendar.create({
      data: {
        municipalityId: demoIds.municipality(),
        schoolYear: "2025/26",
        scope: "preschool",
        data: {
          calendar: {
            ...SCHOOL_YEAR_2025_26,
            holidays: [{ kind: "other", start: "2025-11-10", end: "2025-11-11", nameLv: "Bērnudārza slēgšana" }],
          },
          overrides: {},
        },
      },
    });
    const [child] = demoCodes("DEMO-VSK", 0, 3).slice(2) as [string];
    const [pupil] = demoCodes("DEMO-VSK", 3, 1) as [string];
    const result = await h.importCsv(
      csv(
        HEADER,
        `${child},2025-11-10,0,,,no`, // 2 the kindergartens' own closure
        `${child},2025-10-21,0,,,no`, // 3 school autumn holidays: kindergarten open
        `${pupil},2025-11-10,1,,,no`, // 4 school is open that day
      ),
    );
    expect(result.rejections).toEqual([
      {
        position: 2,
        code: "SCHOOL_HOLIDAY",
        reason: "date 2025-11-10 is in a school holiday period for pre-school: no lessons",
      },
    ]);
    expect(result).toMatchObject({ imported: 2 });
  });
});
