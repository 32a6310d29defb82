// "Show contacts" (issue 10, defects 4 and 5): the view shows whom the contact task names, decided by the same
// rule (contactsToReach) on a real database and the audited vault. MK 89 p.2: a child in out-of-family care is
// reached through the foster family, guardian or institution head, never the birth parents; an adult learner
// in person, and the parents only with recorded consent; nobody on file is said plainly.
import type { Client } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absenceContacts } from "../../../bot/core/absence-actions.js";
import { resolveActor, type KnownActor } from "../../../bot/core/actor.js";
import type { CoreDeps } from "../../../bot/core/deps.js";
import { composeContacts } from "../../../bot/core/messages/composers/absence-contacts.js";
import { createPersonalDataVault } from "../../../prisma/repositories/personal-data-vault.js";
import { demoLearners } from "../../../prisma/seed/demo-learners.js";
import { DEMO, demoSlackUserId } from "../../../prisma/seed/demo-municipality.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";

let db: TestDatabase;
let deps: CoreDeps;
let teacher: KnownActor;
beforeAll(async () => {
  db = await createTestDatabase();
  deps = {
    prisma: db.prisma,
    vault: createPersonalDataVault({ prisma: db.prisma, key: db.key }),
    // Showing contacts never talks to Temporal.
    temporal: null as unknown as Client,
    taskQueue: "unused",
    caseConfig: { investigationSchoolDays: 5 } as CoreDeps["caseConfig"],
    now: () => new Date("2025-11-20T09:00:00Z"),
  };
  const actor = await resolveActor(db.prisma, {
    platform: "SLACK",
    workspaceId: DEMO.slackWorkspaceId,
    userId: demoSlackUserId("class-teacher"),
  });
  if (!actor) throw new Error("the demo class teacher is not seeded");
  teacher = actor;
});
afterAll(async () => {
  await db?.drop();
});

// The class teacher's class (7.a): one learner per case, with contacts replaced by the test's own.
const ofClass = demoLearners().filter((l) => l.schoolCode === "DEMO-VSK" && l.classLabel === "7.a");

async function learnerWith(
  index: number,
  setup: {
    careSetting?: "FAMILY" | "FOSTER_FAMILY" | "GUARDIANSHIP" | "CARE_INSTITUTION";
    adultFrom?: string;
    contacts: Array<{
      relation: "MOTHER" | "FATHER" | "GUARDIAN" | "CARE_INSTITUTION_HEAD";
      phone: string;
      consent?: boolean;
    }>;
  },
): Promise<string> {
  const learner = ofClass[index];
  if (!learner) throw new Error(`class 7.a has no learner ${index}`);
  await db.prisma.learner.update({
    where: { id: learner.id },
    data: {
      careSetting: setup.careSetting ?? "FAMILY",
      adultFrom: setup.adultFrom ? new Date(`${setup.adultFrom}T00:00:00Z`) : null,
    },
  });
  // The directory sync's own path replaces the seeded contacts with the test's (audited like a directory import).
  await db.prisma.$transaction((tx) =>
    deps.vault.syncContacts(
      { learnerId: learner.id, actor: { kind: "SYSTEM", name: "test-setup" }, purpose: "test-setup" },
      setup.contacts.map((c) => ({
        relation: c.relation,
        informOnAbsence: true,
        consentRecordedAt: c.consent ? new Date("2025-10-01T00:00:00Z") : null,
        details: { name: `${c.relation} name`, phone: c.phone },
      })),
      tx,
    ),
  );
  return learner.id;
}

async function shown(learnerId: string) {
  const result = await absenceContacts(deps, { actor: teacher, learnerId });
  if (result.kind !== "OK") throw new Error(`refused: ${result.kind}`);
  return result.contacts;
}

const reads = (learnerId: string) =>
  db.prisma.auditLog.count({ where: { entityType: "Learner", entityId: learnerId } });

