import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEADER, createImportHarness, csv, type ImportHarness } from "./support.js";

// V0005 is in grade 4, V0001 in the pre-school group (grade 0), T0001 in the vocational school (demo seed).
let h: ImportHarness;
beforeAll(async () => {
  h = await createImportHarness();
});
afterAll(async () => {
  await h.close();
});

const storedFor = async (learnerCode: string) =>
  h.db.prisma.absenceRecord.findMany({
    where: { learner: { learnerCode, school: { code: "DEMO-VSK" } } },
    select: { date: true, lesson: true, subject: true, reason: true, justification: true, source: true },
    orderBy: [{ date: "asc" }, { lesson: "asc" }],
  });

describe("CSV import with malformed rows", () => {
  const file = csv(
    HEADER, //                                                      line 1
    "V0005,2025-09-15,1,Matemātika,,no", //                          2 ok
    "V0005,2025-09-15,2,Latviešu valoda,slimība,yes", //             3 ok
    "V9999,2025-09-15,1,Matemātika,,no", //                          4 unknown learner
    "V0005,15.09.2025,3,Matemātika,,no", //                          5 malformed date
    "V0005,2025-02-30,3,Matemātika,,no", //                          6 impossible date
    "V0005,2025-09-16,13,Matemātika,,no", //                         7 lesson out of range
    "V0005,2025-09-16,3,Matemātika,,maybe", //                       8 bad justified
    "V0005,2025-09-16,3,Matemātika,no", //                           9 wrong column count
    "V0005,2025-09-16,0,,,no", //                                    10 lesson 0 for a school learner
    "V0001,2025-09-16,2,,,no", //                                    11 pre-school with a lesson
    "V0005,2025-07-10,1,,,no", //                                    12 summer
    "V0005,2025-12-22,1,,,no", //                                    13 break between semesters
    "T0001,2025-09-16,1,,,no", //                                    14 other school's learner
    "V0005,2026-12-01,1,,,no", //                                    15 future (today is 2026-11-24 in the test)
    "V0005,2025-09-16,x,Fizika,,unknown", //                         16 lesson not a number
    'V0005,2025-09-17,4,"Sports, veselība","""ārsts""",unknown', //  17 ok, quoted
    "V0001,2025-09-16,0,,,unknown", //                               18 ok, pre-school day
    "V0005,2025-09-17,5,,,UNKNOWN", //                               19 ok, case-insensitive
  );

  it("names every rejected line with its reason and stores every valid row", async () => {
    const result = await h.importCsv(file, { today: "2026-11-24" });
    expect(result.rejections).toEqual([
      { position: 4, code: "UNKNOWN_LEARNER", reason: 'unknown learner code "V9999" in school DEMO-VSK' },
      { position: 5, code: "INVALID_FIELD", reason: 'date "15.09.2025" is not written YYYY-MM-DD' },
      { position: 6, code: "INVALID_FIELD", reason: "date 2025-02-30 does not exist" },
      { position: 7, code: "INVALID_FIELD", reason: 'lesson "13" is not a whole number from 0 to 12' },
      { position: 8, code: "INVALID_FIELD", reason: 'justified "maybe" must be yes, no, unknown or withdrawn' },
      { position: 9, code: "MALFORMED_RECORD", reason: "expected 6 fields, found 5 (check delimiters and quotes)" },
      {
        position: 10,
        code: "LESSON_ZERO",
        reason: "lesson 0 (a whole pre-school day) is only for pre-school learners; school lessons are 1-12",
      },
      {
        position: 11,
        code: "PRESCHOOL_LESSON",
        reason: "lesson 2: pre-school absences are whole days, written as lesson 0",
      },
      {
        position: 12,
        code: "OUTSIDE_SEMESTER",
        reason:
          "date 2025-07-10 is outside the semesters of grade 4 (break between semesters, summer, or no school calendar)",
      },
      {
        position: 13,
        code: "OUTSIDE_SEMESTER",
        reason:
          "date 2025-12-22 is outside the semesters of grade 4 (break between semesters, summer, or no school calendar)",
      },
      { position: 14, code: "UNKNOWN_LEARNER", reason: 'unknown learner code "T0001" in school DEMO-VSK' },
      { position: 15, code: "FUTURE_DATE", reason: "date 2026-12-01 is in the future" },
      { position: 16, code: "INVALID_FIELD", reason: 'lesson "x" is not a whole number from 0 to 12' },
    ]);
    expect(result).toMatchObject({ imported: 5, duplicates: 0, rejected: 13 });

    expect(await storedFor("V0005")).toEqual([
      {
        date: new Date("2025-09-15"),
        lesson: 1,
        subject: "Matemātika",
        reason: null,
        justification: "UNJUSTIFIED",
        source: "CSV_IMPORT",
      },
      {
        date: new Date("2025-09-15"),
        lesson: 2,
        subject: "Latviešu valoda",
        reason: "slimība",
        justification: "JUSTIFIED",
        source: "CSV_IMPORT",
      },
      {
        date: new Date("2025-09-17"),
        lesson: 4,
        subject: "Sports, veselība",
        reason: '"ārsts"',
        justification: "UNKNOWN",
        source: "CSV_IMPORT",
      },
      {
        date: new Date("2025-09-17"),
        lesson: 5,
        subject: null,
        reason: null,
        justification: "UNKNOWN",
        source: "CSV_IMPORT",
      },
    ]);
    expect(await storedFor("V0001")).toMatchObject([
      { date: new Date("2025-09-16"), lesson: 0, justification: "UNKNOWN" },
    ]);

    const batch = await h.db.prisma.absenceImportBatch.findUniqueOrThrow({
      where: { id: result.batchId },
      select: { source: true, label: true, imported: true, duplicates: true, rejected: true, finishedAt: true },
    });
    expect(batch).toMatchObject({ source: "CSV_IMPORT", label: "test.csv", imported: 5, duplicates: 0, rejected: 13 });
    expect(batch.finishedAt).not.toBeNull();
  });

  it("reports every valid row as a duplicate when the same file comes again", async () => {
    const result = await h.importCsv(file, { today: "2026-11-24" });
    expect(result).toMatchObject({ imported: 0, duplicates: 5, rejected: 13, crossings: [] });
  });

  it("adds only what is new from a corrected file", async () => {
    const corrected = file
      .replace("V9999,2025-09-15,1", "V0006,2025-09-15,1") // now a known learner (grade 5)
      .replace("15.09.2025", "2025-09-18")
      .replace("maybe", "no");
    const result = await h.importCsv(corrected, { today: "2026-11-24" });
    expect(result).toMatchObject({ imported: 3, duplicates: 5, rejected: 10 });
    expect((await storedFor("V0005")).map((r) => `${r.date.toISOString().slice(0, 10)}#${r.lesson}`)).toEqual([
      "2025-09-15#1",
      "2025-09-15#2",
      "2025-09-16#3",
      "2025-09-17#4",
      "2025-09-17#5",
      "2025-09-18#3",
    ]);
  });
});

