// A demo municipality with known reporting figures: cases, plans, tasks, absence counters, escalations and
// delivered hours for the school year 2025/26, written row by row so each expected number can be read off below.

import type { PrismaClient } from "../../prisma/client.js";
import type { CaseStatus, PreventionLevel } from "../../prisma/generated/enums.js";
import { demoIds } from "../../prisma/seed/demo-municipality.js";

export const SCHOOL_YEAR = "2025/26";
export const VSK = demoIds.school("DEMO-VSK");
export const TEH = demoIds.school("DEMO-TEH");
/** The instant the figures are asked for: semester 1 of 2025/26. */
export const AS_OF = new Date("2025-11-20T10:00:00Z");

/** The figures the seed below produces, per school (VSK: Demo vidusskola, TEH: Demo tehnikums). */
export const EXPECTED = {
  VSK: {
    openCasesByLevel: { INDICATED: 2, TARGETED: 6, UNDECIDED: 1, UNIVERSAL: 3 },
    openCasesByRiskGroup: { first: 7, second: 2 },
    plansSemester1: { APPROVED: 2, IN_PROGRESS: 4 },
    overdueTasks: { ESCALATED: 1, OPEN: 2, OVERDUE: 3 },
    learnersPastThresholds: { SEMESTER_20: 6, YEAR_100: 2, YEAR_200: 1 },
    escalationsWaiting: 3,
    hours: { PSYCHOLOGIST: "3.0", SOCIAL_PEDAGOGUE: "2.0" },
  },
  TEH: {
    openCasesByLevel: { TARGETED: 2 },
    overdueTasks: { OVERDUE: 1 },
    learnersPastThresholds: { SEMESTER_20: 1, YEAR_100: 0, YEAR_200: 0 },
    escalationsWaiting: 1,
  },
} as const;

