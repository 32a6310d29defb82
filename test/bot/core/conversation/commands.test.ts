import { describe, expect, it } from "vitest";
import { parsePmpCommand } from "../../../../bot/core/conversation/commands.js";

describe("/pmp", () => {
  it.each([
    ["", { kind: "HELP", locale: null }],
    ["help", { kind: "HELP", locale: null }],
    ["  HELP   en ", { kind: "HELP", locale: "en" }],
    ["help lv", { kind: "HELP", locale: "lv" }],
    ["help de", { kind: "HELP", locale: null }],
    ["report", { kind: "REPORT" }],
    ["report now", { kind: "REPORT" }],
    ["report annual 2025/26", { kind: "ANNUAL_REPORT", schoolYear: "2025/26" }],
    ["report annual 2025/27", { kind: "ANNUAL_REPORT", schoolYear: null }],
    ["status", { kind: "STATUS", args: [] }],
    ["status DEMO-VSK 2025/26-1", { kind: "STATUS", args: ["DEMO-VSK", "2025/26-1"] }],
    ["status a b c", { kind: "UNKNOWN" }],
    ["case PMP-2025-0007", { kind: "CASE", ref: "PMP-2025-0007" }],
    ["case", { kind: "UNKNOWN" }],
    [`case ${"X".repeat(65)}`, { kind: "UNKNOWN" }],
    ["delete PMP-2025-0007", { kind: "UNKNOWN" }],
  ])("%j → %j", (text, command) => {
    expect(parsePmpCommand(text)).toEqual(command);
  });
});
