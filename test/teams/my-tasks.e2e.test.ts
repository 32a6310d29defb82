import { describe, expect, it } from "vitest";
import { demoIds } from "../../prisma/seed/demo-municipality.js";
import { activityText } from "../support/teams/fake-bot-connector.js";
import { useTeamsBotHarness, WORKFLOWS_PATH } from "../support/teams/teams-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";

// Teams has no home tab like Slack's App Home: `pmp tasks` answers with the same "my work" page, the person's own
// open tasks by reference only.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useTeamsBotHarness(temporal);

describe("pmp tasks on Teams", () => {
  it("lists the person's own open tasks, by reference, and nobody else's", async () => {
    const prisma = harness().db.prisma;
    const learner = await prisma.learner.findFirstOrThrow({ where: { schoolId: demoIds.school("DEMO-VSK") } });
    const task = (staffKey: string, key: string) =>
      prisma.task.create({
        data: {
          dedupeKey: `test/${key}`,
          kind: "VIIS_ENTRY",
          sourceWorkflowId: "test",
          subjectType: "Learner",
          subjectId: learner.id,
          subjectRef: `${learner.publicRef}`,
          municipalityId: demoIds.municipality(),
          schoolId: learner.schoolId,
          assigneeRole: "DIRECTOR",
          assigneeId: demoIds.staff(staffKey),
          legalPoint: "MK89_P7",
          dueAt: new Date("2025-10-20T14:00:00Z"),
        },
      });
    await task("director", "mine");
    expect((await harness().install("director")).status).toBe(200);
    expect((await harness().install("teacher")).status).toBe(200);

    const asked = harness().activity("director", { type: "message", text: "pmp tasks" });
    expect((await harness().post(asked)).status).toBe(200);
    const reply = await harness().connector.waitFor((c) => c.activityId === asked.id);
    expect(activityText(reply)).toContain(learner.publicRef);

    const other = harness().activity("teacher", { type: "message", text: "pmp tasks" });
    expect((await harness().post(other)).status).toBe(200);
    const none = await harness().connector.waitFor((c) => c.activityId === other.id);
    expect(activityText(none)).not.toContain(learner.publicRef);
  });
});