export async function seedKnownFigures(prisma: PrismaClient): Promise<void> {
  const learners = async (schoolId: string) =>
    prisma.learner.findMany({
      where: { schoolId },
      orderBy: { learnerCode: "asc" },
      select: { id: true, publicRef: true },
    });
  const vsk = await learners(VSK);
  const teh = await learners(TEH);
  const groups = await prisma.riskGroup.findMany({
    orderBy: { ordering: "asc" },
    include: { risks: { take: 1, orderBy: { number: "asc" } } },
  });
  const [first, second] = groups;
  const municipalityId = demoIds.municipality();
  const reporter = demoIds.staff("teacher");
  let n = 0;

  const newCase = async (
    learner: { id: string },
    schoolId: string,
    level: PreventionLevel | null,
    status: CaseStatus,
    riskGroups: Array<typeof first>,
  ) => {
    n += 1;
    const created = await prisma.case.create({
      data: {
        ref: `PMP-25-T${String(n).padStart(3, "0")}`,
        learnerId: learner.id,
        schoolId,
        openForLearnerId: status === "CLOSED" ? null : learner.id,
        status,
        level,
        workflowId: `test-case-${n}`,
        openedAt: new Date("2025-10-01T08:00:00Z"),
      },
    });
    if (riskGroups.length)
      await prisma.riskReport.create({
        data: {
          caseId: created.id,
          learnerId: learner.id,
          reporterId: reporter,
          parentsInformed: "YES",
          triage: {},
          idempotencyKey: `test-report-${n}`,
          risks: { create: riskGroups.map((g) => ({ riskCode: g!.risks[0]!.code, present: true, frequency: 2 })) },
        },
      });
    return created;
  };

  // Demo vidusskola: 12 open cases (3 universal, 6 targeted, 2 indicated, 1 not yet decided) and one closed.
  const levels: Array<PreventionLevel | null> = [
    "UNIVERSAL",
    "UNIVERSAL",
    "UNIVERSAL",
    "TARGETED",
    "TARGETED",
    "TARGETED",
    "TARGETED",
    "TARGETED",
    "TARGETED",
    "INDICATED",
    "INDICATED",
    null,
  ];
  const vskCases = [];
  for (const [i, level] of levels.entries()) {
    // Risks: the first seven cases in the first group, two of them also in the second.
    const riskGroups = i < 7 ? (i < 2 ? [first, second] : [first]) : [];
    vskCases.push(await newCase(vsk[i]!, VSK, level, level ? "CONFIRMED" : "REPORTED", riskGroups));
  }
  await newCase(vsk[20]!, VSK, "TARGETED", "CLOSED", [first]);
  // Demo tehnikums: 2 open targeted cases.
  await newCase(teh[0]!, TEH, "TARGETED", "CONFIRMED", [second]);
  await newCase(teh[1]!, TEH, "TARGETED", "CONFIRMED", []);

  // Plans: semester 1 — 4 in progress, 2 approved; semester 2 — 1 draft (not counted in semester 1).
  const plan = (caseId: string, semester: number, status: "IN_PROGRESS" | "APPROVED" | "DRAFT") =>
    prisma.iap.create({ data: { caseId, schoolYear: SCHOOL_YEAR, semester, status } });
  const plans = [];
  for (let i = 0; i < 4; i += 1) plans.push(await plan(vskCases[3 + i]!.id, 1, "IN_PROGRESS"));
  for (let i = 0; i < 2; i += 1) plans.push(await plan(vskCases[7 + i]!.id, 1, "APPROVED"));
  await plan(vskCases[9]!.id, 2, "DRAFT");

  // Delivered hours: psychologist 2 × 1.5 h attended (+1 no-show, not counted); social pedagogue 1 × 2 h.
  const activity = (iapId: string, providerRole: "PSYCHOLOGIST" | "SOCIAL_PEDAGOGUE") =>
    prisma.iapActivity.create({
      data: { iapId, type: "SUPPORT_STAFF_CONSULTATION", providerRole, plannedHours: 4, approvalState: "APPROVED" },
    });
  const psych = await activity(plans[0]!.id, "PSYCHOLOGIST");
  const social = await activity(plans[1]!.id, "SOCIAL_PEDAGOGUE");
  const log = (activityId: string, hours: number, attendance: "ATTENDED" | "NO_SHOW_LEARNER", key: string) =>
    prisma.iapDeliveryLog.create({
      data: {
        activityId,
        deliveredOn: new Date("2025-10-15"),
        hours,
        attendance,
        recordedById: demoIds.staff("psychologist"),
        idempotencyKey: key,
      },
    });
  await log(psych.id, 1.5, "ATTENDED", "d1");
  await log(psych.id, 1.5, "ATTENDED", "d2");
  await log(psych.id, 1, "NO_SHOW_LEARNER", "d3");
  await log(social.id, 2, "ATTENDED", "d4");

  // Tasks: VSK 3 overdue, 1 escalated, 2 open past due; 5 open not yet due and 1 done past due are not overdue.
  const task = (schoolId: string | null, state: "OPEN" | "OVERDUE" | "ESCALATED" | "DONE", dueAt: string) => {
    n += 1;
    return prisma.task.create({
      data: {
        dedupeKey: `test/task-${n}`,
        kind: "VIIS_ENTRY",
        sourceWorkflowId: "test",
        subjectType: "Learner",
        subjectId: vsk[0]!.id,
        subjectRef: vsk[0]!.publicRef,
        municipalityId,
        schoolId,
        assigneeRole: "DIRECTOR",
        legalPoint: "MK89_P7",
        dueAt: new Date(dueAt),
        state,
      },
    });
  };
  for (let i = 0; i < 3; i += 1) await task(VSK, "OVERDUE", "2025-11-01T10:00:00Z");
  await task(VSK, "ESCALATED", "2025-11-02T10:00:00Z");
  for (let i = 0; i < 2; i += 1) await task(VSK, "OPEN", "2025-11-19T10:00:00Z");
  for (let i = 0; i < 5; i += 1) await task(VSK, "OPEN", "2025-12-19T10:00:00Z");
  await task(VSK, "DONE", "2025-11-01T10:00:00Z");
  await task(TEH, "OVERDUE", "2025-11-01T10:00:00Z");

  // Absence counters (unjustified + unknown): VSK six learners past 20 in semester 1; of them two past 100 in the
  // year and one past 200; one learner at exactly 20 (not past it). TEH one past 20.
  const counter = (learnerId: string, semester: number, unjustified: number, unknown = 0) =>
    prisma.absenceCounter.create({
      data: { learnerId, schoolYear: SCHOOL_YEAR, semester, unjustifiedLessons: unjustified, unknownLessons: unknown },
    });
  for (let i = 0; i < 4; i += 1) await counter(vsk[30 + i]!.id, 1, 20, 5);
  await counter(vsk[34]!.id, 1, 60);
  await counter(vsk[34]!.id, 2, 50);
  await counter(vsk[35]!.id, 1, 120);
  await counter(vsk[35]!.id, 2, 90);
  await counter(vsk[36]!.id, 1, 20);
  await counter(vsk[37]!.id, 1, 0, 0);
  await counter(teh[5]!.id, 1, 21);
  // Previous school year: never counted.
  await prisma.absenceCounter.create({
    data: { learnerId: vsk[38]!.id, schoolYear: "2024/25", semester: 1, unjustifiedLessons: 300 },
  });

  // Escalations: VSK three open with a step waiting, one open with its steps done, one closed; TEH one waiting.
  const ruleSet = await prisma.ruleSet.findFirstOrThrow({ where: { municipalityId } });
  const escalation = async (learnerId: string, status: "OPEN" | "CLOSED", stepStatus: "OPEN" | "DONE" | "OVERDUE") => {
    n += 1;
    await prisma.escalation.create({
      data: {
        learnerId,
        ruleSetId: ruleSet.id,
        ruleVersion: 1,
        schoolYear: SCHOOL_YEAR,
        semester: 1,
        status,
        workflowId: `test-escalation-${n}`,
        steps: {
          create: [
            {
              step: "MK89_P7_VIIS_ENTRY",
              assigneeRole: "DIRECTOR",
              dueAt: new Date("2025-11-10T10:00:00Z"),
              status: stepStatus,
            },
          ],
        },
      },
    });
  };
  await escalation(vsk[30]!.id, "OPEN", "OPEN");
  await escalation(vsk[31]!.id, "OPEN", "OVERDUE");
  await escalation(vsk[32]!.id, "OPEN", "OPEN");
  await escalation(vsk[33]!.id, "OPEN", "DONE");
  await escalation(vsk[34]!.id, "CLOSED", "DONE");
  await escalation(teh[5]!.id, "OPEN", "OPEN");
}
