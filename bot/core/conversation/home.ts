// The "my work" page of any surface (Slack's App Home): what is waiting for the person, by reference only.

import type { KnownActor } from "../actor.js";
import type { CoreDeps } from "../deps.js";
import type { Locale } from "../i18n.js";
import { composeHome, type MyWorkView } from "../messages/composers/home.js";
import type { Message } from "../messages/model.js";
import { myWork } from "../my-work.js";

export async function homeFor(deps: CoreDeps, input: { actor: KnownActor | null; locale: Locale }): Promise<Message> {
  if (!input.actor) return composeHome(null, input.locale);
  return composeHome(asView(await myWork(deps, input.actor)), input.locale);
}

/**
 * `myWork` is moving to return tasks (MyWorkView); until it does, its older shape (cases and a count) shows the
 * cases and no task list. Read structurally so both shapes compile.
 */
function asView(work: unknown): MyWorkView {
  const shaped = work as Partial<MyWorkView> & { cases: MyWorkView["cases"] };
  return { cases: shaped.cases, tasks: Array.isArray(shaped.tasks) ? shaped.tasks : [] };
}
