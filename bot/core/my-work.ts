import { createTaskRepository } from "../../prisma/repositories/task-repository.js";
import type { KnownActor } from "./actor.js";
import type { CoreDeps } from "./deps.js";
import type { MyWorkView } from "./messages/composers/home.js";

/** What is waiting for a staff member: exactly what the App Home composer renders (one shape, defined there). */
export type MyWork = MyWorkView;

const MAX_ITEMS = 20;

/** The cases a staff member manages and the human tasks waiting for them (by reference only, no names). */
export async function myWork(deps: CoreDeps, actor: KnownActor): Promise<MyWork> {
  const [cases, tasks] = await Promise.all([
    deps.prisma.case.findMany({
      where: { caseManagerId: actor.staffId, status: { in: ["REPORTED", "INVESTIGATING", "CONFIRMED"] } },
      select: { ref: true, status: true, level: true, investigationDueAt: true },
      orderBy: { openedAt: "desc" },
      take: MAX_ITEMS,
    }),
    createTaskRepository(deps.prisma).activeFor(actor.staffId, MAX_ITEMS),
  ]);
  const waiting = tasks.flatMap((t) =>
    t.state === "OPEN" || t.state === "OVERDUE" || t.state === "ESCALATED"
      ? [{ kind: t.kind, subjectRef: t.subjectRef, dueAt: t.dueAt, state: t.state, legalPoint: t.legalPoint }]
      : [],
  );
  return {
    cases: cases.map((c) => ({
      ref: c.ref,
      status: c.status,
      level: c.level,
      deadline: c.status === "CONFIRMED" ? null : c.investigationDueAt,
    })),
    tasks: waiting,
  };
}
