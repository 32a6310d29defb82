import type { Context, Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import type { KnownActor } from "../../core/actor.js";
import { DEFAULT_LOCALE, type Locale } from "../../core/i18n.js";
import type { SlackListenerDeps } from "../listener-deps.js";
import { slackActor, type SlackPayloadUser } from "../slack-user.js";

/** Who is asking and in which language, resolved once per request and read by every listener. */
export interface RequestContext {
  actor: KnownActor | null;
  locale: Locale;
}

const PENDING = "pmpRequestContext";

/**
 * Global middleware: starts looking up the actor behind the request (null for anyone not registered, who then
 * gets a polite refusal) and their locale, once per request, and puts the pending answer in Bolt's context. It
 * does not wait for it: a button's listener acknowledges first and reads the actor after, so the database round
 * trip is not inside Slack's 3-second window.
 */
export function requestContextMiddleware(deps: SlackListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const pending = slackActor(deps.core, body as SlackPayloadUser).then((actor): RequestContext => ({
      actor,
      locale: actor?.locale ?? DEFAULT_LOCALE,
    }));
    // A failed look-up fails the listener that reads it (never mistaken for "not registered"); a request no
    // listener reads must not turn it into an unhandled rejection.
    pending.catch(() => {});
    context[PENDING] = pending;
    await next();
  };
}

/** Who is asking and in which language, as the middleware resolved it for this request. */
export async function requestContext(context: Context): Promise<RequestContext> {
  const pending = context[PENDING] as Promise<RequestContext> | undefined;
  return pending ? pending : { actor: null, locale: DEFAULT_LOCALE };
}
