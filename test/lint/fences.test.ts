import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
// The fixtures are ignored by `npm run lint` (they are meant to fail); here they are linted on purpose.
const eslint = new ESLint({ cwd: root, ignore: false });

async function lint(fixture: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const [result] = await eslint.lintFiles([`test/fixtures/lint/${fixture}`]);
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

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
