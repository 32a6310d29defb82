// Bolt asks Slack who the bot is (auth.test) before handling a request. That answer is fixed for a token and a
// workspace, so the bot asks once per workspace: not once per request, inside Slack's 3-second window.
import { describe, expect, it } from "vitest";
import { demoSlackUserId } from "../../../prisma/seed/demo-municipality.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../../support/slack/slack-bot-harness.js";
import { commandBody, postToSlackEndpoint } from "../../support/slack/signed-requests.js";
import { useTemporalTestEnv } from "../../support/temporal-env.js";

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);

/** `/pmp help` from another workspace, which this token's bot does not serve: it still has to be authorised. */
const helpFrom = (teamId: string) =>
  postToSlackEndpoint(
    harness().endpoint,
    commandBody({
      token: "legacy",
      team_id: teamId,
      team_domain: "other",
      channel_id: "C0RANDOM01",
      channel_name: "general",
      user_id: demoSlackUserId("teacher"),
      user_name: "teacher",
      command: "/pmp",
      text: "help",
      api_app_id: "A0PMPBOT",
      response_url: harness().slack.responseUrl("other"),
      trigger_id: "trigger-other",
    }),
  );

describe("authorisation per workspace", () => {
  it("calls auth.test once for many requests, once more for another workspace, and again after a failure", async () => {
    const { slack } = harness();
    const authTests = () => slack.callsTo("auth.test").length;
    const before = authTests();
    const staff = ["teacher", "class-teacher", "psychologist", "director"];
    const first = await harness().command("teacher", "help");
    expect(first.status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => harness().command(staff[i % 4]!, "help")));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(authTests() - before).toBe(1);

    slack.failNext("auth.test", { status: 200, error: "ratelimited" });
    await helpFrom("T0OTHER001"); // Slack refused: the bot cannot answer this one
    expect(authTests() - before).toBe(2);
    expect((await helpFrom("T0OTHER001")).status).toBe(200); // not cached: asks again, and now knows
    await helpFrom("T0OTHER001");
    expect(authTests() - before).toBe(3);
    await harness().command("teacher", "help");
    expect(authTests() - before).toBe(3);
  });
});
