// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

// Workflow code runs in Temporal's deterministic sandbox and is replayed from history: it must not reach the
// outside world. These imports are errors anywhere under a `workflows/` folder (project and test workflows).
const workflowFence = {
  // Bare names here; every `node:`-prefixed specifier is caught by the pattern below.
  paths: builtinModules
    .filter((name) => !name.startsWith("node:"))
    .map((name) => ({
      name,
      message: "Workflows are deterministic: no Node built-ins. Do I/O in an activity.",
    })),
  patterns: [
    { group: ["node:*"], message: "Workflows are deterministic: no Node built-ins. Do I/O in an activity." },
    {
      group: ["@prisma/*", "pg", "**/prisma/*", "!**/prisma/generated/enums*"],
      message: "Workflows never touch the database; call an activity.",
    },
    { group: ["**/bot/**", "@slack/*", "botbuilder*"], message: "Workflows do not import the chat layer." },
    {
      group: ["**/activities/**"],
      allowTypeImports: true,
      message: "Import activity types only (`import type`), then proxyActivities.",
    },
  ],
};

// Learners' personal data is readable only through the audited vault (prisma/repositories/personal-data-vault.ts).
const personalDataFence = ["learnerPersonalData", "learnerContact"].map((model) => ({
  selector: `MemberExpression[property.name='${model}']`,
  message: "Learner personal data is read only through the audited personal-data vault.",
}));

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".local/", "prisma/generated/", "test/fixtures/lint/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Forgetting to await an activity, a Slack call or a database write is a bug that loses work silently.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", ...personalDataFence],
    },
  },
  {
    files: ["prisma/repositories/personal-data-vault.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["workflows/**/*.ts", "test/**/workflows/**/*.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", workflowFence],
    },
  },
  {
    files: ["**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
