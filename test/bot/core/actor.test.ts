// resolveActor and reportableClasses answer every `/pmp report` inside Slack's 3-second window, so each is one
// SQL round trip. Checked here against the plain Prisma queries they replace (the oracle), for every seeded
// chat identity, and for the edges: unknown or deactivated people, expired and newer trainings, revoked roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor, type ChatUser, type KnownActor } from "../../../bot/core/actor.js";
import type { CoreDeps } from "../../../bot/core/deps.js";
import { CLASS_LIST_TTL_MS, reportableClasses } from "../../../bot/core/report-risk.js";
import { authorize } from "../../../bot/core/access-matrix.js";
import { DEMO, demoSlackUserId } from "../../../prisma/seed/demo-municipality.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const slackUser = (staffKey: string): ChatUser => ({
  platform: "SLACK",
  workspaceId: DEMO.slackWorkspaceId,
  userId: demoSlackUserId(staffKey),
});

/** The nested Prisma select resolveActor used to make (four SQL queries). */
async function oracleActor(user: ChatUser): Promise<KnownActor | null> {
  const identity = await db.prisma.chatIdentity.findUnique({
    where: { platform_workspaceId_userId: user },
    select: {
      staff: {
        select: {
          id: true,
          displayName: true,
          locale: true,
          active: true,
          roles: { select: { role: true, schoolId: true, municipalityId: true, classLabel: true } },
          trainings: {
            where: { topic: "DATA_PROTECTION" },
            select: { validUntil: true },
            orderBy: { validUntil: "desc" },
            take: 1,
          },
        },
      },
    },
  });
  const staff = identity?.staff;
  if (!staff?.active) return null;
  return {
    staffId: staff.id,
    displayName: staff.displayName,
    locale: staff.locale,
    roles: staff.roles,
    trainedUntil: staff.trainings[0]?.validUntil ?? null,
  };
}

const sortRoles = (actor: KnownActor | null) =>
  actor && { ...actor, roles: [...actor.roles].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };

const deps = (): CoreDeps => ({ prisma: db.prisma, now: () => new Date() }) as unknown as CoreDeps;

describe("resolveActor", () => {
  it("answers exactly as the nested Prisma query for every seeded chat identity", async () => {
    const identities = await db.prisma.chatIdentity.findMany({
      select: { platform: true, workspaceId: true, userId: true },
    });
    expect(identities.length).toBeGreaterThan(10);
    for (const user of identities) {
      expect(sortRoles(await resolveActor(db.prisma, user))).toEqual(sortRoles(await oracleActor(user)));
    }
  });

  it("knows no one for an unknown user, another workspace or another platform", async () => {
    expect(await resolveActor(db.prisma, { ...slackUser("teacher"), userId: "U0NOBODY" })).toBeNull();
    expect(await resolveActor(db.prisma, { ...slackUser("teacher"), workspaceId: "T0OTHER001" })).toBeNull();
    expect(await resolveActor(db.prisma, { ...slackUser("teacher"), platform: "TEAMS" })).toBeNull();
  });

  it("sees a deactivation, a newer training and a revoked role on the very next request", async () => {
    const user = slackUser("psychologist");
    const before = (await resolveActor(db.prisma, user))!;
    expect(before.roles.length).toBeGreaterThan(0);

    const later = new Date(Date.UTC(2031, 7, 31));
    await db.prisma.trainingRecord.create({
      data: { staffId: before.staffId, topic: "DATA_PROTECTION", completedAt: new Date(), validUntil: later },
    });
    await db.prisma.trainingRecord.create({
      data: { staffId: before.staffId, topic: "PMP_IDENTIFICATION", completedAt: new Date(), validUntil: null },
    });
    expect((await resolveActor(db.prisma, user))!.trainedUntil).toEqual(later);

    await db.prisma.staffRole.deleteMany({ where: { staffId: before.staffId } });
    expect((await resolveActor(db.prisma, user))!.roles).toEqual([]);

    await db.prisma.staffMember.update({ where: { id: before.staffId }, data: { active: false } });
    expect(await resolveActor(db.prisma, user)).toBeNull();
    expect(await oracleActor(user)).toBeNull();
  });
});

describe("reportableClasses", () => {
  /** The groupBy and the school-name query reportableClasses used to make. */
  async function oracleClasses(actor: KnownActor) {
    const schoolIds = [
      ...new Set(
        actor.roles
          .filter(
            (r) =>
              authorize(
                actor,
                "REPORT_RISK",
                { schoolId: r.schoolId ?? "", municipalityId: r.municipalityId },
                new Date(),
              ).allowed,
          )
          .map((r) => r.schoolId!),
      ),
    ];
    const rows = await db.prisma.learner.groupBy({
      by: ["schoolId", "classLabel"],
      where: { schoolId: { in: schoolIds }, active: true },
      orderBy: [{ schoolId: "asc" }, { classLabel: "asc" }],
    });
    const schools = await db.prisma.school.findMany({ where: { id: { in: schoolIds } } });
    const names = new Map(schools.map((s) => [s.id, s.nameLv]));
    // The form's order: "PII" (pre-school) first, then by grade number, then vocational courses.
    const key = (label: string) => (label === "PII" ? -1 : parseInt(label, 10) + (label.endsWith(".k") ? 100 : 0));
    return rows
      .sort((a, b) => key(a.classLabel) - key(b.classLabel) || a.classLabel.localeCompare(b.classLabel))
      .map((r) => ({ schoolId: r.schoolId, schoolName: names.get(r.schoolId) ?? "", classLabel: r.classLabel }));
  }

  it("lists the same classes as the two Prisma queries, in the form's order, for every seeded person", async () => {
    const identities = await db.prisma.chatIdentity.findMany({
      select: { platform: true, workspaceId: true, userId: true },
    });
    let someClasses = 0;
    for (const user of identities) {
      const actor = await resolveActor(db.prisma, user);
      if (!actor) continue;
      const classes = await reportableClasses(deps(), actor);
      const expected = await oracleClasses(actor);
      expect(classes).toEqual(expected);
      if (classes.length > 0) someClasses += 1;
    }
    expect(someClasses).toBeGreaterThan(0);
  });

  it("leaves out a class whose learners all left (once the short class-list cache expires), and lists nothing for someone who may not report", async () => {
    let now = Date.now() + 10 * CLASS_LIST_TTL_MS;
    const clocked = (): CoreDeps => ({ prisma: db.prisma, now: () => new Date(now) }) as unknown as CoreDeps;
    const actor = (await resolveActor(db.prisma, slackUser("teacher")))!;
    const [first] = await reportableClasses(clocked(), actor);
    await db.prisma.learner.updateMany({
      where: { schoolId: first!.schoolId, classLabel: first!.classLabel },
      data: { active: false },
    });
    const listed = (classes: Awaited<ReturnType<typeof reportableClasses>>) =>
      classes.some((c) => c.schoolId === first!.schoolId && c.classLabel === first!.classLabel);
    // Within the cache's lifetime the form still offers the class (the report itself checks the learner).
    now += CLASS_LIST_TTL_MS - 1_000;
    expect(listed(await reportableClasses(clocked(), actor))).toBe(true);
    now += 2_000;
    expect(listed(await reportableClasses(clocked(), actor))).toBe(false);
    // Who may report is decided from the actor's roles on every request, never from the cache.
    expect(await reportableClasses(clocked(), { ...actor, roles: [] })).toEqual([]);
  });
});
