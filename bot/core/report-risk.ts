import { z } from "zod";
import { riskReportedSignal, type CaseConfig } from "../../workflows/case-messages.js";
import { riskAnswerSchema, type RiskAnswer } from "../../workflows/domain/risk-catalogue.js";
import { triage, type TriageResult } from "../../workflows/domain/triage.js";
import type { Prisma } from "../../prisma/client.js";
import { openCaseFor } from "../../prisma/repositories/case-repository.js";
import { authorize } from "./access-matrix.js";
import type { KnownActor } from "./actor.js";
import type { CoreDeps } from "./deps.js";
import { signalWithStart } from "./temporal-client.js";
import { caseWorkflow } from "../../workflows/case-workflow.js";
import { createRuleSetRepository } from "../../prisma/repositories/rule-set-repository.js";

/** A risk report as any chat platform submits it, validated once at the edge. */
export const riskReportSubmissionSchema = z
  .object({
    learnerId: z.uuid(),
    answers: z.array(riskAnswerSchema).max(66),
    otherText: z.string().trim().max(500).optional(),
    lowAttainmentSubjects: z.number().int().min(0).max(20).optional(),
    parentsInformed: z.enum(["YES", "NO", "NOT_YET"]),
  })
  .refine((s) => s.answers.length > 0 || Boolean(s.otherText), {
    error: "At least one risk or an 'other' text",
    path: ["answers"],
  });
export type RiskReportSubmission = z.infer<typeof riskReportSubmissionSchema>;

export type ReportOutcome =
  | { kind: "REGISTERED"; caseId: string; caseRef: string; newCase: boolean; duplicate: boolean; triage: TriageResult }
  | { kind: "FORBIDDEN" };

/** Classes the actor may report on, per school, for the report form. */
export async function reportableClasses(deps: CoreDeps, actor: KnownActor) {
  const schoolIds = [
    ...new Set(
      actor.roles
        .filter(
          (r) =>
            authorize(
              actor,
              "REPORT_RISK",
              { schoolId: r.schoolId ?? "", municipalityId: r.municipalityId },
              deps.now(),
            ).allowed,
        )
        .map((r) => r.schoolId!),
    ),
  ];
  if (schoolIds.length === 0) return [];
  return classesOfSchools(deps, schoolIds);
}

/**
 * How long a school's class list is reused. Who may report is decided on every request from the actor's current
 * roles; only the list of classes that have learners is kept, because the form opens inside Slack's 3-second
 * window and classes change with imports, not by the minute: a class added is offered within this time.
 */
export const CLASS_LIST_TTL_MS = 60_000;
const classLists = new WeakMap<CoreDeps["prisma"], Map<string, { at: number; rows: ReportableClass[] }>>();
type ReportableClass = z.output<typeof reportableClassRowsSchema>[number];

/** The classes with active learners in these schools, with the school's name, from a short per-database cache. */
async function classesOfSchools(deps: CoreDeps, schoolIds: string[]): Promise<ReportableClass[]> {
  const key = [...schoolIds].sort().join(",");
  const now = deps.now().getTime();
  let cache = classLists.get(deps.prisma);
  if (!cache) classLists.set(deps.prisma, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && now - hit.at < CLASS_LIST_TTL_MS) return hit.rows;
  // One round trip: classes with active learners and their school's name together.
  const rows = reportableClassRowsSchema
    .parse(
      await deps.prisma.$queryRaw<unknown[]>`
        SELECT l."schoolId", s."nameLv" AS "schoolName", l."classLabel"
        FROM "Learner" l JOIN "School" s ON s."id" = l."schoolId"
        WHERE l."schoolId" = ANY(${schoolIds}::text[]) AND l."active"
        GROUP BY l."schoolId", s."nameLv", l."classLabel"
        ORDER BY l."schoolId", l."classLabel"`,
    )
    .sort((a, b) => compareClasses(a.classLabel, b.classLabel));
  cache.set(key, { at: now, rows });
  return rows;
}

const reportableClassRowsSchema = z.array(
  z.object({ schoolId: z.string(), schoolName: z.string(), classLabel: z.string() }),
);

/** Learners of one class by pseudonymous code and initials: never names. */
export async function learnersInClass(
  deps: CoreDeps,
  actor: KnownActor,
  where: { schoolId: string; classLabel: string },
) {
  const school = await deps.prisma.school.findUnique({
    where: { id: where.schoolId },
    select: { municipalityId: true },
  });
  if (
    !school ||
    !authorize(actor, "REPORT_RISK", { schoolId: where.schoolId, municipalityId: school.municipalityId }, deps.now())
      .allowed
  )
    return [];
  return deps.prisma.learner.findMany({
    where: { schoolId: where.schoolId, classLabel: where.classLabel, active: true },
    select: { id: true, learnerCode: true, initials: true },
    orderBy: { learnerCode: "asc" },
  });
}

