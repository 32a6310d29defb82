import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../bot/core/actor.js";
import type { CoreDeps } from "../../bot/core/deps.js";
import { renderPlainMessage } from "../../bot/core/messages/render-plain.js";
import { composeStatusOutcome } from "../../bot/core/messages/composers/status.js";
import { statusFor, type StatusOutcome } from "../../bot/core/status/status.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import { DEMO, demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { DEFAULT_CASE_CONFIG } from "../../workflows/case-messages.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { AS_OF, EXPECTED, seedKnownFigures } from "./seed-known-figures.js";

// `/pmp status` against a municipality with known counts (seed-known-figures.ts): every figure, the "<5" rule for
// roles without case access, and the scoping by role and institution, refusals included.

let db: TestDatabase;
let deps: CoreDeps;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedKnownFigures(db.prisma);
  deps = {
    prisma: db.prisma,
    vault: createPersonalDataVault({ prisma: db.prisma, key: db.key }),
    temporal: undefined as never,
    taskQueue: "unused",
    caseConfig: DEFAULT_CASE_CONFIG,
    now: () => AS_OF,
  };
}, 60_000);
afterAll(async () => db?.drop());

async function statusAs(staffKey: string, args: string[] = []): Promise<StatusOutcome> {
  const actor = await resolveActor(db.prisma, {
    platform: "SLACK",
    workspaceId: DEMO.slackWorkspaceId,
    userId: demoSlackUserId(staffKey),
  });
  if (!actor) throw new Error(`no demo actor ${staffKey}`);
  return statusFor(deps, { actor, args });
}

/** The shown value of every row, per figure. */
function figures(outcome: StatusOutcome): Record<string, Record<string, string>> {
  if (outcome.kind !== "OK") throw new Error(`expected figures, got ${outcome.kind}`);
  return Object.fromEntries(
    outcome.view.sections.map((s) => [s.figure, Object.fromEntries(s.rows.map((r) => [r.key, r.value]))]),
  );
}
const shown = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)]));

