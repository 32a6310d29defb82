import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectoryFileInput, DirectoryImportResult } from "../../prisma/directory/importer.js";
import { reportLines } from "../../prisma/directory/importer.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { seedReferenceData } from "../../prisma/seed/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import {
  directoryImporterFor,
  EXAMPLE_MUNICIPALITY,
  exampleFiles,
  fingerprint,
  learnerSecrets,
  lineOf,
} from "./support.js";

// The committed example directory of Kalnu novads (3 schools, staff in every role, 300 learners, contacts and a
// few deliberate errors) into a production-like database: migrated, reference data only, no demo.

const NOW = new Date("2026-12-02T08:00:00Z");
const LATER = new Date("2026-12-09T08:00:00Z");

describe("directory import of the example municipality", () => {
  let db: TestDatabase;
  let files: Awaited<ReturnType<typeof exampleFiles>>;
  const logLines: string[] = [];
  const printed: string[] = [];
  const importer = () => directoryImporterFor(db.prisma, db.key, logLines);
  const all = () => Object.values(files);
  const print = (result: DirectoryImportResult) => {
    for (const file of result.files) printed.push(...reportLines(file, result.dryRun));
    return result;
  };
  const outcome = (result: DirectoryImportResult, kind: string) => result.files.find((f) => f.kind === kind)!;
  const errorsOf = (result: DirectoryImportResult, kind: string) =>
    outcome(result, kind).errors.map((e) => [e.line, e.field, e.message]);

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    await migrateDatabase(db.url);
    await seedReferenceData(db.prisma);
    files = await exampleFiles();
  }, 120_000);
  afterAll(async () => db?.drop());

  it("rejects each file with errors as a whole and names every bad line and field", { timeout: 120_000 }, async () => {
    const result = print(await importer().importFiles(all(), { municipalityCode: EXAMPLE_MUNICIPALITY, now: NOW }));
    expect(result.files.map((f) => [f.kind, f.status])).toEqual([
      ["municipality", "APPLIED"],
      ["agencies", "APPLIED"],
      ["schools", "APPLIED"],
      ["staff", "REJECTED"],
      ["classes", "REJECTED"],
      ["learners", "REJECTED"],
      ["contacts", "REJECTED"],
    ]);
    const { staff, classes, learners, contacts } = files;
    expect(errorsOf(result, "staff")).toEqual([
      [lineOf(staff.content, "err.role@"), "role", expect.stringMatching(/^must be one of TEACHER, /)],
      [lineOf(staff.content, "err.school@"), "institution", expect.stringContaining("MUNICIPALITY, an agency kind")],
    ]);
    // Nothing of the staff file was applied, so no class teacher is found either: every class line is named.
    expect(errorsOf(result, "classes")).toHaveLength(classes.content.trim().split("\n").length - 1);
    expect(errorsOf(result, "classes")).toContainEqual([
      lineOf(classes.content, "err.missing-teacher@"),
      "class_teacher_email",
      "no active staff member with this e-mail (staff file)",
    ]);
    expect(errorsOf(result, "learners")).toEqual([
      [lineOf(learners.content, "KVERR1"), "personal_code", "must look like 123456-12345"],
      [lineOf(learners.content, "KZERR2"), "grade", "is outside the school's grades 0–0"],
      [
        lineOf(learners.content, "KV0003", 2),
        "learner_code",
        `this learner is already on line ${lineOf(learners.content, "KV0003")}`,
      ],
    ]);
    expect(errorsOf(result, "contacts")).toEqual(
      expect.arrayContaining([[lineOf(contacts.content, ",OTHER,"), "phone", "a contact needs a phone or an e-mail"]]),
    );
    expect(await db.prisma.learner.count()).toBe(0);
    expect(await db.prisma.staffMember.count()).toBe(0);
    expect(await db.prisma.school.count()).toBe(3);
    // A new municipality starts from the defaults: MK 89's rule set, the indicators, the national calendars.
    const municipality = await db.prisma.municipality.findUniqueOrThrow({ where: { code: EXAMPLE_MUNICIPALITY } });
    expect(await db.prisma.ruleSet.count({ where: { municipalityId: municipality.id } })).toBe(1);
    expect(await db.prisma.indicator.count({ where: { municipalityId: municipality.id } })).toBeGreaterThan(0);
    expect(await db.prisma.schoolCalendar.count({ where: { municipalityId: municipality.id } })).toBeGreaterThan(0);
  });

  it("a dry run reports what would change and changes nothing", { timeout: 120_000 }, async () => {
    const before = await fingerprint(db.url);
    const result = print(
      await importer().importFiles(all(), {
        municipalityCode: EXAMPLE_MUNICIPALITY,
        dryRun: true,
        partial: true,
        now: NOW,
      }),
    );
    expect(result.dryRun).toBe(true);
    expect(outcome(result, "learners").counts.created).toBe(300);
    expect(outcome(result, "staff").counts.created).toBeGreaterThan(40);
    expect(await fingerprint(db.url)).toEqual(before);
    expect(printed.some((line) => line.startsWith("learners.csv: would be created 300,"))).toBe(true);
  });

  it(
    "--partial applies the valid rows through the vault, audited, and reports the rest",
    { timeout: 120_000 },
    async () => {
      const result = print(
        await importer().importFiles(all(), { municipalityCode: EXAMPLE_MUNICIPALITY, partial: true, now: NOW }),
      );
      // The municipality, agencies and schools were applied by the first run: the same files are skipped.
      expect(result.files.map((f) => f.status)).toEqual([...Array(3).fill("SAME_FILE"), ...Array(4).fill("APPLIED")]);
      expect(outcome(result, "learners").counts).toMatchObject({ created: 300, deactivated: 0 });
      expect(await db.prisma.learner.count({ where: { active: true } })).toBe(300);
      expect(await db.prisma.enrolment.count({ where: { endedOn: null } })).toBe(300);
      expect(await db.prisma.careSettingPeriod.count()).toBe(300);
      const vault = createPersonalDataVault({ prisma: db.prisma, key: db.key });
      expect((await vault.learnersWithIdentity()).size).toBe(300);
      // Every vault write is audited: one sync entry per learner and per learner's contact list.
      expect(await db.prisma.auditLog.count({ where: { action: "PERSONAL_DATA_SYNC" } })).toBe(300);
      const withContacts = await db.prisma.learner.count({ where: { contacts: { some: {} } } });
      expect(await db.prisma.auditLog.count({ where: { action: "CONTACT_DATA_SYNC" } })).toBe(withContacts);
      // The learner with a rejected contact row keeps no half list; everyone else has theirs.
      expect(withContacts).toBe(299);
      // Roles: every role of the Role enum is held by somebody.
      const roles = await db.prisma.staffRole.findMany({ distinct: ["role"], select: { role: true } });
      expect(roles.length).toBe(24);
      const directorRoles = await db.prisma.staffRole.count({
        where: { staff: { email: "vsk.director@kalnu-novads.example" } },
      });
      expect(directorRoles).toBe(2);
      // The data in the vault reads back, audited.
      const learner = await db.prisma.learner.findUniqueOrThrow({
        where: { schoolId_learnerCode: { schoolId: (await school("KALNU-VSK")).id, learnerCode: "KV0001" } },
      });
      const identity = await vault.readIdentity({
        learnerId: learner.id,
        actor: { kind: "SYSTEM", name: "test" },
        purpose: "test",
      });
      expect(identity).toMatchObject({ firstName: "Agate", lastName: "Liepiņa" });
      expect(learner.initials).toBe("A.L.");
      expect(learner.adultFrom?.toISOString().slice(0, 10)).toBe("2036-06-05");
    },
  );

  it("the same files again change nothing; forced, every row compares unchanged", { timeout: 120_000 }, async () => {
    const before = await fingerprint(db.url, ["_prisma_migrations"]);
    const again = await importer().importFiles(all(), {
      municipalityCode: EXAMPLE_MUNICIPALITY,
      partial: true,
      now: LATER,
    });
    expect(again.files.map((f) => f.status)).toEqual(Array(7).fill("SAME_FILE"));
    expect(await fingerprint(db.url, ["_prisma_migrations"])).toEqual(before);

    const domain = await fingerprint(db.url);
    const forced = await importer().importFiles(all(), {
      municipalityCode: EXAMPLE_MUNICIPALITY,
      partial: true,
      force: true,
      now: LATER,
    });
    for (const file of forced.files)
      expect([file.kind, file.counts.created, file.counts.updated, file.counts.deactivated]).toEqual([
        file.kind,
        0,
        0,
        0,
      ]);
    expect(await fingerprint(db.url)).toEqual(domain);
  });

  it("a changed row updates its record and keeps the enrolment and care history", { timeout: 120_000 }, async () => {
    const learners = files.learners.content.replace(
      /^(KALNU-VSK,KV0005,[^,]+,[^,]+,[^,]+,[^,]+),5,5\.a,FAMILY,/m,
      "$1,5,5.b,FOSTER_FAMILY,",
    );
    expect(learners).not.toBe(files.learners.content);
    const result = print(
      await importer().importFiles([{ ...files.learners, content: learners }], {
        municipalityCode: EXAMPLE_MUNICIPALITY,
        partial: true,
        now: LATER,
      }),
    );
    expect(outcome(result, "learners").counts).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 299,
      deactivated: 0,
    });
    const learner = await db.prisma.learner.findFirstOrThrow({
      where: { learnerCode: "KV0005" },
      include: { enrolments: { orderBy: { startedOn: "asc" } }, careHistory: { orderBy: { startedOn: "asc" } } },
    });
    expect(learner).toMatchObject({ classLabel: "5.b", careSetting: "FOSTER_FAMILY" });
    expect(learner.enrolments.map((e) => [e.classLabel, day(e.startedOn), day(e.endedOn)])).toEqual([
      ["5.a", "2026-12-02", "2026-12-09"],
      ["5.b", "2026-12-09", null],
    ]);
    expect(learner.careHistory.map((c) => [c.careSetting, day(c.startedOn), day(c.endedOn)])).toEqual([
      ["FAMILY", "2026-12-02", "2026-12-09"],
      ["FOSTER_FAMILY", "2026-12-09", null],
    ]);
  });

  it(
    "someone missing from a full export is deactivated and their open work handed to the fallback role, with an alert",
    { timeout: 120_000 },
    async () => {
      const vsk = await school("KALNU-VSK");
      const leaving = await db.prisma.staffMember.findUniqueOrThrow({
        where: { email: "vsk.psychologist@kalnu-novads.example" },
      });
      const coordinator = await db.prisma.staffMember.findUniqueOrThrow({
        where: { email: "vsk.school-coordinator@kalnu-novads.example" },
      });
      const learner = await db.prisma.learner.findFirstOrThrow({ where: { learnerCode: "KV0010" } });
      const leaver = await db.prisma.learner.findFirstOrThrow({ where: { learnerCode: "KV0020" } });
      const openCase = await db.prisma.case.create({
        data: {
          ref: "PMP-26-TEST",
          learnerId: learner.id,
          schoolId: vsk.id,
          workflowId: "case-test",
          status: "INVESTIGATING",
          caseManagerId: leaving.id,
        },
      });
      const task = (key: string, subject: { type: string; id: string; ref: string }, assigneeId: string | null) =>
        db.prisma.task.create({
          data: {
            dedupeKey: `test/${key}`,
            kind: "CASE_INVESTIGATION",
            sourceWorkflowId: "case-test",
            subjectType: subject.type,
            subjectId: subject.id,
            subjectRef: subject.ref,
            municipalityId: vsk.municipalityId,
            schoolId: vsk.id,
            assigneeRole: "PSYCHOLOGIST",
            assigneeId,
            dueAt: LATER,
          },
        });
      const staffTask = await task("staff", { type: "Case", id: openCase.id, ref: openCase.ref }, leaving.id);
      const learnerTask = await task("learner", { type: "Learner", id: leaver.id, ref: leaver.publicRef }, null);

      const staff = files.staff.content
        .split("\n")
        .filter((line) => !line.startsWith("vsk.psychologist@"))
        .join("\n");
      const learners = files.learners.content
        .split("\n")
        .filter((line) => !line.startsWith("KALNU-VSK,KV0020,"))
        .join("\n");
      const result = print(
        await importer().importFiles(
          [
            { ...files.staff, content: staff },
            { ...files.learners, content: learners },
          ] satisfies DirectoryFileInput[],
          { municipalityCode: EXAMPLE_MUNICIPALITY, partial: true, now: LATER },
        ),
      );
      expect(outcome(result, "staff").counts.deactivated).toBe(1);
      expect(outcome(result, "learners").counts.deactivated).toBe(1);

      expect(await db.prisma.staffMember.findUniqueOrThrow({ where: { id: leaving.id } })).toMatchObject({
        active: false,
        deactivatedAt: LATER,
      });
      expect(await db.prisma.task.findUniqueOrThrow({ where: { id: staffTask.id } })).toMatchObject({
        assigneeRole: "SCHOOL_COORDINATOR",
        assigneeId: coordinator.id,
        state: "OPEN",
      });
      expect(await db.prisma.case.findUniqueOrThrow({ where: { id: openCase.id } })).toMatchObject({
        caseManagerId: coordinator.id,
      });
      expect(await db.prisma.learner.findUniqueOrThrow({ where: { id: leaver.id } })).toMatchObject({ active: false });
      expect(await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId: leaver.id } })).toMatchObject({
        endedOn: new Date("2026-12-09T00:00:00Z"),
      });
      expect(await db.prisma.task.findUniqueOrThrow({ where: { id: learnerTask.id } })).toMatchObject({
        assigneeRole: "SCHOOL_COORDINATOR",
        assigneeId: coordinator.id,
      });
      const alerts = await db.prisma.operatorAlert.findMany({
        where: { kind: "DIRECTORY_HANDOVER" },
        orderBy: { message: "asc" },
      });
      expect(alerts.map((a) => a.message)).toEqual([
        `DIRECTORY_HANDOVER: ${leaver.publicRef} (learner deactivated: 1 open task(s), 0 case(s) handed to SCHOOL_COORDINATOR)`,
        "DIRECTORY_HANDOVER: vsk.psychologist@kalnu-novads.example (staff member deactivated: 1 open task(s), 1 case(s) handed to SCHOOL_COORDINATOR)",
      ]);
      // Never deleted: the records stay for the case file and the audit trail.
      expect(await db.prisma.learner.count()).toBe(300);
    },
  );

  it("no learner's name or personal code reached the output, the logs, the run log, alerts or the audit trail", async () => {
    const secrets = learnerSecrets(files.learners.content);
    expect(secrets.length).toBeGreaterThan(600);
    const runs = await db.prisma.directoryImport.findMany();
    const audit = await db.prisma.auditLog.findMany();
    const alerts = await db.prisma.operatorAlert.findMany();
    const outbox = await db.prisma.outboxMessage.findMany();
    const haystack = JSON.stringify({ printed, logLines, runs, audit, alerts, outbox });
    expect(printed.length).toBeGreaterThan(10);
    expect(secrets.filter((secret) => haystack.includes(secret))).toEqual([]);
  });

  async function school(code: string) {
    return db.prisma.school.findUniqueOrThrow({ where: { code } });
  }
});

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
