import type { PrismaClient } from "../prisma/client.js";
import { createCalendarRepository } from "../prisma/repositories/calendar-repository.js";
import type { Logger } from "../prisma/runtime/logger.js";
import { createAbsenceActivities } from "./absence-activities.js";
import { createCaseActivities } from "./case-activities.js";
import { createTaskActivities } from "./task-activities.js";
import type { Outbox } from "./delivery/outbox.js";
import { createOperatorAlerts } from "./delivery/operator-alerts.js";
import { createRecipients } from "./delivery/recipients.js";
import { createDirectoryRepository } from "../prisma/repositories/directory-repository.js";
import { createDirectoryActivities, type DirectoryJobDeps } from "./directory/directory-activities.js";
import { Context } from "@temporalio/activity";
import { createWorkflowReconciler } from "./reconcile-workflows.js";

export interface ActivityDeps {
  prisma: PrismaClient;
  logger: Logger;
  /** The delivery queue: notification activities only write to it; the worker's drainer sends. */
  outbox: Outbox;
  /** The nightly directory sync's key and the chat directories to link staff against (activities/directory/). */
  directoryJobs?: Pick<DirectoryJobDeps, "key" | "chatAccountLookups">;
}

/**
 * Every side effect a workflow may ask for, closed over the worker's dependencies. Workflows import only the
 * type (`import type`) and call these through proxyActivities; tests pass the same factory real or fake deps.
 */
export function createActivities(deps: ActivityDeps) {
  const calendars = createCalendarRepository(deps.prisma);
  const { outbox } = deps;
  const directory = createDirectoryRepository(deps.prisma);
  const alerts = createOperatorAlerts({ prisma: deps.prisma, outbox, directory, logger: deps.logger.child("alerts") });
  const recipients = createRecipients({ directory, outbox, alerts });
  return {
    ...createCaseActivities({ prisma: deps.prisma, recipients, logger: deps.logger }),
    ...createAbsenceActivities({ prisma: deps.prisma, recipients, logger: deps.logger }),
    ...createTaskActivities({ prisma: deps.prisma, logger: deps.logger }),
    ...createDirectoryActivities({ prisma: deps.prisma, logger: deps.logger, alerts, ...deps.directoryJobs }),
    /**
     * The reconciliation job (bot/ingest/reconcile-schedule.ts): open cases whose workflow is missing are started
     * again on this worker's task queue, through the worker's own Temporal client; each finding is an alert.
     */
    async reconcileWorkflows(): Promise<{ checked: number; restarted: number; ended: number }> {
      const context = Context.current();
      const result = await createWorkflowReconciler({
        prisma: deps.prisma,
        temporal: () => context.client,
        taskQueue: context.info.taskQueue,
        alerts,
        logger: deps.logger.child("reconcile"),
      }).reconcileCases();
      return { checked: result.checked, restarted: result.restarted.length, ended: result.ended.length };
    },
    /** The municipality's school calendars as data, so workflow timers count school days deterministically. */
    async loadMunicipalityCalendar(input: { municipalityId: string }) {
      return calendars.loadMunicipalityCalendar(input);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
