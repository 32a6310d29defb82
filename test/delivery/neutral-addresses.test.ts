import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectoryRepository } from "../../prisma/repositories/directory-repository.js";
import { DEMO, demoIds } from "../../prisma/seed/demo-municipality.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

// The directory answers in neutral addresses: a person on their preferred platform among those they have an
// identity on, a body once per platform it has a channel on. Platform ids never leave it.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe("the directory", () => {
  it("a person is addressed on their preferred platform, else on the first they have, else not at all", async () => {
    const directory = createDirectoryRepository(db.prisma);
    const staffId = demoIds.staff("psychologist");
    expect((await directory.person({ staffId }))?.address).toEqual({ kind: "PERSON", platform: "SLACK", staffId });

    await db.prisma.chatIdentity.create({
      data: { staffId, platform: "TEAMS", workspaceId: "tenant-demo", userId: "29:teams-user" },
    });
    await db.prisma.staffMember.update({ where: { id: staffId }, data: { preferredPlatform: "TEAMS" } });
    expect((await directory.person({ staffId }))?.address).toEqual({ kind: "PERSON", platform: "TEAMS", staffId });

    // A preference for a platform the person has no identity on is ignored.
    const other = demoIds.staff("social-pedagogue");
    await db.prisma.staffMember.update({ where: { id: other }, data: { preferredPlatform: "TEAMS" } });
    expect((await directory.person({ staffId: other }))?.address?.platform).toBe("SLACK");

    await db.prisma.chatIdentity.deleteMany({ where: { staffId: other } });
    expect((await directory.person({ staffId: other }))?.address).toBeNull();
    // Nothing platform-specific comes back.
    expect(JSON.stringify(await directory.person({ staffId }))).not.toContain("29:teams-user");
  });

  it("a body has one address per platform it has a channel on", async () => {
    const directory = createDirectoryRepository(db.prisma);
    const schoolId = demoIds.school("DEMO-VSK");
    const slackOnly = await directory.channels({ schoolId, purpose: "SUPPORT_TEAM" });
    expect(slackOnly).toEqual([
      { kind: "CHANNEL", platform: "SLACK", channelId: demoIds.channel("C0DEMOSUP1", "SUPPORT_TEAM") },
    ]);
    await db.prisma.chatChannel.createMany({
      data: [
        { platform: "TEAMS", purpose: "SUPPORT_TEAM", workspaceId: "tenant-demo", externalId: "19:team", schoolId },
        // A second Slack channel for the same body is not a second address.
        {
          platform: "SLACK",
          purpose: "SUPPORT_TEAM",
          workspaceId: DEMO.slackWorkspaceId,
          externalId: "C0DEMOSUPX",
          schoolId,
        },
      ],
    });
    const both = await directory.channels({ schoolId, purpose: "SUPPORT_TEAM" });
    expect(both.map((a) => a.platform).sort()).toEqual(["SLACK", "TEAMS"]);
    expect(JSON.stringify(both)).not.toMatch(/19:team|C0DEMO/);
    expect(await directory.channels({ schoolId, purpose: "COMMISSION" })).toEqual([]);
  });

  it("a role is held at the learner's school or in the municipality, with the social pedagogue standing in for a missing class teacher", async () => {
    const directory = createDirectoryRepository(db.prisma);
    const at = (code: string, classLabel: string | null) => ({
      schoolId: demoIds.school(code),
      municipalityId: demoIds.municipality(),
      classLabel,
    });
    const names = async (where: Parameters<typeof directory.holdersOf>[0]) => {
      const held = await directory.holdersOf(where);
      return [held.role, held.people.map((p) => p.staffId)];
    };
    expect(await names({ role: "CLASS_TEACHER", ...at("DEMO-VSK", "7.a") })).toEqual([
      "CLASS_TEACHER",
      [demoIds.staff("class-teacher")],
    ]);
    expect(await names({ role: "CLASS_TEACHER", ...at("DEMO-VSK", "9.b") })).toEqual([
      "SOCIAL_PEDAGOGUE",
      [demoIds.staff("social-pedagogue")],
    ]);
    // The vocational school has a class teacher for 2.k only and no social pedagogue: nobody.
    expect(await names({ role: "CLASS_TEACHER", ...at("DEMO-TEH", "1.k") })).toEqual(["CLASS_TEACHER", []]);
    expect(await names({ role: "DIRECTOR", ...at("DEMO-TEH", null) })).toEqual([
      "DIRECTOR",
      [demoIds.staff("vocational-director")],
    ]);
    expect(await names({ role: "SOCIAL_SERVICE", ...at("DEMO-VSK", null) })).toEqual([
      "SOCIAL_SERVICE",
      [demoIds.staff("social-worker")],
    ]);
  });
});