/**
 * Registers a report: triage against the learner's earlier reports, attach to the learner's open case or open
 * one, then signal (or start) the case workflow. The idempotency key (the chat platform's submission id) makes a
 * retried or double submission return the first result without a second report.
 */
export async function submitRiskReport(
  deps: CoreDeps,
  input: { actor: KnownActor; submission: RiskReportSubmission; idempotencyKey: string },
): Promise<ReportOutcome> {
  const { prisma } = deps;
  const learner = await prisma.learner.findUnique({
    where: { id: input.submission.learnerId },
    select: { id: true, schoolId: true, school: { select: { municipalityId: true } } },
  });
  if (
    !learner ||
    !authorize(
      input.actor,
      "REPORT_RISK",
      { schoolId: learner.schoolId, municipalityId: learner.school.municipalityId },
      deps.now(),
    ).allowed
  ) {
    return { kind: "FORBIDDEN" };
  }

  const caseConfig = await caseConfigFor(deps, learner.school.municipalityId);
  const existing = await prisma.riskReport.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true, reportedAt: true, triage: true, case: { select: { id: true, ref: true, workflowId: true } } },
  });
  if (existing) {
    const result = existing.triage as unknown as TriageResult;
    await signalCase(deps, caseConfig, existing.case, {
      reportId: existing.id,
      level: result.level,
      reportedAt: existing.reportedAt.toISOString(),
    });
    return {
      kind: "REGISTERED",
      caseId: existing.case.id,
      caseRef: existing.case.ref,
      newCase: false,
      duplicate: true,
      triage: result,
    };
  }

  const now = deps.now();
  const history = await prisma.riskReport.findMany({
    where: { learnerId: learner.id },
    select: { reportedAt: true, risks: { select: { riskCode: true, frequency: true, present: true } } },
  });
  const result = triage({
    answers: input.submission.answers,
    lowAttainmentSubjects: input.submission.lowAttainmentSubjects,
    history: history.map((r) => ({ reportedAt: r.reportedAt, answers: r.risks.map(toAnswer) })),
    now,
  });

  const { report, kase, newCase } = await withOpenCaseRetry(() =>
    prisma.$transaction(async (tx) => {
      const { kase, newCase } = await openCaseFor(tx, learner);
      const report = await tx.riskReport.create({
        data: {
          caseId: kase.id,
          learnerId: learner.id,
          reporterId: input.actor.staffId,
          reportedAt: now,
          parentsInformed: input.submission.parentsInformed,
          otherText: input.submission.otherText ?? null,
          triage: result as unknown as Prisma.InputJsonObject,
          idempotencyKey: input.idempotencyKey,
          risks: {
            create: input.submission.answers.flatMap((a) =>
              "text" in a
                ? []
                : [
                    {
                      riskCode: a.code,
                      frequency: "frequency" in a ? a.frequency : null,
                      present: "present" in a ? a.present : null,
                    },
                  ],
            ),
          },
        },
        select: { id: true, reportedAt: true },
      });
      return { report, kase, newCase };
    }),
  );
  await signalCase(deps, caseConfig, kase, {
    reportId: report.id,
    level: result.level,
    reportedAt: report.reportedAt.toISOString(),
  });
  return { kind: "REGISTERED", caseId: kase.id, caseRef: kase.ref, newCase, duplicate: false, triage: result };
}

/** The municipality's newest case-handling rules (RuleSet CASE_HANDLING), over the deployment's defaults. */
function caseConfigFor(deps: CoreDeps, municipalityId: string): Promise<CaseConfig> {
  return createRuleSetRepository(deps.prisma).caseConfig(municipalityId, deps.now(), deps.caseConfig);
}

async function signalCase(
  deps: CoreDeps,
  config: CaseConfig,
  kase: { id: string; workflowId: string },
  report: { reportId: string; level: TriageResult["level"]; reportedAt: string },
): Promise<void> {
  await signalWithStart(deps.temporal, {
    workflow: caseWorkflow,
    workflowId: kase.workflowId,
    taskQueue: deps.taskQueue,
    args: [{ caseId: kase.id, config }],
    signal: riskReportedSignal,
    signalArgs: [report],
  });
}

/** Two first reports for the same learner at once: the loser of the unique index race attaches to the winner's case. */
async function withOpenCaseRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return run();
    throw error;
  }
}

function toAnswer(risk: { riskCode: string; frequency: number | null; present: boolean | null }): RiskAnswer {
  return (
    risk.present !== null
      ? { code: risk.riskCode, present: risk.present }
      : { code: risk.riskCode, frequency: risk.frequency ?? 0 }
  ) as RiskAnswer;
}

/** "PII" (pre-school) first, then 1.a … 12.b by grade number, then vocational courses. */
function compareClasses(a: string, b: string): number {
  const key = (label: string) => (label === "PII" ? -1 : parseInt(label, 10) + (label.endsWith(".k") ? 100 : 0));
  return key(a) - key(b) || a.localeCompare(b);
}
