import type { Client } from "@temporalio/client";
import type { PrismaClient } from "../../prisma/client.js";
import {
  calendarScopesFor,
  createCalendarRepository,
  type MunicipalityCalendar,
} from "../../prisma/repositories/calendar-repository.js";
import { absenceEscalation } from "../../workflows/absence-escalation.js";
import {
  absenceWorkflowId,
  absencesRecordedSignal,
  type AbsencesRecorded,
  type SemesterKey,
} from "../../workflows/absence-messages.js";
import type { AbsenceMeasures } from "../../workflows/domain/absence-rules.js";
import {
  addSchoolDays,
  semesterOf,
  semestersFor,
  type Grade,
  type IsoDate,
} from "../../workflows/domain/calendar/index.js";
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
        learner: {
          select: {
            grade: true,
            school: { select: { code: true, kind: true, municipalityId: true } },
            enrolments: {
              where: { endedOn: null },
              take: 1,
              orderBy: { startedOn: "desc" },
              select: { programmeCode: true },
            },
          },
        },
      },
    });
    interface Group {
      learnerId: string;
      term: SemesterKey;
      grade: Grade;
      calendar: MunicipalityCalendar;
      unexcused: Set<IsoDate>;
      unknown: Set<IsoDate>;
      corrected: Set<IsoDate>;
    }
    const groups = new Map<string, Group>();
    const calendarsByScope = new Map<string, MunicipalityCalendar>();
    for (const row of rows) {
      const learner = row.learner;
      const scopes = calendarScopesFor({
        schoolCode: learner.school.code,
        programmeCode: learner.enrolments[0]?.programmeCode ?? null,
        preschool: learner.grade === 0 || learner.school.kind === "PRESCHOOL",
      });
      const cacheKey = `${learner.school.municipalityId}|${scopes.join("|")}`;
      let calendar = calendarsByScope.get(cacheKey);
      if (!calendar) {
        calendar = await calendars.loadMunicipalityCalendar({ municipalityId: learner.school.municipalityId, scopes });
        calendarsByScope.set(cacheKey, calendar);
      }
      const date = row.date.toISOString().slice(0, 10) as IsoDate;
      const term = semesterOf(date, learner.grade as Grade, calendar.calendars, calendar.overrides);
      if (!term) continue; // the importer rejects dates outside the semesters; nothing to escalate
      const key = `${row.learnerId}#${term.schoolYear}#${term.semester}`;
      const group = groups.get(key) ?? {
        learnerId: row.learnerId,
        term: { schoolYear: term.schoolYear, semester: term.semester },
        grade: learner.grade as Grade,
        calendar,
        unexcused: new Set<IsoDate>(),
        unknown: new Set<IsoDate>(),
        corrected: new Set<IsoDate>(),
      };
      if (row.justification === "UNJUSTIFIED" || row.justification === "UNKNOWN") group.unexcused.add(date);
      if (row.justification === "UNKNOWN") group.unknown.add(date);
      if (row.justification === "JUSTIFIED" || row.justification === "WITHDRAWN") group.corrected.add(date);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const measures = await measuresOf(group.learnerId, group.term);
      const signal: AbsencesRecorded = {
        batchId,
        term: group.term,
        measures:
          group.grade === 0 ? { ...measures, CONSECUTIVE_UNEXCUSED_DAYS: await consecutiveDaysOf(group) } : measures,
        newUnexcusedDates: [...group.unexcused].sort(),
        unknownReasonDates: [...group.unknown].sort(),
        clearedDates: await clearedDatesOf(group.learnerId, group.corrected),
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

  /** Days a correction made justified or withdrew, with no unexcused absence left on them (MK 89 p.7 recount). */
  async function clearedDatesOf(learnerId: string, corrected: ReadonlySet<IsoDate>): Promise<IsoDate[]> {
    if (!corrected.size) return [];
    const stillUnexcused = await prisma.absenceRecord.findMany({
      where: {
        learnerId,
        date: { in: [...corrected].map((d) => new Date(`${d}T00:00:00Z`)) },
        justification: { in: ["UNJUSTIFIED", "UNKNOWN"] },
      },
      select: { date: true },
    });
    const left = new Set(stillUnexcused.map((r) => r.date.toISOString().slice(0, 10)));
    return [...corrected].filter((d) => !left.has(d)).sort();
  }

  /** Pre-school's consecutive reading: the longest run of school days in a row with an unexcused absence. */
  async function consecutiveDaysOf(group: {
    learnerId: string;
    term: SemesterKey;
    grade: Grade;
    calendar: MunicipalityCalendar;
  }): Promise<number> {
    const year = group.calendar.calendars.find((c) => c.schoolYear === group.term.schoolYear);
    if (!year) return 0;
    const semester = semestersFor(year, group.grade, group.calendar.overrides.preschoolFollowsSchoolHolidays).find(
      (s) => s.semester === group.term.semester,
    );
    if (!semester) return 0;
    const rows = await prisma.absenceRecord.findMany({
      where: {
        learnerId: group.learnerId,
        date: { gte: new Date(`${semester.start}T00:00:00Z`), lte: new Date(`${semester.end}T00:00:00Z`) },
        justification: { in: ["UNJUSTIFIED", "UNKNOWN"] },
      },
      select: { date: true },
      distinct: ["date"],
      orderBy: { date: "asc" },
    });
    const ctx = {
      calendars: group.calendar.calendars,
      overrides: group.calendar.overrides,
      grade: group.grade,
      beyondCoverage: "WORKING_DAYS" as const,
    };
    let longest = 0;
    let run = 0;
    let previous: IsoDate | null = null;
    for (const row of rows) {
      const date = row.date.toISOString().slice(0, 10) as IsoDate;
      run = previous !== null && addSchoolDays(previous, 1, ctx) === date ? run + 1 : 1;
      longest = Math.max(longest, run);
      previous = date;
    }
    return longest;
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
