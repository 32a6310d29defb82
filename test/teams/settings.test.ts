import { describe, expect, it } from "vitest";
import { loadWorkerEnv } from "../../activities/env.js";
import { loadBotEnv } from "../../bot/env.js";
import { teamsSettingsOf } from "../../bot/teams/authentication.js";

// The Teams settings under botbuilder's names, validated once at start-up in both processes.

const credentials = { MicrosoftAppId: "00000000-0000-4000-8000-0000000000a1", MicrosoftAppPassword: "secret-value" };
const endpoints = {
  ToBotFromChannelOpenIdMetadataUrl: "http://127.0.0.1:1/openid",
  ToBotFromEmulatorOpenIdMetadataUrl: "http://127.0.0.1:1/emulator",
  ToBotFromChannelTokenIssuer: "https://api.botframework.test",
  ToChannelFromBotLoginUrl: "https://127.0.0.1:2/tenant",
  ToChannelFromBotOAuthScope: "https://api.botframework.test",
  OAuthUrl: "http://127.0.0.1:1/oauth",
  CallerId: "urn:botframework:azure",
  ValidateAuthority: "false",
};

describe("Teams settings", () => {
  it("Teams is off without credentials, on with them (multi-tenant by default)", () => {
    expect(teamsSettingsOf(loadBotEnv({}))).toBeNull();
    expect(teamsSettingsOf(loadWorkerEnv(credentials))).toMatchObject({
      ...credentials,
      MicrosoftAppType: "MultiTenant",
    });
  });

  it("refuses an id without a password, and a single-tenant app without its tenant", () => {
    expect(() => loadBotEnv({ MicrosoftAppId: credentials.MicrosoftAppId })).toThrow(/MicrosoftAppPassword/);
    expect(() => loadWorkerEnv({ ...credentials, MicrosoftAppType: "SingleTenant" })).toThrow(/MicrosoftAppTenantId/);
  });

  it("takes the Microsoft endpoints all together or not at all", () => {
    expect(loadBotEnv({ ...credentials, ...endpoints }).ToChannelFromBotLoginUrl).toBe(
      endpoints.ToChannelFromBotLoginUrl,
    );
    expect(() => loadBotEnv({ ...credentials, ToBotFromChannelTokenIssuer: "https://x" })).toThrow(
      /ToChannelFromBotLoginUrl/,
    );
    expect(() =>
      loadBotEnv({ ...credentials, ...endpoints, ToChannelFromBotLoginUrl: "http://127.0.0.1:2/t" }),
    ).toThrow(/ToChannelFromBotLoginUrl/);
  });
});
