import type { Prisma, PrismaClient } from "../client.js";
import type { MeetingBody, Role, TaskState } from "../generated/enums.js";

// Human tasks (model Task): one row per workflow task, keyed "<workflowId>/<taskKey>", written by the task
// activities and read by App Home's "my work". Subjects are referenced by id and pseudonymous ref only.

/** What the workflow learns back about a task row. */
export const taskAssignmentSelect = {
  id: true,
  dedupeKey: true,
  state: true,
  assigneeRole: true,
  assigneeBody: true,
  assigneeId: true,
  escalationLevel: true,
} satisfies Prisma.TaskSelect;

/** A task as a person's work list shows it. */
export const myTaskSelect = {
  kind: true,
  subjectRef: true,
  dueAt: true,
  state: true,
  legalPoint: true,
} satisfies Prisma.TaskSelect;

export type TaskAssignmentRow = Prisma.TaskGetPayload<{ select: typeof taskAssignmentSelect }>;
export type MyTaskRow = Prisma.TaskGetPayload<{ select: typeof myTaskSelect }>;

export const ACTIVE_TASK_STATES = ["OPEN", "OVERDUE", "ESCALATED"] as const satisfies readonly TaskState[];

export interface NewTaskRow {
  dedupeKey: string;
  kind: string;
  sourceWorkflowId: string;
  subjectType: string;
  subjectId: string;
  subjectRef: string;
  municipalityId: string;
  schoolId: string | null;
  assigneeRole: Role | null;
  assigneeBody: MeetingBody | null;
  assigneeId: string | null;
  legalPoint: string | null;
  dueAt: Date;
  provisional: boolean;
}

export interface TaskChange {
  state?: TaskState;
  escalationLevel?: number;
  assigneeRole?: Role | null;
  assigneeBody?: MeetingBody | null;
  assigneeId?: string | null;
  closedAt?: Date | null;
}

export function createTaskRepository(prisma: PrismaClient) {
  return {
    /** Creates the row once; a repeated call (an activity retry) returns the row as it is. */
    async createOnce(row: NewTaskRow): Promise<TaskAssignmentRow> {
      return prisma.task.upsert({
        where: { dedupeKey: row.dedupeKey },
        create: row,
        update: {},
        select: taskAssignmentSelect,
      });
    },

    /** Sets absolute values, so repeating a change is harmless. */
    async change(dedupeKey: string, change: TaskChange): Promise<TaskAssignmentRow> {
      return prisma.task.update({ where: { dedupeKey }, data: change, select: taskAssignmentSelect });
    },

    async byDedupeKey(dedupeKey: string) {
      return prisma.task.findUnique({
        where: { dedupeKey },
        select: {
          ...taskAssignmentSelect,
          kind: true,
          subjectType: true,
          subjectId: true,
          subjectRef: true,
          municipalityId: true,
          schoolId: true,
          dueAt: true,
          closedAt: true,
          provisional: true,
        },
      });
    },

    /** Tasks waiting for `staffId` (open, overdue or escalated to them), soonest first. */
    async activeFor(staffId: string, take = 20): Promise<MyTaskRow[]> {
      return prisma.task.findMany({
        where: { assigneeId: staffId, state: { in: [...ACTIVE_TASK_STATES] } },
        select: myTaskSelect,
        orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
        take,
      });
    },
  };
}

export type TaskRepository = ReturnType<typeof createTaskRepository>;
