import { ESLint } from "eslint";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
// The fixtures are ignored by `npm run lint` (they are meant to fail); here they are linted on purpose.
const eslint = new ESLint({ cwd: root, ignore: false });

async function lint(fixture: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const [result] = await eslint.lintFiles([`test/fixtures/lint/${fixture}`]);
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const restricted = "@typescript-eslint/no-restricted-imports";
// The fences are path globs, so fixtures are linted as if they stood at a fenced path that need not exist. The
// type-aware rules cannot see such a file (it is in no program); the fences do not need types, so this instance
// lints without them.
const untyped = new ESLint({ cwd: root, ignore: false, overrideConfig: [tseslint.configs.disableTypeChecked] });

/** Lints a fixture as if it stood at `path` (relative to the repository root); only the fixture's text is read. */
async function lintAs(fixture: string, path: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const code = await readFile(join(root, "test/fixtures/lint/fences", fixture), "utf8");
  const [result] = await untyped.lintText(code, { filePath: join(root, path) });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

/** Every message is the fence's, one per forbidden import. */
function expectFence(messages: Array<{ ruleId: string | null; message: string }>, count: number, fence: RegExp) {
  expect(messages).toHaveLength(count);
  for (const m of messages) expect(m).toEqual({ ruleId: restricted, message: expect.stringMatching(fence) });
}

describe("chat SDK fences", () => {
  it.each(["bot/core/fixture.ts", "bot/teams/fixture.ts", "activities/delivery/outbox.ts", "prisma/fixture.ts"])(
    "rejects Slack's SDK in %s",
    async (path) => expectFence(await lintAs("imports-slack-sdk.ts", path), 1, /Slack's SDK only in bot\/slack/),
  );

  it.each(["bot/slack/listeners/fixture.ts", "bot/slack/render/fixture.ts", "activities/delivery/slack-transport.ts"])(
    "accepts Slack's SDK in %s",
    async (path) => expect(await lintAs("imports-slack-sdk.ts", path)).toEqual([]),
  );

  it.each(["bot/core/fixture.ts", "bot/slack/fixture.ts", "activities/delivery/slack-transport.ts", "prisma/x.ts"])(
    "rejects the Bot Framework SDK in %s",
    async (path) => expectFence(await lintAs("imports-teams-sdk.ts", path), 1, /Bot Framework only in bot\/teams/),
  );

  it.each(["bot/teams/fixture.ts", "activities/delivery/teams-transport.ts"])(
    "accepts the Bot Framework SDK in %s",
    async (path) => expect(await lintAs("imports-teams-sdk.ts", path)).toEqual([]),
  );

  it.each(["bot/core/fixture.ts", "bot/slack/fixture.ts", "activities/delivery/outbox.ts", "prisma/x.ts"])(
    "rejects botbuilder's connector and token client in %s",
    async (path) =>
      expectFence(await lintAs("imports-teams-sdk-parts.ts", path), 2, /Bot Framework only in bot\/teams/),
  );

  it.each(["bot/teams/fixture.ts", "activities/delivery/teams-transport.ts"])(
    "accepts botbuilder's connector and token client in %s",
    async (path) => expect(await lintAs("imports-teams-sdk-parts.ts", path)).toEqual([]),
  );
});

describe("activities → bot fence", () => {
  const fence = /activities\/ imports from bot\/ only bot\/core\/messages/;

  it("rejects bot handlers and renderers in worker code", async () => {
    expectFence(await lintAs("activity-imports-bot-handler.ts", "activities/fixture.ts"), 3, fence);
  });

  it("rejects a renderer outside the transports", async () => {
    expectFence(await lintAs("transport-imports-renderer.ts", "activities/delivery/outbox.ts"), 1, fence);
  });

  it("accepts neutral messages, composers, texts and access rules in worker code", async () => {
    expect(await lintAs("activity-imports-bot-vocabulary.ts", "activities/fixture.ts")).toEqual([]);
  });

  it("lets the Teams transport use the Teams sender and renderer, not the surface's handlers", async () => {
    const messages = await lintAs("teams-transport-imports-sender.ts", "activities/delivery/teams-transport.ts");
    expectFence(messages, 1, fence);
  });

  it("accepts the Slack renderer in the Slack transport only", async () => {
    expect(await lintAs("transport-imports-renderer.ts", "activities/delivery/slack-transport.ts")).toEqual([]);
  });
});

describe("composer fence", () => {
  it("rejects SDKs, the database, express and Node built-ins in bot/core/messages/**", async () => {
    const messages = await lintAs("composer-imports-io.ts", "bot/core/messages/composers/fixture.ts");
    expectFence(messages, 9, /Composers \(bot\/core\/messages\/\*\*\) are pure/);
  });

  it("accepts zod, the neutral model, texts, generated enums and pure domain rules", async () => {
    expect(await lintAs("composer-pure.ts", "bot/core/messages/composers/fixture.ts")).toEqual([]);
  });
});

describe("bot → activities fence", () => {
  const fence = /bot\/ imports activities\/ only in the composition roots/;

  it.each(["bot/bot.ts", "bot/core/fixture.ts", "bot/slack/fixture.ts", "bot/core/messages/fixture.ts"])(
    "rejects the worker in %s",
    async (path) => expectFence(await lintAs("bot-imports-activities.ts", path), 1, fence),
  );

  it.each(["bot/start-local.ts", "bot/main.ts", "bot/local-env.ts"])(
    "accepts the worker in the composition root %s",
    async (path) => {
      expect(await lintAs("bot-imports-activities.ts", path)).toEqual([]);
    },
  );
});

describe("lint fences", () => {
  it("rejects a Node built-in imported in workflow code", async () => {
    const messages = await lint("workflows/uses-node-builtin.ts");
    expect(messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")).toHaveLength(2);
    expect(messages[0]!.message).toMatch(/no Node built-ins/);
  });

  it("rejects database access from workflow code", async () => {
    const messages = await lint("workflows/uses-database.ts");
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: "@typescript-eslint/no-restricted-imports",
        message: expect.stringMatching(/never touch the database/),
      }),
    ]);
  });

  it("accepts pure libraries and type-only imports in workflow code", async () => {
    expect(await lint("workflows/pure-domain.ts")).toEqual([]);
  });

  it("makes a floating promise an error", async () => {
    const messages = await lint("floating-promise.ts");
    expect(messages.map((m) => m.ruleId)).toEqual(["@typescript-eslint/no-floating-promises"]);
  });

  it("rejects reading learner personal data outside the audited vault", async () => {
    const messages = await lint("reads-personal-data.ts");
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: "no-restricted-syntax",
        message: expect.stringMatching(/audited personal-data vault/),
      }),
    ]);
  });
});