describe("Show contacts (MK 89 p.2, issue 10 defects 4 and 5)", () => {
  it("shows a family's contacts", async () => {
    const id = await learnerWith(0, {
      contacts: [
        { relation: "MOTHER", phone: "+371 20000001" },
        { relation: "FATHER", phone: "+371 20000002" },
      ],
    });
    const view = await shown(id);
    expect(view.contacts.map((c) => [c.relation, c.phone])).toEqual([
      ["MOTHER", "+371 20000001"],
      ["FATHER", "+371 20000002"],
    ]);
    expect(view.learnerInPerson).toBe(false);
  });

  it("defect 4 (p.2): a child in a care institution is shown the institution head only, never the birth parents", async () => {
    const id = await learnerWith(1, {
      careSetting: "CARE_INSTITUTION",
      contacts: [
        { relation: "MOTHER", phone: "+371 20000011" },
        { relation: "CARE_INSTITUTION_HEAD", phone: "+371 20000012" },
        { relation: "FATHER", phone: "+371 20000013" },
      ],
    });
    const view = await shown(id);
    expect(view.contacts.map((c) => c.relation)).toEqual(["CARE_INSTITUTION_HEAD"]);
    const text = JSON.stringify(composeContacts(view, "lv"));
    expect(text).toContain("+371 20000012");
    expect(text).not.toContain("+371 20000011");
    expect(text).not.toContain("+371 20000013");
  });

  it("defect 4 (p.2): with no stand-in on file it says so, names whom the rule set expects and reads no personal data", async () => {
    const id = await learnerWith(2, {
      careSetting: "GUARDIANSHIP",
      contacts: [{ relation: "MOTHER", phone: "+371 20000021" }],
    });
    const before = await reads(id);
    const view = await shown(id);
    expect(view).toEqual({ contacts: [], learnerInPerson: false, missing: ["GUARDIAN"] });
    expect(await reads(id)).toBe(before);
    expect(composeContacts(view, "lv").summary).toBe(
      "Nav reģistrēta kontaktpersona, ar ko sazināties (aizbildnis). Skolas koordinators tiek informēts, lai kontaktus papildinātu.",
    );
    expect(composeContacts(view, "en").summary).toContain("The school coordinator is alerted");
  });

  it("defect 5: an adult learner is reached in person, and only the parents who have the learner's consent", async () => {
    const id = await learnerWith(3, {
      adultFrom: "2025-11-01",
      contacts: [
        { relation: "MOTHER", phone: "+371 20000031", consent: true },
        { relation: "FATHER", phone: "+371 20000032" },
      ],
    });
    const view = await shown(id);
    expect(view.learnerInPerson).toBe(true);
    expect(view.contacts.map((c) => c.relation)).toEqual(["MOTHER"]);
    const text = composeContacts(view, "en").blocks;
    expect(JSON.stringify(text)).toContain("the learner in person (an adult)");
    expect(JSON.stringify(text)).not.toContain("+371 20000032");
  });

  it("defect 5: without any consent the adult learner is the only one to reach, and the view says why", async () => {
    const id = await learnerWith(4, {
      adultFrom: "2025-09-30",
      contacts: [{ relation: "MOTHER", phone: "+371 20000041" }],
    });
    const before = await reads(id);
    const view = await shown(id);
    expect(view).toEqual({ contacts: [], learnerInPerson: true });
    expect(await reads(id)).toBe(before);
    expect(JSON.stringify(composeContacts(view, "lv"))).toContain("piekrišana nav reģistrēta");
  });

  it("a learner who turns 18 after today is still a minor: the parents are shown", async () => {
    const id = await learnerWith(5, {
      adultFrom: "2026-02-01",
      contacts: [{ relation: "FATHER", phone: "+371 20000051" }],
    });
    const view = await shown(id);
    expect(view.learnerInPerson).toBe(false);
    expect(view.contacts.map((c) => c.relation)).toEqual(["FATHER"]);
  });
});
