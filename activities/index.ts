import type { PrismaClient } from "../prisma/client.js";
import { createCalendarRepository } from "../prisma/repositories/calendar-repository.js";
import type { Logger } from "../prisma/runtime/logger.js";
import { createAbsenceActivities } from "./absence-activities.js";
import { createCaseActivities } from "./case-activities.js";
import { createOutbox } from "./outbox.js";
import type { SlackSender } from "./slack-sender.js";

export interface ActivityDeps {
  prisma: PrismaClient;
  logger: Logger;
  /** Null when no Slack workspace is connected: messages then wait in the outbox. */
  slack: SlackSender | null;
}

/**
 * Every side effect a workflow may ask for, closed over the worker's dependencies. Workflows import only the
 * type (`import type`) and call these through proxyActivities; tests pass the same factory real or fake deps.
 */
export function createActivities(deps: ActivityDeps) {
  const calendars = createCalendarRepository(deps.prisma);
  const outbox = createOutbox({ prisma: deps.prisma, slack: deps.slack, logger: deps.logger.child("outbox") });
  return {
    ...createCaseActivities({ prisma: deps.prisma, outbox, logger: deps.logger }),
    ...createAbsenceActivities({ prisma: deps.prisma, outbox, logger: deps.logger }),
    /** The municipality's school calendars as data, so workflow timers count school days deterministically. */
    async loadMunicipalityCalendar(input: { municipalityId: string }) {
      return calendars.loadMunicipalityCalendar(input);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
