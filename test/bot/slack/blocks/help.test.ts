import { describe, expect, it } from "vitest";
import { buildHelp } from "../../../../bot/slack/blocks/help.js";
import { messageViolations } from "./slack-limits.js";

describe("help", () => {
  it("lists the three subcommands in Latvian, with the privacy reminder", () => {
    const help = buildHelp("lv");
    expect(help.text).toBe("pmp-bot komandas");
    expect(help.blocks.map((b) => b.type)).toEqual(["header", "section", "context"]);
    expect(help.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "pmp-bot komandas" } });
    const body = JSON.stringify(help.blocks[1]);
    for (const command of ["`/pmp report`", "`/pmp case <atsauce>`", "`/pmp help`", "`/pmp help en`"])
      expect(body).toContain(command);
    expect(body.match(/• /g)).toHaveLength(3);
    expect(JSON.stringify(help.blocks[2])).toContain("Čatā neraksti vārdus un personas kodus");
  });

  it("is in English when asked, pointing back to Latvian", () => {
    const help = buildHelp("en");
    expect(help.text).toBe("pmp-bot commands");
    const body = JSON.stringify(help.blocks[1]);
    for (const command of ["`/pmp report`", "`/pmp case <ref>`", "`/pmp help lv`"]) expect(body).toContain(command);
    expect(JSON.stringify(help.blocks[2])).toContain("Never write names or personal codes in chat");
  });

  it("stays within Slack's message limits in both languages", () => {
    expect(messageViolations(buildHelp("lv"))).toEqual([]);
    expect(messageViolations(buildHelp("en"))).toEqual([]);
  });
});
