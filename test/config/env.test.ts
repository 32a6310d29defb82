import { describe, expect, it } from "vitest";
import { loadBotEnv } from "../../bot/env.js";
import { loadLocalEnv } from "../../bot/local-env.js";
import { loadWorkerEnv } from "../../activities/env.js";
import { EnvError } from "../../prisma/runtime/env-fields.js";

const KEY = Buffer.alloc(32, 1).toString("base64");

describe("environment validation", () => {
  it("starts on embedded defaults with an empty environment", () => {
    const env = loadLocalEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      PMP_DATA_DIR: ".local",
      TEMPORAL_NAMESPACE: "default",
      TEMPORAL_TASK_QUEUE: "pmp",
      NODE_ENV: "development",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TEMPORAL_ADDRESS).toBeUndefined();
  });

  it("names the malformed variable and its value", () => {
    expect(() => loadBotEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => loadBotEnv({ PORT: "eighty" })).toThrow(/PORT: .*got "eighty"/);
    expect(() => loadWorkerEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadWorkerEnv({ TEMPORAL_ADDRESS: "temporal" })).toThrow(/TEMPORAL_ADDRESS: must be host:port/);
  });

  it("never echoes a secret's value", () => {
    let message = "";
    try {
      loadBotEnv({ PERSONAL_DATA_KEY: "c2hvcnQ=" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PERSONAL_DATA_KEY: must be 32 bytes/);
    expect(message).not.toContain("c2hvcnQ=");
  });

  it("requires the Slack token and signing secret together", () => {
    expect(() => loadBotEnv({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(
      /SLACK_SIGNING_SECRET: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET together/,
    );
    expect(loadBotEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cr3t-s3cr3t" }).SLACK_BOT_TOKEN).toBe(
      "xoxb-1",
    );
  });

  it("treats an empty value as unset", () => {
    expect(loadWorkerEnv({ DATABASE_URL: "", TEMPORAL_ADDRESS: "" }).DATABASE_URL).toBeUndefined();
  });

  it("requires a database and a personal-data key in production", () => {
    expect(() => loadWorkerEnv({ NODE_ENV: "production" })).toThrow(
      /PERSONAL_DATA_KEY: required in production[\s\S]*DATABASE_URL: required in production/,
    );
    expect(
      loadWorkerEnv({ NODE_ENV: "production", PERSONAL_DATA_KEY: KEY, DATABASE_URL: "postgresql://u:p@db:5432/pmp" })
        .NODE_ENV,
    ).toBe("production");
  });
});
