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

/**
 * Global middleware: the actor behind the request (null for anyone not registered, who then gets a polite
 * refusal) and their locale, put in Bolt's context before any listener runs.
 */
export function requestContextMiddleware(deps: SlackListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    // A failing look-up fails the request (Bolt's error handler logs it): never mistake it for "not registered".
    const actor = await slackActor(deps.core, body as SlackPayloadUser);
    context.actor = actor;
    context.locale = actor?.locale ?? DEFAULT_LOCALE;
    await next();
  };
}

export function requestContext(context: Context): RequestContext {
  return {
    actor: (context.actor as KnownActor | null | undefined) ?? null,
    locale: (context.locale as Locale | undefined) ?? DEFAULT_LOCALE,
  };
}
