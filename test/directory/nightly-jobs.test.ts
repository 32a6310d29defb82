import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOperatorAlerts } from "../../activities/delivery/operator-alerts.js";
import { createOutbox } from "../../activities/delivery/outbox.js";
import { createDirectoryActivities, type DirectoryJobDeps } from "../../activities/directory/directory-activities.js";
import { createSlackAccountLookup } from "../../activities/directory/slack-account-lookup.js";
import { migrateDatabase } from "../../prisma/migrate.js";
import { createDirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import { createLogger } from "../../prisma/runtime/logger.js";
import { seedReferenceData } from "../../prisma/seed/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/slack/fake-slack-api.js";
import { TEST_BOT_TOKEN } from "../support/slack/signed-requests.js";
import { EXAMPLE_MUNICIPALITY, exampleFiles } from "./support.js";

// The nightly jobs' activities as the scheduled job calls them: a drop folder per municipality, and the linking.

/** A night's export without the example's deliberate errors (its `err.` lines). */
const withoutDeliberateErrors = (content: string) =>
  content
    .split("\n")
    .filter((line) => !line.startsWith("err."))
    .join("\n");

describe("nightly directory jobs", () => {
  let db: TestDatabase;
  let root: string;
  let slack: FakeSlackApi;
  const logLines: string[] = [];
  let deps: DirectoryJobDeps;
  let jobs: ReturnType<typeof createDirectoryActivities>;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    await migrateDatabase(db.url);
    await seedReferenceData(db.prisma);
    slack = await startFakeSlackApi();
    root = await mkdtemp(join(tmpdir(), "pmp-directory-"));
    const files = await exampleFiles();
    await mkdir(join(root, EXAMPLE_MUNICIPALITY));
    const staff = withoutDeliberateErrors(files.staff.content);
    for (const file of [files.municipality, files.agencies, files.schools, { ...files.staff, content: staff }])
      await writeFile(join(root, EXAMPLE_MUNICIPALITY, file.name), file.content);
    const logger = createLogger("test", "debug", (line) => logLines.push(line));
    deps = {
      prisma: db.prisma,
      logger,
      alerts: createOperatorAlerts({
        prisma: db.prisma,
        outbox: createOutbox({ prisma: db.prisma }),
        directory: createDirectoryRepository(db.prisma),
        logger,
      }),
      key: db.key,
      chatAccountLookups: async () => [await createSlackAccountLookup({ token: TEST_BOT_TOKEN, apiUrl: slack.apiUrl })],
    };
    jobs = createDirectoryActivities(deps);
  }, 120_000);
  afterAll(async () => {
    await slack?.close();
    await rm(root, { recursive: true, force: true });
    await db?.drop();
  });

  it(
    "imports each municipality's folder, and the same files the next night change nothing",
    { timeout: 60_000 },
    async () => {
      expect(await jobs.syncDirectoryFolder({ root }, "2026-12-03T00:30:00.000Z")).toEqual({
        municipalities: 1,
        files: { APPLIED: 4 },
      });
      expect(await db.prisma.staffMember.count({ where: { active: true } })).toBe(51);
      expect(await jobs.syncDirectoryFolder({ root }, "2026-12-04T00:30:00.000Z")).toEqual({
        municipalities: 1,
        files: { SAME_FILE: 4 },
      });
      expect(await db.prisma.directoryImport.count()).toBe(4);
    },
  );

  it(
    "MK 89 duties rest on the directory: a rejected night's file is an alert a person sees, raised once a night",
    { timeout: 60_000 },
    async () => {
      const files = await exampleFiles();
      // The staff list with its deliberate errors: all or nothing, so the whole file is rejected.
      await writeFile(join(root, EXAMPLE_MUNICIPALITY, files.staff.name), files.staff.content);
      const night = "2026-12-05T00:30:00.000Z";
      expect(await jobs.syncDirectoryFolder({ root }, night)).toEqual({
        municipalities: 1,
        files: { SAME_FILE: 3, REJECTED: 1 },
      });
      await jobs.syncDirectoryFolder({ root }, night); // the scheduled job's retry of the same night
      const alerts = await db.prisma.operatorAlert.findMany({ where: { kind: "DIRECTORY_IMPORT_REJECTED" } });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.message).toMatch(
        new RegExp(
          `^DIRECTORY_IMPORT_REJECTED: ${EXAMPLE_MUNICIPALITY}/${files.staff.name} \\(\\d+ line\\(s\\) with errors`,
        ),
      );
      // Counts and file names only: the rejected lines' names and e-mails stay out of the alert.
      expect(JSON.stringify(alerts)).not.toMatch(/@kalnu-novads\.example/);
      expect(await db.prisma.staffMember.count({ where: { active: true } })).toBe(51);
      // Fixed the next night: applied, and no new alert.
      await writeFile(join(root, EXAMPLE_MUNICIPALITY, files.staff.name), withoutDeliberateErrors(files.staff.content));
      expect((await jobs.syncDirectoryFolder({ root }, "2026-12-06T00:30:00.000Z")).files).toEqual({ SAME_FILE: 4 });
      expect(await db.prisma.operatorAlert.count({ where: { kind: "DIRECTORY_IMPORT_REJECTED" } })).toBe(1);
    },
  );

  it("a night the sync cannot run (no personal-data key) is an alert, not a log line only", async () => {
    const withoutKey = createDirectoryActivities({ ...deps, key: undefined });
    expect(await withoutKey.syncDirectoryFolder({ root }, "2026-12-07T00:30:00.000Z")).toEqual({
      municipalities: 0,
      files: {},
    });
    await withoutKey.syncDirectoryFolder({ root }, "2026-12-07T00:30:00.000Z");
    const alerts = await db.prisma.operatorAlert.findMany({ where: { kind: "DIRECTORY_SYNC_SKIPPED" } });
    expect(alerts.map((a) => a.message)).toEqual([
      `DIRECTORY_SYNC_SKIPPED: ${root} (no personal-data key configured (PERSONAL_DATA_KEY))`,
    ]);
  });

  it("links whoever the workspace knows by e-mail", async () => {
    slack.setUsers({
      "vsk.director@kalnu-novads.example": "UDIR00001",
      "administrator@kalnu-novads.example": "UADM00001",
    });
    expect(await jobs.linkChatAccountsNightly({}, "2026-12-04T01:30:00.000Z")).toEqual({
      linked: 2,
      unmatched: 49,
      conflicts: 0,
      alreadyLinked: 0,
    });
    expect(logLines.some((line) => line.includes('"msg":"chat accounts linked"'))).toBe(true);
  });
});
