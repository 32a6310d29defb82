import type { PrismaClient } from "../prisma/client.js";
import { Role, type MeetingBody, type TaskState } from "../prisma/generated/enums.js";
import { createAuditLogRepository } from "../prisma/repositories/audit-log-repository.js";
import { createCalendarRepository } from "../prisma/repositories/calendar-repository.js";
import { createDirectoryRepository } from "../prisma/repositories/directory-repository.js";
import { createTaskRepository } from "../prisma/repositories/task-repository.js";
import type { Logger } from "../prisma/runtime/logger.js";
import { rigaDateOf, type SchoolYearCalendar } from "../workflows/domain/calendar/index.js";
import type { OpenTaskInput, TaskAssignment, TaskSubject, UpdateTaskInput } from "../workflows/human-tasks.js";
import { CASE_MANAGER_ROLES } from "../bot/core/access-matrix.js";

// The Task rows of human tasks (workflows/human-tasks.ts): opened once per workflow task, then changed as the
// task is done, cancelled, overdue or handed up its escalation chain. Each call resolves who holds the task
// from the directory, so "nobody has this role here" reaches the workflow, which passes the task up the chain
// and raises NOBODY_TO_ASSIGN instead of leaving it with no one.

/** The support-team members who can take a case, as the access matrix has them. */
const SUPPORT_TEAM_ROLES = CASE_MANAGER_ROLES;

const isRole = (value: string): value is Role => Object.prototype.hasOwnProperty.call(Role, value);

/** Who holds a task as stored: a role, or a body as a whole (the support team). */
type Holder = { assigneeRole: Role | null; assigneeBody: MeetingBody | null };
const byRole = (role: Role): Holder => ({ assigneeRole: role, assigneeBody: null });
const heldBy = (row: Holder): string => row.assigneeRole ?? row.assigneeBody ?? "NOBODY";

interface SubjectInfo {
  ref: string;
  schoolId: string;
  municipalityId: string;
  classLabel: string | null;
  /** A learner's declared municipality when it is not the school's (MK 89 p.7.2 routing). */
  declaredMunicipalityId?: string;
}

export const taskDedupeKey = (input: { workflowId: string; keyScope?: string; key: string }): string =>
  [input.workflowId, ...(input.keyScope ? [input.keyScope] : []), input.key].join("/");

