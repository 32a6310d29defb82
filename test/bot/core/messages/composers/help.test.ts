import { describe, expect, it } from "vitest";
import { composeHelp } from "../../../../../bot/core/messages/composers/help.js";
import { renderPlainMessage } from "../../../../../bot/core/messages/render-plain.js";
import { renderSlackMessage } from "../../../../../bot/slack/render/message.js";
import { messageViolations } from "../../../slack/render/slack-limits.js";

describe("help", () => {
  it("lists the six subcommands in Latvian as code, with the privacy reminder", () => {
    const help = renderSlackMessage(composeHelp("lv"));
    expect(help.text).toBe("PMP komandas");
    expect(help.blocks.map((b) => b.type)).toEqual(["header", "section", "context"]);
    expect(help.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "PMP komandas", emoji: true },
    });
    const body = JSON.stringify(help.blocks[1]);
    for (const command of [
      "`/pmp report`",
      "`/pmp case &lt;atsauce&gt;`",
      "`/pmp tasks`",
      "`/pmp help`",
      "`/pmp help en`",
      "`/pmp report annual 2025/26`",
    ])
      expect(body).toContain(command);
    expect(body).toContain("`/pmp status [");
    expect(body.match(/• /g)).toHaveLength(6);
    expect(JSON.stringify(help.blocks[2])).toContain("Čatā nerakstiet vārdus un personas kodus");
  });

  it("is in English when asked, pointing back to Latvian", () => {
    const help = renderSlackMessage(composeHelp("en"));
    expect(help.text).toBe("PMP commands");
    const body = JSON.stringify(help.blocks[1]);
    for (const command of ["`/pmp report`", "`/pmp case &lt;ref&gt;`", "`/pmp help lv`"])
      expect(body).toContain(command);
    expect(JSON.stringify(help.blocks[2])).toContain("Never write names or personal codes in chat");
  });

  it("says the same in plain text, the commands without markup", () => {
    expect(renderPlainMessage(composeHelp("lv"))).toContain("• /pmp case <atsauce> — lietas informācija");
  });

  it("stays within Slack's message limits in both languages", () => {
    expect(messageViolations(renderSlackMessage(composeHelp("lv")))).toEqual([]);
    expect(messageViolations(renderSlackMessage(composeHelp("en")))).toEqual([]);
  });
});
