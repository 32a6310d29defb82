import type { CoreDeps } from "../core/deps.js";
import type { Logger } from "../../prisma/runtime/logger.js";

/** What every Slack listener gets: the platform-neutral core and a logger. */
export interface SlackListenerDeps {
  core: CoreDeps;
  logger: Logger;
}