describe("/pmp status", () => {
  it("a director sees every figure of their own school, exact (case access and current training)", async () => {
    const outcome = await statusAs("director", ["2025/26-1"]);
    const f = figures(outcome);
    const groups = await db.prisma.riskGroup.findMany({ orderBy: { ordering: "asc" }, take: 2 });
    expect(f.openCasesByLevel).toEqual(shown(EXPECTED.VSK.openCasesByLevel));
    expect(f.openCasesByRiskGroup).toEqual({
      [groups[0]!.code]: String(EXPECTED.VSK.openCasesByRiskGroup.first),
      [groups[1]!.code]: String(EXPECTED.VSK.openCasesByRiskGroup.second),
    });
    expect(f.plansByStatus).toEqual(shown(EXPECTED.VSK.plansSemester1));
    expect(f.overdueTasks).toEqual(shown(EXPECTED.VSK.overdueTasks));
    expect(f.learnersPastThresholds).toEqual(shown(EXPECTED.VSK.learnersPastThresholds));
    expect(f.escalationsWaiting).toEqual({ WAITING: String(EXPECTED.VSK.escalationsWaiting) });
    expect(f.deliveredHoursBySpecialist).toEqual(EXPECTED.VSK.hours);
    expect(outcome.kind === "OK" && outcome.view.suppressed).toBe(false);
  });

  it("each figure names the query that produced it, and the answer reads in Latvian with the semester", async () => {
    const outcome = await statusAs("director");
    if (outcome.kind !== "OK") throw new Error(outcome.kind);
    expect(outcome.view.period).toEqual({ schoolYear: "2025/26", semester: 1 });
    expect(outcome.view.sections.map((s) => s.queryId)).toEqual([
      "status.open-cases-by-level.v1",
      "status.open-cases-by-risk-group.v1",
      "status.plans-by-status.v1",
      "status.overdue-tasks.v1",
      "status.learners-past-thresholds.v1",
      "status.escalations-waiting.v1",
      "status.delivered-hours-by-specialist.v1",
    ]);
    const text = renderPlainMessage(composeStatusOutcome(outcome, "lv"));
    expect(text).toContain("PMP situācija: Demo vidusskola");
    expect(text).toContain("2025/26. mācību gada 1. semestris");
    expect(text).toContain("mērķtiecīgais: 6");
    expect(text).toContain("psihologs: 3.0 st.");
    expect(text).toContain("status.overdue-tasks.v1");
  });

  it("a municipal coordinator sees the whole municipality, or one school of it when named", async () => {
    const all = figures(await statusAs("municipal-coordinator", ["2025/26-1"]));
    expect(all.openCasesByLevel).toEqual(shown({ ...EXPECTED.VSK.openCasesByLevel, TARGETED: 6 + 2 }));
    expect(all.overdueTasks).toEqual(shown({ ESCALATED: 1, OPEN: 2, OVERDUE: 3 + 1 }));
    expect(all.learnersPastThresholds).toEqual(shown({ SEMESTER_20: 7, YEAR_100: 2, YEAR_200: 1 }));
    expect(all.escalationsWaiting).toEqual({ WAITING: "4" });
    const teh = figures(await statusAs("municipal-coordinator", ["DEMO-TEH", "2025/26-1"]));
    expect(teh.openCasesByLevel).toEqual(shown(EXPECTED.TEH.openCasesByLevel));
    expect(teh.overdueTasks).toEqual(shown(EXPECTED.TEH.overdueTasks));
    expect(teh.learnersPastThresholds).toEqual(shown(EXPECTED.TEH.learnersPastThresholds));
  });

  it("the social service and the police see only the agreed aggregates, counts below 5 shown as <5", async () => {
    for (const staffKey of ["social-worker", "municipal-police", "state-police"]) {
      const outcome = await statusAs(staffKey, ["2025/26-1"]);
      const f = figures(outcome);
      expect(Object.keys(f)).toEqual(["openCasesByLevel", "learnersPastThresholds", "escalationsWaiting"]);
      expect(f.openCasesByLevel).toEqual({ INDICATED: "<5", TARGETED: "8", UNDECIDED: "<5", UNIVERSAL: "<5" });
      expect(f.learnersPastThresholds).toEqual({ SEMESTER_20: "7", YEAR_100: "<5", YEAR_200: "<5" });
      expect(f.escalationsWaiting).toEqual({ WAITING: "<5" });
      const text = renderPlainMessage(composeStatusOutcome(outcome, "lv"));
      expect(text).toContain("rādīts kā <5");
      expect(text).not.toContain("psihologs");
    }
  });

  it("a role with case access but no current training also sees small counts suppressed", async () => {
    await db.prisma.trainingRecord.updateMany({
      where: { staff: { roles: { some: { role: "MUNICIPAL_EDUCATION_SPECIALIST" } } } },
      data: { validUntil: new Date("2025-01-01T00:00:00Z") },
    });
    const f = figures(await statusAs("education-specialist", ["DEMO-TEH"]));
    expect(f.openCasesByLevel).toEqual({ TARGETED: "<5" });
  });

  it("refuses clearly: a role without status, another school, a school of another municipality, bad arguments", async () => {
    expect(await statusAs("teacher")).toEqual({ kind: "FORBIDDEN" });
    expect(await statusAs("youth-worker")).toEqual({ kind: "FORBIDDEN" });
    expect(await statusAs("director", ["DEMO-TEH"])).toEqual({ kind: "FORBIDDEN" });
    expect(await statusAs("director", ["NO-SUCH-SCHOOL"])).toEqual({ kind: "UNKNOWN_SCHOOL", code: "NO-SUCH-SCHOOL" });
    await db.prisma.municipality.create({
      data: { id: "other-municipality", code: "OTHER", nameLv: "Cits novads", nameEn: "Other" },
    });
    await db.prisma.school.create({
      data: {
        municipalityId: "other-municipality",
        code: "OTHER-SK",
        nameLv: "Cita skola",
        kind: "GENERAL",
        gradeFrom: 1,
        gradeTo: 9,
      },
    });
    // Another municipality's school reads as unknown: its existence is not confirmed to outsiders.
    expect(await statusAs("municipal-coordinator", ["OTHER-SK"])).toEqual({ kind: "UNKNOWN_SCHOOL", code: "OTHER-SK" });
    expect(await statusAs("director", ["2025/27-1"])).toEqual({ kind: "BAD_ARGUMENTS" });
    expect(await statusAs("director", ["DEMO-VSK", "2025/26-1", "x"])).toEqual({ kind: "BAD_ARGUMENTS" });
    expect(renderPlainMessage(composeStatusOutcome({ kind: "FORBIDDEN" }, "lv"))).toBe(
      "Jums nav tiesību veikt šo darbību.",
    );
  });
});
