/**
 * Slack's side of chat-account linking: users.lookupByEmail (scope users:read.email) over plain HTTPS, so the
 * worker and the CLI need no Slack SDK (the SDK stays in bot/slack/** and the Slack transport). Slack's own
 * rate limit (Tier 3) is honoured by waiting Retry-After and asking again.
 */
import type { ChatAccountLookup } from "../../prisma/directory/chat-account-links.js";

const SLACK_API = "https://slack.com/api/";
const MAX_ATTEMPTS = 5;

export async function createSlackAccountLookup(options: {
  token: string;
  apiUrl?: string | undefined;
  /** For tests; waits between rate-limited attempts. */
  sleep?: (ms: number) => Promise<void>;
}): Promise<ChatAccountLookup> {
  const base = options.apiUrl ?? SLACK_API;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const apiCall = async (method: string, form: Record<string, string>): Promise<Record<string, unknown>> => {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(new URL(method, base), {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.token}`,
          "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        },
        body: new URLSearchParams(form).toString(),
      });
      if ((response.status === 429 || response.status >= 500) && attempt < MAX_ATTEMPTS) {
        await sleep(1000 * Number(response.headers.get("retry-after") ?? attempt));
        continue;
      }
      if (!response.ok) throw new Error(`Slack ${method}: HTTP ${response.status}`);
      return (await response.json()) as Record<string, unknown>;
    }
  };
  const auth = await apiCall("auth.test", {});
  if (auth.ok !== true || typeof auth.team_id !== "string")
    throw new Error(`Slack auth.test: ${String(auth.error ?? "no team id")}`);
  return {
    platform: "SLACK",
    workspaceId: auth.team_id,
    async userIdByEmail(email) {
      const answer = await apiCall("users.lookupByEmail", { email });
      if (answer.ok !== true) {
        if (answer.error === "users_not_found") return null;
        throw new Error(`Slack users.lookupByEmail: ${String(answer.error)}`);
      }
      const user = answer.user as { id?: string; deleted?: boolean; is_bot?: boolean } | undefined;
      return user?.id && !user.deleted && !user.is_bot ? user.id : null;
    },
  };
}
