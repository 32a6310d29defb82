import type { PrismaClient } from "../client.js";
import type { CareSetting, ContactRelation } from "../generated/enums.js";
import type { PersonalDataVault } from "../repositories/personal-data-vault.js";
import { DEMO, demoIds } from "./demo-municipality.js";
import { FEMALE_FIRST, MALE_FIRST, SURNAMES } from "./demo-names.js";
import { publicRefFor } from "../public-ref.js";
import { seededRandom, stableId } from "./stable-id.js";

export const DEMO_LEARNER_COUNT = 200;
// Demo vidusskola gets 160 learners over grades 0–12 (grade 0 = the compulsory pre-school group); Demo
// tehnikums gets 40 over courses 1–4 (grades 10–13).
const PER_SCHOOL = [160, 40] as const;
/** First day of the demo learners' enrolments and care-setting periods. */
export const DEMO_ENROLLED_ON = "2025-09-01";

export interface DemoLearner {
  id: string;
  schoolCode: string;
  learnerCode: string;
  grade: number;
  classLabel: string;
  careSetting: CareSetting;
  identity: { firstName: string; lastName: string; personalCode: string; birthDate: string };
  contacts: Array<{ relation: ContactRelation; name: string; phone: string }>;
}

/** The generated learners, identical on every call (deterministic), so tests can refer to them. */
export function demoLearners(): DemoLearner[] {
  const random = seededRandom(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // A parent never shares the child's first name, so a contact's name can never read as the learner's.
  const parentName = (list: readonly string[], child: string) => pick(list.filter((name) => name !== child));
  const learners: DemoLearner[] = [];
  DEMO.schools.forEach((school, schoolIndex) => {
    const count = PER_SCHOOL[schoolIndex]!;
    const grades = school.gradeTo - school.gradeFrom + 1;
    for (let n = 0; n < count; n += 1) {
      const grade = school.gradeFrom + (n % grades);
      const female = random() < 0.5;
      const firstName = pick(female ? FEMALE_FIRST : MALE_FIRST);
      const [fem, masc] = pick(SURNAMES);
      const lastName = female ? fem : masc;
      const birthYear = 2026 - 6 - grade;
      const birthDate = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
      const personalCode = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}-${birthYear >= 2000 ? 2 : 1}${String(Math.floor(random() * 10000)).padStart(4, "0")}`;
      const roll = random();
      const careSetting: CareSetting =
        roll < 0.02 ? "FOSTER_FAMILY" : roll < 0.035 ? "GUARDIANSHIP" : roll < 0.045 ? "CARE_INSTITUTION" : "FAMILY";
      const learnerCode = `${school.code === "DEMO-VSK" ? "V" : "T"}${String(n + 1).padStart(4, "0")}`;
      const classLabel =
        school.kind === "VOCATIONAL"
          ? `${grade - 9}.k`
          : grade === 0
            ? "PII"
            : `${grade}.${n % (2 * grades) < grades ? "a" : "b"}`;
      const phone = () => `+371 2${String(Math.floor(random() * 10_000_000)).padStart(7, "0")}`;
      const contacts: DemoLearner["contacts"] =
        careSetting === "FAMILY"
          ? [
              { relation: "MOTHER", name: `${parentName(FEMALE_FIRST, firstName)} ${fem}`, phone: phone() },
              { relation: "FATHER", name: `${parentName(MALE_FIRST, firstName)} ${masc}`, phone: phone() },
            ]
          : careSetting === "FOSTER_FAMILY"
            ? [{ relation: "FOSTER_FAMILY", name: `${pick(FEMALE_FIRST)} ${pick(SURNAMES)[0]}`, phone: phone() }]
            : careSetting === "GUARDIANSHIP"
              ? [{ relation: "GUARDIAN", name: `${pick(MALE_FIRST)} ${pick(SURNAMES)[1]}`, phone: phone() }]
              : [
                  {
                    relation: "CARE_INSTITUTION_HEAD",
                    name: `${pick(FEMALE_FIRST)} ${pick(SURNAMES)[0]}`,
                    phone: phone(),
                  },
                ];
      learners.push({
        id: stableId(`learner:${school.code}:${learnerCode}`),
        schoolCode: school.code,
        learnerCode,
        grade,
        classLabel,
        careSetting,
        identity: { firstName, lastName, personalCode, birthDate },
        contacts,
      });
    }
  });
  return learners;
}

export async function seedDemoLearners(prisma: PrismaClient, vault: PersonalDataVault): Promise<void> {
  const learners = demoLearners();
  await prisma.learner.createMany({
    skipDuplicates: true,
    data: learners.map((l) => ({
      id: l.id,
      publicRef: publicRefFor("LRN", l.id),
      schoolId: demoIds.school(l.schoolCode),
      learnerCode: l.learnerCode,
      initials: `${l.identity.firstName[0]}.${l.identity.lastName[0]}.`,
      grade: l.grade,
      classLabel: l.classLabel,
      careSetting: l.careSetting,
    })),
  });
  // Every learner has an enrolment and a care-setting period from the start of the demo school year, so the
  // history the directory sync keeps (transfers, out-of-family care changes) exists for the demo as for a real one.
  const startedOn = new Date(`${DEMO_ENROLLED_ON}T00:00:00Z`);
  await prisma.enrolment.createMany({
    skipDuplicates: true,
    data: learners.map((l) => ({
      id: stableId(`enrolment:${l.id}:${DEMO_ENROLLED_ON}`),
      learnerId: l.id,
      schoolId: demoIds.school(l.schoolCode),
      learnerCode: l.learnerCode,
      grade: l.grade,
      classLabel: l.classLabel,
      startedOn,
    })),
  });
  await prisma.careSettingPeriod.createMany({
    skipDuplicates: true,
    data: learners.map((l) => ({
      id: stableId(`care-setting:${l.id}:${DEMO_ENROLLED_ON}`),
      learnerId: l.id,
      careSetting: l.careSetting,
      startedOn,
    })),
  });
  // Personal data is written only where missing: re-encrypting would change the ciphertext (fresh IV) and
  // the second seed run must change nothing.
  const withIdentity = await vault.learnersWithIdentity();
  for (const learner of learners.filter((l) => !withIdentity.has(l.id))) {
    await prisma.$transaction(async (tx) => {
      await vault.storeIdentity(learner.id, learner.identity, tx);
      for (const [index, contact] of learner.contacts.entries()) {
        await vault.addContact(
          {
            id: stableId(`contact:${learner.id}:${index}`),
            learnerId: learner.id,
            relation: contact.relation,
            details: { name: contact.name, phone: contact.phone },
          },
          tx,
        );
      }
    });
  }
}
