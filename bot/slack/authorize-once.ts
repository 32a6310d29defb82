import type { Authorize, AuthorizeResult } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";

/**
 * Bolt's authorisation for a single bot token, asking Slack once per workspace. With a plain `token` and
 * deferred verification, Bolt 5.1 calls `auth.test` before every request (its cache is overwritten on each
 * call): a Web API round trip inside Slack's 3-second window, for an answer (the bot's user and bot ids) that
 * does not change while the token is valid. The answer is kept per workspace; a failed call is forgotten, so
 * the next request asks again instead of failing forever.
 */
export function authorizeOncePerWorkspace(options: { token: string; client: WebClient }): Authorize<boolean> {
  const known = new Map<string, Promise<AuthorizeResult>>();
  return async (source) => {
    const workspace = `${source.enterpriseId ?? ""}/${source.teamId ?? ""}`;
    let identity = known.get(workspace);
    if (!identity) {
      identity = options.client.auth.test({ token: options.token }).then((answer) => ({
        botToken: options.token,
        botId: answer.bot_id,
        botUserId: answer.user_id,
        teamId: answer.team_id ?? source.teamId,
        enterpriseId: answer.enterprise_id ?? source.enterpriseId,
      }));
      known.set(workspace, identity);
      identity.catch(() => known.delete(workspace));
    }
    return { ...(await identity), isEnterpriseInstall: source.isEnterpriseInstall };
  };
}
