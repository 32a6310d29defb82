import type { Prisma, PrismaClient } from "../client.js";
import type { AgendaSource, MeetingBody } from "../generated/enums.js";

// Items waiting for a meeting body's next agenda (model AgendaItem). Titles carry pseudonymous references only.

export const agendaItemSelect = {
  id: true,
  body: true,
  caseId: true,
  title: true,
  source: true,
  dedupeKey: true,
} satisfies Prisma.AgendaItemSelect;

export interface NewAgendaItem {
  /** e.g. "case:<caseId>:indicated", "absence:<learnerId>:<schoolYear>:<ruleId>". */
  dedupeKey: string;
  municipalityId: string;
  body: MeetingBody;
  caseId: string | null;
  title: string;
  source: AgendaSource;
}

export function createAgendaRepository(prisma: PrismaClient) {
  return {
    /** Queues the item once per dedupeKey; repeating it (an activity retry) changes nothing. */
    async queueOnce(item: NewAgendaItem) {
      return prisma.agendaItem.upsert({
        where: { dedupeKey: item.dedupeKey },
        create: item,
        update: {},
        select: agendaItemSelect,
      });
    },
  };
}

export type AgendaRepository = ReturnType<typeof createAgendaRepository>;
