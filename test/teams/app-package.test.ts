import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { buildTeamsPackage } from "../../bot/teams/app-package/package.js";

// The Teams app package against Microsoft's manifest schema (v1.30, the copy committed under test/fixtures/teams,
// from @microsoft/app-manifest 1.1.2): the manifest as committed and as packaged, its icons' sizes, and a zip
// whose root holds exactly the three files Teams admin centre expects.

const require = createRequire(import.meta.url);
const schemaPath = new URL("../fixtures/teams/MicrosoftTeams.v1.30.schema.json", import.meta.url);
const manifestPath = new URL("../../bot/teams/app-package/manifest.json", import.meta.url);
const BOT_ID = "0b3f7a52-2f5e-4b1a-9d4c-6a1e2f3b4c5d";

async function validator() {
  const ajv = new Ajv({ schemaId: "auto", allErrors: true, unknownFormats: "ignore", logger: false });
  ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json") as object);
  return ajv.compile(JSON.parse(await readFile(schemaPath, "utf8")) as object);
}

/** The entries of a zip, read from its central directory (stored or deflated). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("Teams app package", () => {
  it("the committed manifest validates against the manifest schema", async () => {
    const validate = await validator();
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, unknown>;
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the schema check can fail: an unknown bot scope is refused", async () => {
    const validate = await validator();
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { bots: Array<{ scopes: string[] }> };
    manifest.bots[0]!.scopes.push("everywhere");
    expect(validate(manifest)).toBe(false);
  });

  it("packages manifest.json and the icons at the zip's root, with the bot's app id", async () => {
    const files = unzip(await buildTeamsPackage({ botId: BOT_ID }));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as {
      bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    };
    const validate = await validator();
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    expect(manifest.bots[0]!.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title)).toEqual([
      "pmp report",
      "pmp case",
      "pmp tasks",
      "pmp status",
      "pmp report annual",
      "pmp help",
    ]);
    expect(pngSize(files.get("color.png")!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get("outline.png")!)).toEqual({ width: 32, height: 32 });
  });
});
