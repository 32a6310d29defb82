// The "my work" page of any surface (Slack's App Home): what is waiting for the person, by reference only.

import type { KnownActor } from "../actor.js";
import type { CoreDeps } from "../deps.js";
import type { Locale } from "../i18n.js";
import { composeHome } from "../messages/composers/home.js";
import type { Message } from "../messages/model.js";
import { myWork } from "../my-work.js";

export async function homeFor(deps: CoreDeps, input: { actor: KnownActor | null; locale: Locale }): Promise<Message> {
  return composeHome(input.actor ? await myWork(deps, input.actor) : null, input.locale);
}
