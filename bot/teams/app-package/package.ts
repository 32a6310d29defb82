import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBotEnv } from "../../env.js";
import { storedZip } from "./zip.js";

// `npm run teams:package`: the Teams app package (manifest.json and its two icons at the zip's root) that Teams
// admin centre accepts under Manage apps → Upload. The bot id is the Azure bot registration's MicrosoftAppId.

const here = dirname(fileURLToPath(import.meta.url));
const PLACEHOLDER_BOT_ID = "00000000-0000-0000-0000-000000000000";

export async function buildTeamsPackage(input: { botId: string }): Promise<Buffer> {
  const manifest = JSON.parse(await readFile(join(here, "manifest.json"), "utf8")) as {
    bots: Array<{ botId: string }>;
  };
  for (const bot of manifest.bots) bot.botId = input.botId;
  return storedZip([
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: "color.png", data: await readFile(join(here, "color.png")) },
    { name: "outline.png", data: await readFile(join(here, "outline.png")) },
  ]);
}

async function main(): Promise<void> {
  const env = loadBotEnv();
  const botId = env.MicrosoftAppId ?? PLACEHOLDER_BOT_ID;
  const out = join(process.cwd(), "dist", "pmp-bot-teams.zip");
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await buildTeamsPackage({ botId }));
  console.log(`Teams app package: ${out} (bot id ${botId})`);
  if (!env.MicrosoftAppId) console.log("MicrosoftAppId is not set: the package carries a placeholder bot id.");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
