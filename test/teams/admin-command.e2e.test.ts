import { describe, expect, it } from "vitest";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { activityText } from "../support/teams/fake-bot-connector.js";
import { TEST_TENANT_ID } from "../support/teams/identity-provider.js";
import {
  demoAadObjectId,
  personalConversationOf,
  useTeamsBotHarness,
  WORKFLOWS_PATH,
} from "../support/teams/teams-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";

// `pmp admin` typed in Teams works as `/pmp admin` in Slack: the administrator links a colleague's Teams account
// (an Azure AD object id) to their staff record, the change is audited, and the linked person is then known.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useTeamsBotHarness(temporal);

const repliesIn = (conversationId: string) =>
  harness()
    .connector.calls.filter((c) => c.conversationId === conversationId)
    .map((c) => activityText(c));

describe("pmp admin on Teams", () => {
  it("links a staff member's Teams account from the administrator's chat, audited", async () => {
    const prisma = harness().db.prisma;
    expect((await harness().install("administrator")).status).toBe(200);
    const teacher = await prisma.staffMember.findUniqueOrThrow({ where: { id: demoIds.staff("teacher") } });
    const before = repliesIn(personalConversationOf("administrator")).length;

    const answer = await harness().message(
      "administrator",
      `pmp admin link ${teacher.email} ${demoAadObjectId("teacher")}`,
    );
    expect(answer.status).toBe(200);
    await expect
      .poll(() => repliesIn(personalConversationOf("administrator")).length, { timeout: 10_000 })
      .toBeGreaterThan(before);
    const identity = await prisma.chatIdentity.findFirst({
      where: { staffId: teacher.id, platform: "TEAMS", workspaceId: TEST_TENANT_ID },
    });
    expect(identity?.userId).toBe(demoAadObjectId("teacher"));
    const audit = await prisma.auditLog.findMany({ where: { actorId: demoIds.staff("administrator") } });
    expect(audit.length).toBeGreaterThan(0);

    // Anyone else typing it is refused, and nothing changes.
    expect((await harness().install("director")).status).toBe(200);
    await harness().message("director", `pmp admin unlink ${teacher.email}`);
    await expect
      .poll(() => repliesIn(personalConversationOf("director")).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await prisma.chatIdentity.count({ where: { staffId: teacher.id, platform: "TEAMS" } })).toBe(1);
  });
});