export function createTaskActivities(deps: { prisma: PrismaClient; logger: Logger; now?: () => Date }) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());
  const tasks = createTaskRepository(prisma);
  const directory = createDirectoryRepository(prisma);
  const calendars = createCalendarRepository(prisma);
  const audit = createAuditLogRepository(prisma);

  async function subjectOf(subject: TaskSubject): Promise<SubjectInfo> {
    if (subject.type === "Case") {
      const row = await prisma.case.findUniqueOrThrow({
        where: { id: subject.id },
        select: {
          ref: true,
          schoolId: true,
          school: { select: { municipalityId: true } },
          learner: { select: { classLabel: true } },
        },
      });
      return {
        ref: row.ref,
        schoolId: row.schoolId,
        municipalityId: row.school.municipalityId,
        classLabel: row.learner.classLabel,
      };
    }
    const row = await prisma.learner.findUniqueOrThrow({
      where: { id: subject.id },
      select: {
        publicRef: true,
        schoolId: true,
        classLabel: true,
        declaredMunicipalityCode: true,
        school: { select: { municipalityId: true } },
      },
    });
    const declared = row.declaredMunicipalityCode
      ? await prisma.municipality.findUnique({ where: { code: row.declaredMunicipalityCode }, select: { id: true } })
      : null;
    return {
      ref: row.publicRef,
      schoolId: row.schoolId,
      municipalityId: row.school.municipalityId,
      classLabel: row.classLabel,
      ...(declared && declared.id !== row.school.municipalityId ? { declaredMunicipalityId: declared.id } : {}),
    };
  }

  /** Who holds `role` for the subject: a named person, a team (no one named), or nobody. */
  async function resolve(
    role: string,
    where: SubjectInfo,
  ): Promise<{ stored: Holder; assigneeId: string | null; nobody: boolean }> {
    if (role === "SUPPORT_TEAM") {
      // The team holds it as a body (Task.assigneeBody) until one of its members takes the case.
      const team = await directory.peopleWithRole({ roles: SUPPORT_TEAM_ROLES, schoolId: where.schoolId });
      return {
        stored: { assigneeRole: null, assigneeBody: "SUPPORT_TEAM" },
        assigneeId: null,
        nobody: team.length === 0,
      };
    }
    if (!isRole(role)) throw new Error(`unknown assignee role ${role}`);
    // A social service's task for a learner declared in another municipality (acknowledging the MK 89 referral)
    // is held there, where the referral was sent.
    const municipalityId =
      role === "SOCIAL_SERVICE" && where.declaredMunicipalityId ? where.declaredMunicipalityId : where.municipalityId;
    const held = await directory.holdersOf({
      role,
      schoolId: where.schoolId,
      municipalityId,
      classLabel: where.classLabel,
    });
    const first = held.people[0];
    return first
      ? { stored: byRole(held.role), assigneeId: first.staffId, nobody: false }
      : { stored: byRole(role), assigneeId: null, nobody: true };
  }

  /** Whether the school year the deadline falls in is still marked provisional in the municipality's calendar. */
  async function provisional(municipalityId: string, dueAt: Date): Promise<boolean> {
    const { calendars: years } = await calendars.loadMunicipalityCalendar({ municipalityId });
    const day = rigaDateOf(dueAt);
    const lastDay = (c: SchoolYearCalendar) => [c.endDates.standard, c.endDates.grade9, c.endDates.grade12].sort()[2]!;
    return years.find((c) => c.start <= day && day <= lastDay(c))?.provisional ?? false;
  }

  return {
    /**
     * Records a task once (dedupeKey `<workflowId>/<taskKey>`); a retry finds the row already written and answers
     * the same (the holder is looked up again, so `nobody` is not lost when the first attempt's reply was).
     */
    async openTask(input: OpenTaskInput): Promise<TaskAssignment> {
      const dedupeKey = taskDedupeKey(input);
      const subject = await subjectOf(input.subject);
      const holder = await resolve(input.assigneeRole, subject);
      const dueAt = new Date(input.dueAt);
      const row = await tasks.createOnce({
        dedupeKey,
        kind: input.kind,
        sourceWorkflowId: input.workflowId,
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        subjectRef: subject.ref,
        municipalityId: subject.municipalityId,
        schoolId: subject.schoolId,
        ...holder.stored,
        assigneeId: holder.assigneeId,
        legalPoint: input.legalPoint,
        dueAt,
        provisional: await provisional(subject.municipalityId, dueAt),
      });
      if (holder.nobody) {
        deps.logger.warn("task has nobody to assign", { dedupeKey, kind: input.kind, role: input.assigneeRole });
      }
      return { assigneeRole: heldBy(row), assigneeId: row.assigneeId, nobody: holder.nobody };
    },

    /**
     * Changes a task's state, escalation level or holder. A new holder role is looked up in the directory
     * (`nobody` says it has no one); an explicit `assigneeId` names the holder. Repeating a change is harmless.
     */
    async updateTask(input: UpdateTaskInput): Promise<TaskAssignment> {
      const dedupeKey = taskDedupeKey(input);
      const row = await tasks.byDedupeKey(dedupeKey);
      if (!row) throw new Error(`task ${dedupeKey} was never opened`);
      let nobody = false;
      let holder: Partial<Holder> & { assigneeId?: string | null } = {};
      if (input.assigneeId !== undefined) {
        holder = { assigneeId: input.assigneeId };
      } else if (input.assigneeRole !== undefined) {
        const resolved = await resolve(
          input.assigneeRole,
          await subjectOf({ type: row.subjectType as TaskSubject["type"], id: row.subjectId }),
        );
        holder = { ...resolved.stored, assigneeId: resolved.assigneeId };
        nobody = resolved.nobody;
      }
      const closing = input.state === "DONE" || input.state === "CANCELLED";
      const closesNow = closing && row.state !== input.state;
      const updated = await tasks.change(dedupeKey, {
        ...(input.state ? { state: input.state as TaskState } : {}),
        ...(input.escalationLevel !== undefined ? { escalationLevel: input.escalationLevel } : {}),
        ...holder,
        ...(closesNow ? { closedAt: now() } : {}),
      });
      if (closesNow) {
        await audit.record({
          actorKind: input.actorId ? "STAFF" : "SYSTEM",
          actorId: input.actorId ?? null,
          action: `TASK_${input.state}`,
          entityType: "Task",
          entityId: row.id,
          details: { kind: row.kind },
        });
      }
      return { assigneeRole: heldBy(updated), assigneeId: updated.assigneeId, nobody };
    },
  };
}
