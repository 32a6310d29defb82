import type { KnownActor } from "./actor.js";
import type { CoreDeps } from "./deps.js";

export interface MyWork {
  cases: Array<{ ref: string; status: string; level: string | null; deadline: Date | null }>;
  openAbsenceTasks: number;
}

/** What is waiting for a staff member: the cases they manage and their open absence-escalation tasks. */
export async function myWork(deps: CoreDeps, actor: KnownActor): Promise<MyWork> {
  const [cases, openAbsenceTasks] = await Promise.all([
    deps.prisma.case.findMany({
      where: { caseManagerId: actor.staffId, status: { in: ["REPORTED", "INVESTIGATING", "CONFIRMED"] } },
      select: { ref: true, status: true, level: true, investigationDueAt: true },
      orderBy: { openedAt: "desc" },
      take: 20,
    }),
    deps.prisma.escalationStep.count({ where: { assigneeId: actor.staffId, status: { in: ["OPEN", "OVERDUE"] } } }),
  ]);
  return {
    cases: cases.map((c) => ({
      ref: c.ref,
      status: c.status,
      level: c.level,
      deadline: c.status === "CONFIRMED" ? null : c.investigationDueAt,
    })),
    openAbsenceTasks,
  };
}
