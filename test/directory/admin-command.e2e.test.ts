import { describe, expect, it } from "vitest";
import { demoIds, demoSlackUserId, DEMO } from "../../prisma/seed/demo-municipality.js";
import { callText } from "../support/slack/fake-slack-api.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../support/slack/slack-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";

// `/pmp admin …` through the real Bolt app: only the ADMINISTRATOR role may use it, and every change is audited.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);

async function admin(staffKey: string, text: string): Promise<string> {
  const sent = await harness().command(staffKey, `admin ${text}`);
  expect(sent.status).toBe(200);
  const answer = await harness().slack.waitFor(
    (c) => c.method === "response_url" && c.body.responseId === sent.responseId,
  );
  return callText(answer);
}

describe("/pmp admin", () => {
  it("is refused to every other role, and nothing is audited", { timeout: 60_000 }, async () => {
    const before = await harness().db.prisma.auditLog.count({ where: { action: { startsWith: "ADMIN_" } } });
    for (const key of ["director", "municipal-coordinator", "manager", "teacher"])
      expect(await admin(key, "unlinked")).toContain("tikai pmp-bot administratoriem");
    expect(await harness().db.prisma.auditLog.count({ where: { action: { startsWith: "ADMIN_" } } })).toBe(before);
  });

  it("unlinks, lists the unlinked and links again, audited", { timeout: 60_000 }, async () => {
    const { prisma } = harness().db;
    const teacher = demoIds.staff("teacher");
    expect(await admin("administrator", "unlink teacher@demo-novads.example")).toContain(
      "Ilze Priede: noņemti konti: 1",
    );
    expect(await prisma.chatIdentity.count({ where: { staffId: teacher } })).toBe(0);

    const listed = await admin("administrator", "unlinked");
    expect(listed).toContain("Darbinieki bez čata konta šajā platformā: 1");
    expect(listed).toContain("Ilze Priede (teacher@demo-novads.example)");

    // The unlinked teacher is now a stranger to the bot.
    const refused = await harness().command("teacher", "report");
    expect(refused.body).toContain("Jūs neesat reģistrēts");

    const userId = demoSlackUserId("teacher");
    expect(await admin("administrator", `link teacher@demo-novads.example <@${userId}|ilze>`)).toContain(
      "Piesaistīts: Ilze Priede",
    );
    expect(await prisma.chatIdentity.findFirst({ where: { staffId: teacher } })).toMatchObject({
      platform: "SLACK",
      workspaceId: DEMO.slackWorkspaceId,
      userId,
    });
    // Another person's account cannot be taken over.
    expect(await admin("administrator", `link director@demo-novads.example ${userId}`)).toContain(
      "jau piesaistīts citam darbiniekam",
    );
    const audit = await prisma.auditLog.findMany({
      where: { actorId: demoIds.staff("administrator") },
      orderBy: { at: "asc" },
      select: { action: true, entityId: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["CHAT_ACCOUNT_UNLINKED", "ADMIN_LIST_UNLINKED", "CHAT_ACCOUNT_LINKED"]);
  });

  it("sets the channel it is typed in as a body's channel, replacing the old one", { timeout: 60_000 }, async () => {
    const { prisma } = harness().db;
    const school = demoIds.school("DEMO-VSK");
    // The harness types every command in channel C0RANDOM01.
    expect(await admin("administrator", "channel support-team DEMO-VSK")).toContain("SUPPORT_TEAM");
    const channels = await prisma.chatChannel.findMany({ where: { schoolId: school, purpose: "SUPPORT_TEAM" } });
    expect(channels.map((c) => c.externalId)).toEqual(["C0RANDOM01"]);
    expect(await admin("administrator", "channel support-team NO-SUCH")).toContain("skolas kodu");
    expect(await admin("administrator", "channel commission")).toContain("COMMISSION");
    expect(
      (
        await prisma.chatChannel.findMany({ where: { municipalityId: demoIds.municipality(), purpose: "COMMISSION" } })
      ).map((c) => c.externalId),
    ).toEqual(["C0RANDOM01"]);
    expect(await prisma.auditLog.count({ where: { action: "ADMIN_SET_CHANNEL" } })).toBe(2);
  });
});