describe("corrections from a later export", () => {
  it("applies a changed justification (a parent's note arrived), lowers the counter, then reports the row as a duplicate", async () => {
    const counter = async () =>
      h.db.prisma.absenceCounter.findFirstOrThrow({
        where: { learner: { learnerCode: "V0010", school: { code: "DEMO-VSK" } }, schoolYear: "2025/26", semester: 1 },
        select: { unknownLessons: true, justifiedLessons: true },
      });
    const first = await h.importCsv(
      csv(HEADER, "V0010,2025-10-06,1,Matemātika,,unknown", "V0010,2025-10-06,2,Fizika,,unknown"),
    );
    expect(first).toMatchObject({ imported: 2, corrected: 0, duplicates: 0 });
    expect(await counter()).toEqual({ unknownLessons: 2, justifiedLessons: 0 });

    const corrected = await h.importCsv(
      csv(HEADER, "V0010,2025-10-06,1,Matemātika,ārsta zīme,yes", "V0010,2025-10-06,2,Fizika,,unknown"),
    );
    expect(corrected).toMatchObject({ imported: 1, corrected: 1, duplicates: 1, rejected: 0 });
    expect(await counter()).toEqual({ unknownLessons: 1, justifiedLessons: 1 });
    expect((await storedFor("V0010")).map((r) => [r.lesson, r.justification, r.reason])).toEqual([
      [1, "JUSTIFIED", "ārsta zīme"],
      [2, "UNKNOWN", null],
    ]);

    const again = await h.importCsv(
      csv(HEADER, "V0010,2025-10-06,1,Matemātika,ārsta zīme,yes", "V0010,2025-10-06,2,Fizika,,unknown"),
    );
    expect(again).toMatchObject({ imported: 0, corrected: 0, duplicates: 2 });
  });
});

