/**
 * A staff member or learner a full export no longer lists is deactivated, never deleted (the case file and the
 * audit trail keep pointing at them). Their open tasks and cases go to the fallback role at the same school
 * (at the municipality for work without a school): to its first active holder, or to the role alone when
 * nobody holds it yet. Each hand-over is recorded for an operator alert, raised once the change is committed.
 */
import type { CaseStatus, Role } from "../generated/enums.js";
import { ACTIVE_TASK_STATES } from "../repositories/task-repository.js";
import type { SyncContext } from "./sync-context.js";

const OPEN_CASE_STATES = ["REPORTED", "INVESTIGATING", "CONFIRMED"] as const satisfies readonly CaseStatus[];

type Subject =
  { kind: "STAFF"; staffId: string; reference: string } | { kind: "LEARNER"; learnerId: string; reference: string };

export async function handOver(ctx: SyncContext, subject: Subject): Promise<void> {
  const { tx } = ctx;
  const cases =
    subject.kind === "STAFF"
      ? await tx.case.findMany({
          where: { caseManagerId: subject.staffId, status: { in: [...OPEN_CASE_STATES] } },
          select: { id: true, schoolId: true },
        })
      : await tx.case.findMany({
          where: { learnerId: subject.learnerId, status: { in: [...OPEN_CASE_STATES] } },
          select: { id: true, schoolId: true },
        });
  const tasks = await tx.task.findMany({
    where: {
      state: { in: [...ACTIVE_TASK_STATES] },
      ...(subject.kind === "STAFF"
        ? { assigneeId: subject.staffId }
        : {
            OR: [
              { subjectType: "Learner", subjectId: subject.learnerId },
              { subjectType: "Case", subjectId: { in: cases.map((c) => c.id) } },
            ],
          }),
    },
    select: { id: true, schoolId: true },
  });
  const excluded = subject.kind === "STAFF" ? subject.staffId : null;
  const holders = new Map<string, string | null>();
  const holderAt = async (schoolId: string | null): Promise<string | null> => {
    const key = schoolId ?? "";
    if (!holders.has(key)) holders.set(key, await firstHolder(ctx, ctx.fallbackRole, schoolId, excluded));
    return holders.get(key)!;
  };
  let unassigned = 0;
  for (const task of tasks) {
    const holder = await holderAt(task.schoolId);
    if (!holder) unassigned += 1;
    await tx.task.update({
      where: { id: task.id },
      data: { assigneeRole: ctx.fallbackRole, assigneeBody: null, assigneeId: holder },
    });
  }
  // A learner's cases keep their manager unless the manager is the one leaving; the learner's own tasks moved above.
  if (subject.kind === "STAFF")
    for (const handed of cases) {
      const holder = await holderAt(handed.schoolId);
      if (!holder) unassigned += 1;
      await tx.case.update({ where: { id: handed.id }, data: { caseManagerId: holder } });
    }
  ctx.handovers.push({
    subject: subject.kind,
    id: subject.kind === "STAFF" ? subject.staffId : subject.learnerId,
    reference: subject.reference,
    municipalityId: ctx.municipalityId,
    toRole: ctx.fallbackRole,
    tasks: tasks.length,
    cases: cases.length,
    unassigned,
  });
}

async function firstHolder(
  ctx: SyncContext,
  role: Role,
  schoolId: string | null,
  excluded: string | null,
): Promise<string | null> {
  const holder = await ctx.tx.staffMember.findFirst({
    where: {
      active: true,
      municipalityId: ctx.municipalityId,
      ...(excluded ? { id: { not: excluded } } : {}),
      roles: { some: { role, ...(schoolId ? { schoolId } : {}) } },
    },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return holder?.id ?? null;
}
