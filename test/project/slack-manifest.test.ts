import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";

// The Slack app manifest (api.slack.com → Your apps → From a manifest) against what the code really does:
// the command and the request URLs Bolt listens on, and a bot scope for every Web API method called.

const root = fileURLToPath(new URL("../..", import.meta.url));

const manifestSchema = z.object({
  _metadata: z.object({ major_version: z.number(), minor_version: z.number() }),
  display_information: z.object({
    name: z.string().max(35),
    description: z.string().max(140),
    long_description: z.string().min(175).max(4000).optional(),
  }),
  features: z.object({
    app_home: z.object({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean(),
    }),
    bot_user: z.object({ display_name: z.string().max(80), always_online: z.boolean() }),
    slash_commands: z.array(
      z.object({
        command: z.string(),
        url: z.url(),
        description: z.string().max(2000),
        usage_hint: z.string().max(1000),
        should_escape: z.boolean(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.url(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.url() }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")));

/**
 * Bot scope each Web API method needs (api.slack.com/methods/<method>). `null`: no scope; views.* work off the
 * trigger id of an interaction. A method the code starts calling must be added here before this test passes.
 */
const SCOPE_OF_METHOD: Record<string, string | null> = {
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "chat.postEphemeral": "chat:write",
  "chat.delete": "chat:write",
  "views.open": null,
  "views.update": null,
  "views.push": null,
  "views.publish": null,
  // Asked once per workspace to learn the bot's own ids (bot/slack/authorize-once.ts); needs no scope.
  "auth.test": null,
  "conversations.open": "im:write",
  // The channel kinds the bot posts to: support-team channels (private or public) and direct messages.
  "conversations.history": "groups:history",
  "users.info": "users:read",
  // Chat-account linking finds a staff member's Slack user by their work e-mail (activities/directory/).
  "users.lookupByEmail": "users:read.email",
  // filesUploadV2 (the annual report to its requester): these two calls with the upload in between.
  "files.getUploadURLExternal": "files:write",
  "files.completeUploadExternal": "files:write",
};

/** Bot scope each Events API event needs (api.slack.com/events/<event>); `null`: none. */
const SCOPE_OF_EVENT: Record<string, string | null> = {
  app_home_opened: null,
  app_mention: "app_mentions:read",
  "message.im": "im:history",
};

/** Why each granted scope is there; anything else is more access than the bot needs. */
const JUSTIFIED_SCOPES: Record<string, string> = {
  commands: "the /pmp slash command",
  "chat:write":
    "case cards in the support-team channels the bot was invited to, and direct messages (chat.postMessage, chat.update)",
  "im:write": "direct messages to case managers, coordinators and reporters (the App Home messages tab)",
  // After a worker dies mid-send, the drainer looks for its own message (tagged with the outbox key in its
  // metadata) among the last minute's messages before posting again, so no message is ever posted twice.
  "channels:history": "finding the bot's own message after a send in doubt, in a public channel",
  "groups:history": "finding the bot's own message after a send in doubt, in a private channel",
  "im:history": "finding the bot's own message after a send in doubt, in a direct message",
  // One look-up per staff member of the directory, by the work e-mail the municipality's HR list gives; the
  // answer's user id is kept, nothing else of the profile is read or stored.
  "users:read.email": "linking staff to their Slack accounts by work e-mail (users.lookupByEmail)",
  "files:write": "the annual report's XLSX and PDF, uploaded into the requester's direct conversation (filesUploadV2)",
};

/** Source files under bot/ and activities/, read once. */
function sources(): Array<{ file: string; source: string }> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
    );
  return [...walk(join(root, "bot")), ...walk(join(root, "activities"))].map((file) => ({
    file: relative(root, file),
    source: readFileSync(file, "utf8"),
  }));
}

/** Events API events the Bolt app listens to: `app.event("app_home_opened", …)`. */
function eventsListenedTo(): Set<string> {
  return new Set(
    sources().flatMap(({ source }) => [...source.matchAll(/\.event\(\s*["']([a-z_.]+)["']/g)].map((m) => m[1]!)),
  );
}

/** The Temporal client's namespaces (`client.workflow.start(…)`), which share the `client.x.y(` shape. */
const TEMPORAL_CLIENT_NAMESPACES = new Set(["workflow", "schedule", "activity", "taskQueue"]);

/** Web API methods called from bot/ and activities/: `client.chat.postMessage(…)`, `apiCall("users.info", …)`. */
function webApiMethodsCalled(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { file, source } of sources()) {
    const calls = [
      ...[...source.matchAll(/\b(?:client|[A-Za-z]*[cC]lient)\s*\.\s*([a-z]+)\s*\.\s*([a-zA-Z]+)\s*\(/g)]
        .filter((m) => !TEMPORAL_CLIENT_NAMESPACES.has(m[1]!))
        .map((m) => `${m[1]}.${m[2]}`),
      ...[...source.matchAll(/\bapiCall\(\s*["']([a-z]+\.[a-zA-Z.]+)["']/g)].map((m) => m[1]!),
      // The web client's upload helper makes two Web API calls of its own.
      ...(/\bclient\.filesUploadV2\(/.test(source)
        ? ["files.getUploadURLExternal", "files.completeUploadExternal"]
        : []),
    ];
    for (const method of calls) found.set(method, [...(found.get(method) ?? []), file]);
  }
  return found;
}

describe("manifest.json", () => {
  const granted = new Set(manifest.oauth_config.scopes.bot);

  it("is pmp-bot, described in Latvian and English, with a bot user and App Home", () => {
    expect(manifest.display_information.name).toBe("pmp-bot");
    expect(manifest.display_information.description).toMatch(/PMP riski/);
    expect(manifest.display_information.description).toMatch(/Early-school-leaving/);
    expect(manifest.display_information.long_description).toMatch(/priekšlaicīgu mācību pārtraukšanu/);
    expect(manifest.display_information.long_description).toMatch(/prevent early school leaving/);
    expect(manifest.features.bot_user.display_name).toBe("pmp-bot");
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it("declares /pmp with its usage, posting to the path Bolt listens on", () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({
      command: "/pmp",
      usage_hint: "report | report annual <m.g.> | case <atsauce> | tasks | status [skola] [semestris] | help",
      url: "https://pmp.example.lv/slack/events",
      should_escape: false,
    });
    expect(new URL(command!.url).pathname).toBe("/slack/events");
    // The same path the ExpressReceiver is mounted on, and the one README tells people to configure.
    expect(readFileSync(join(root, "bot/slack/app.ts"), "utf8")).toContain('endpoints: "/slack/events"');
  });

  it("has interactivity on at the same URL, HTTP (not socket mode) and no token rotation", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toBe(manifest.features.slash_commands[0]!.url);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe("/slack/events");
    expect(new URL(manifest.settings.interactivity.request_url).protocol).toBe("https:");
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });

  it("subscribes to every event the bot listens to (App Home), at the same request URL", () => {
    const listened = eventsListenedTo();
    expect(listened).toContain("app_home_opened");
    expect(new Set(manifest.settings.event_subscriptions.bot_events)).toEqual(listened);
    expect(manifest.settings.event_subscriptions.request_url).toBe(manifest.settings.interactivity.request_url);
    for (const event of listened) {
      expect(SCOPE_OF_EVENT, `event ${event} is missing from SCOPE_OF_EVENT`).toHaveProperty([event]);
      const scope = SCOPE_OF_EVENT[event];
      if (scope) expect(granted, `event ${event} needs ${scope}`).toContain(scope);
    }
  });

  it("grants a scope for every Web API method the bot and the worker call", () => {
    const called = webApiMethodsCalled();
    // The scan finds what the code calls today; if it found nothing, it is broken rather than the code clean.
    expect([...called.keys()].sort()).toEqual(
      expect.arrayContaining(["chat.postMessage", "chat.update", "views.open", "views.update"]),
    );
    for (const [method, files] of called) {
      expect(
        SCOPE_OF_METHOD,
        `${method} (called in ${files.join(", ")}) is missing from SCOPE_OF_METHOD`,
      ).toHaveProperty([method]);
      const scope = SCOPE_OF_METHOD[method];
      if (scope) expect(granted, `${method} needs ${scope}`).toContain(scope);
    }
    expect(granted).toContain("commands");
  });

  it("grants nothing more than it needs: no public-channel posting, no listing users", () => {
    expect([...granted].sort()).toEqual(Object.keys(JUSTIFIED_SCOPES).sort());
    for (const broad of ["chat:write.public", "users:read", "channels:read"]) expect(granted).not.toContain(broad);
  });
});
