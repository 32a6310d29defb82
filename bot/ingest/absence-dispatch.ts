import type { Client } from "@temporalio/client";
import type { PrismaClient } from "../../prisma/client.js";
import { createCalendarRepository } from "../../prisma/repositories/calendar-repository.js";
import { absenceEscalation } from "../../workflows/absence-escalation.js";
import {
  absenceWorkflowId,
  absencesRecordedSignal,
  type AbsencesRecorded,
  type SemesterKey,
} from "../../workflows/absence-messages.js";
import type { AbsenceMeasures } from "../../workflows/domain/absence-rules.js";
import { semesterOf, type Grade, type IsoDate } from "../../workflows/domain/calendar/index.js";
import { signalWithStart } from "../core/temporal-client.js";

/**
 * Tells the absence-escalation workflows about imported batches. It lives in the bot process, which receives the
 * imports (POST /api/absences) and holds a Temporal client; it is not an activity (no workflow asks for it). The
 * batch row records when that was done, so a crash between import and dispatch, or an import from a machine
 * without Temporal (the CLI), is picked up by the next sweep (absence-sweep.ts); signals carry the batch id and
 * the workflows ignore a batch they have seen, so a repeat is harmless.
 */
export function createAbsenceDispatcher(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string }) {
  const { prisma } = deps;
  const calendars = createCalendarRepository(prisma);

  async function dispatchBatch(batchId: string): Promise<number> {
    const rows = await prisma.absenceRecord.findMany({
      where: { batchId },
      select: {
        learnerId: true,
        date: true,
        justification: true,
        learner: { select: { grade: true, school: { select: { municipalityId: true } } } },
      },
    });
    const groups = new Map<string, { learnerId: string; term: SemesterKey; dates: Set<IsoDate> }>();
    const calendarsByMunicipality = new Map<string, Awaited<ReturnType<typeof calendars.loadMunicipalityCalendar>>>();
    for (const row of rows) {
      const municipalityId = row.learner.school.municipalityId;
      let calendar = calendarsByMunicipality.get(municipalityId);
      if (!calendar)
        calendarsByMunicipality.set(
          municipalityId,
          (calendar = await calendars.loadMunicipalityCalendar({ municipalityId })),
        );
      const date = row.date.toISOString().slice(0, 10) as IsoDate;
      const term = semesterOf(date, row.learner.grade as Grade, calendar.calendars, calendar.overrides);
      if (!term) continue; // the importer rejects dates outside the semesters; nothing to escalate
      const key = `${row.learnerId}#${term.schoolYear}#${term.semester}`;
      const group = groups.get(key) ?? {
        learnerId: row.learnerId,
        term: { schoolYear: term.schoolYear, semester: term.semester },
        dates: new Set<IsoDate>(),
      };
      if (row.justification !== "JUSTIFIED") group.dates.add(date);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const signal: AbsencesRecorded = {
        batchId,
        term: group.term,
        measures: await measuresOf(group.learnerId, group.term),
        newUnexcusedDates: [...group.dates].sort(),
      };
      await signalWithStart(deps.temporal, {
        workflow: absenceEscalation,
        workflowId: absenceWorkflowId(group.learnerId),
        taskQueue: deps.taskQueue,
        args: [{ learnerId: group.learnerId, term: group.term }],
        signal: absencesRecordedSignal,
        signalArgs: [signal],
      });
    }
    await prisma.absenceImportBatch.update({ where: { id: batchId }, data: { dispatchedAt: new Date() } });
    return groups.size;
  }

  /** The counters after the import, as the rule set measures them (unexcused = unjustified + unknown). */
  async function measuresOf(learnerId: string, term: SemesterKey): Promise<AbsenceMeasures> {
    const counters = await prisma.absenceCounter.findMany({
      where: { learnerId, schoolYear: term.schoolYear },
      select: { semester: true, unjustifiedLessons: true, unknownLessons: true, unexcusedDays: true },
    });
    const semester = counters.find((c) => c.semester === term.semester);
    const sum = (pick: (c: (typeof counters)[number]) => number) => counters.reduce((total, c) => total + pick(c), 0);
    return {
      SEMESTER_UNEXCUSED_LESSONS: semester ? semester.unjustifiedLessons + semester.unknownLessons : 0,
      SEMESTER_UNEXCUSED_DAYS: semester?.unexcusedDays ?? 0,
      YEAR_UNEXCUSED_LESSONS: sum((c) => c.unjustifiedLessons + c.unknownLessons),
      YEAR_UNEXCUSED_DAYS: sum((c) => c.unexcusedDays),
    };
  }

  return {
    dispatchBatch,
    /** Every finished batch not dispatched yet, oldest first. Returns how many learners were signalled. */
    async dispatchPending(): Promise<number> {
      const batches = await prisma.absenceImportBatch.findMany({
        where: { dispatchedAt: null, finishedAt: { not: null } },
        orderBy: { startedAt: "asc" },
        select: { id: true },
        take: 100,
      });
      let signalled = 0;
      for (const batch of batches) signalled += await dispatchBatch(batch.id);
      return signalled;
    },
  };
}

export type AbsenceDispatcher = ReturnType<typeof createAbsenceDispatcher>;
