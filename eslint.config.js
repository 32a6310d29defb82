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

// ── Fences between the product's parts ─────────────────────────────────────────────────────────────────────
// Each fence is a list of `no-restricted-imports` patterns with its own message. ESLint replaces (does not merge)
// a rule's options when a later config block matches the same file, so every area below lists all the fences
// that apply to it, from the general areas to the specific ones; test/lint/fences.test.ts lints a forbidden and
// an allowed fixture for each fence as if it stood at the fenced path.

/** The Slack SDK belongs to the Slack surface (bot/slack/**) and the Slack transport only. */
const slackSdkFence = {
  group: ["@slack/*"],
  message:
    "Slack's SDK only in bot/slack/** and activities/delivery/slack-transport.ts; elsewhere use neutral messages.",
};
/** The Bot Framework SDK belongs to the Teams surface (bot/teams/**) and the Teams transport only. */
const teamsSdkFence = {
  group: ["botbuilder*", "botframework-*", "@azure/msal-node"],
  message:
    "Bot Framework only in bot/teams/** and activities/delivery/teams-transport.ts; elsewhere use neutral messages.",
};
/** bot/ builds and runs the worker only where the process is put together. */
const botActivitiesFence = {
  group: ["**/activities/**"],
  message: "bot/ imports activities/ only in the composition roots (bot/start-local.ts, bot/main.ts, bot/simulator/).",
};
/**
 * The worker may use the bot's pure vocabulary (neutral messages, texts, access rules), never its handlers.
 * (A regex: gitignore-style groups cannot re-include a file below an excluded folder.)
 */
const activitiesBotFence = (...alsoAllowed) => ({
  regex: `(^|/)bot/(?!core/messages/|core/i18n\\.js$|core/access-matrix\\.js$${alsoAllowed.map((p) => `|${p}`).join("")})`,
  message:
    "activities/ imports from bot/ only bot/core/messages/**, bot/core/i18n.ts, bot/core/access-matrix.ts (transports: their renderer; Teams: its proactive sender).",
});
/** Composers turn domain facts into neutral messages: pure functions, no SDK, no database, no Node. */
const composerMessage = "Composers (bot/core/messages/**) are pure: no SDK, database, HTTP server or Node built-in.";
const composerFence = [
  {
    group: ["@slack/*", "botbuilder*", "@temporalio/*", "@prisma/*", "pg", "express", "node:*"],
    message: composerMessage,
  },
  // Generated enums are plain constants (as in workflows); the client and repositories are not.
  { regex: "(^|/)prisma/(?!generated/enums\\.js$)", message: composerMessage },
];
const composerBuiltins = builtinModules
  .filter((name) => !name.startsWith("node:"))
  .map((name) => ({ name, message: composerMessage }));

const fence = (patterns, paths = []) => ({
  "no-restricted-imports": "off",
  "@typescript-eslint/no-restricted-imports": ["error", { paths, patterns }],
});

const fences = [
  { files: ["bot/**/*.ts", "activities/**/*.ts", "prisma/**/*.ts"], rules: fence([slackSdkFence, teamsSdkFence]) },
  { files: ["bot/**/*.ts"], rules: fence([slackSdkFence, teamsSdkFence, botActivitiesFence]) },
  // The composition roots; bot/local-env.ts is start-local's environment (the bot's and the worker's variables);
  // the simulator runs the worker and the bot's use cases in one process, as start-local does.
  {
    files: ["bot/start-local.ts", "bot/main.ts", "bot/local-env.ts", "bot/simulator/**/*.ts"],
    rules: fence([slackSdkFence, teamsSdkFence]),
  },
  { files: ["bot/slack/**/*.ts"], rules: fence([teamsSdkFence, botActivitiesFence]) },
  { files: ["bot/teams/**/*.ts"], rules: fence([slackSdkFence, botActivitiesFence]) },
  { files: ["bot/core/messages/**/*.ts"], rules: fence([...composerFence, botActivitiesFence], composerBuiltins) },
  { files: ["activities/**/*.ts"], rules: fence([slackSdkFence, teamsSdkFence, activitiesBotFence()]) },
  {
    files: ["activities/delivery/slack-transport.ts"],
    rules: fence([teamsSdkFence, activitiesBotFence("slack/render/")]),
  },
  {
    files: ["activities/delivery/teams-transport.ts"],
    rules: fence([slackSdkFence, activitiesBotFence("teams/render/", "teams/proactive\\.js$")]),
  },
];

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
  ...fences,
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