describe("CSV dialects and edge cases", () => {
  it("reads a semicolon-separated export with a BOM, CRLF line ends and quoted line breaks", async () => {
    const text =
      "\uFEFFlearner_code;date;lesson;subject;reason;justified\r\n" +
      "V0007;2025-10-01;1;Mūzika;;no\r\n" +
      '\r\nV0007;2025-10-01;2;"Vēsture; Latvijas";"ģimenes\r\napstākļi";yes\r\n' +
      "V0007;2025-10-01;3;Ķīmija,bioloģija;;unknown\r\n" +
      "V0007;2025-10-01;4;;;\r\n";
    const result = await h.importCsv(text);
    expect(result.rejections).toEqual([
      { position: 7, code: "INVALID_FIELD", reason: 'justified "" must be yes, no, unknown or withdrawn' },
    ]);
    expect(result).toMatchObject({ imported: 3, duplicates: 0, rejected: 1 });
    const stored = await storedFor("V0007");
    expect(stored.map((r) => [r.lesson, r.subject, r.reason])).toEqual([
      [1, "Mūzika", null],
      [2, "Vēsture; Latvijas", "ģimenes\r\napstākļi"],
      [3, "Ķīmija,bioloģija", null],
    ]);
  });

  it("counts a row repeated in the same file once as imported and then as a duplicate; the first wins", async () => {
    const result = await h.importCsv(
      csv(HEADER, "V0008,2025-10-02,1,,,no", "V0008,2025-10-02,2,,,no", "V0008,2025-10-02,1,,,yes"),
    );
    expect(result).toMatchObject({ imported: 2, duplicates: 1, rejected: 0 });
    expect((await storedFor("V0008")).map((r) => [r.lesson, r.justification])).toEqual([
      [1, "UNJUSTIFIED"],
      [2, "UNJUSTIFIED"],
    ]);
  });

  it("accepts the header's columns in any order and rejects a misspelt header as a whole", async () => {
    const reordered = await h.importCsv(
      csv("justified,lesson,date,learner_code,subject,reason", "no,3,2025-10-03,V0009,,"),
    );
    expect(reordered).toMatchObject({ imported: 1, rejected: 0 });
    await expect(
      h.importCsv(csv("learner_code,date,lesson,subject,reason,justifed", "V0009,2025-10-03,4,,,no")),
    ).rejects.toThrow(
      'line 1: header must name the columns learner_code,date,lesson,subject,reason,justified (missing justified; unknown "justifed")',
    );
    await expect(h.importCsv("")).rejects.toThrow("the input is empty");
  });

  it("rejects unterminated quotes and stray quotes by line", async () => {
    const bytes = Buffer.from(
      `${HEADER}\nV0010,2025-10-06,1,Fi"zika,,no\nV0010,2025-10-06,2,"Fi""zika",,yes\n` +
        'V0010,2025-10-06,3,,,no\nV0010,2025-10-06,4,"never closed,,no\n',
    );
    async function* once() {
      yield new Uint8Array(bytes);
    }
    const result = await h.importer.importCsv(once(), { scope: { schoolCode: "DEMO-VSK" }, label: "bytes.csv" });
    expect(result.rejections).toEqual([
      {
        position: 2,
        code: "MALFORMED_RECORD",
        reason: "malformed quoting (RFC 4180: quote whole fields, double inner quotes)",
      },
      { position: 5, code: "MALFORMED_RECORD", reason: "unterminated quoted field (a quote is never closed)" },
    ]);
    expect(result).toMatchObject({ imported: 2, rejected: 2 });
  });

  it("does not mistake inherited object keys for values of justified", async () => {
    const result = await h.importCsv(csv(HEADER, "V0010,2025-10-08,1,,,constructor", "V0010,2025-10-08,2,,,__proto__"));
    expect(result.rejections.map((r) => r.reason)).toEqual([
      'justified "constructor" must be yes, no, unknown or withdrawn',
      'justified "__proto__" must be yes, no, unknown or withdrawn',
    ]);
  });

  it("resolves codes across the municipality without --school, and keeps a school import to its school", async () => {
    const rows = csv(HEADER, "T0001,2025-10-07,1,,,no", "V0011,2025-10-07,1,,,no");
    const municipality = await h.importCsv(rows, { scope: {} });
    expect(municipality).toMatchObject({ imported: 2, rejected: 0 });
    const teh = await h.importCsv(rows, { scope: { schoolCode: "DEMO-TEH" } });
    expect(teh.rejections).toEqual([
      { position: 3, code: "UNKNOWN_LEARNER", reason: 'unknown learner code "V0011" in school DEMO-TEH' },
    ]);
    expect(teh).toMatchObject({ imported: 0, duplicates: 1, rejected: 1 });
    await expect(h.importCsv(rows, { scope: { schoolCode: "NOPE" } })).rejects.toThrow("unknown school NOPE");
  });
});
