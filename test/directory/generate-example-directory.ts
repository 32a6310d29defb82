/**
 * Writes the example directory export of Kalnu novads (docs/examples/directory/kalnu-novads/), a second,
 * made-up municipality: 3 schools, staff in every role, 300 learners with contacts, and a few deliberate
 * errors that test/directory/directory-import.test.ts expects, each on a row carrying an "ERR" marker in a
 * field that is safe to print (a code or an e-mail). Deterministic: running it again writes the same files.
 *
 *   npx tsx test/directory/generate-example-directory.ts
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FEMALE_FIRST, MALE_FIRST, SURNAMES } from "../../prisma/seed/demo-names.js";
import { seededRandom } from "../../prisma/seed/stable-id.js";

export const EXAMPLE_DIR = "docs/examples/directory/kalnu-novads";
export const EXAMPLE_MUNICIPALITY = "KALNU";

const random = seededRandom(20261202);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const csv = (rows: Array<Array<string | number>>) =>
  rows
    .map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(","))
    .join("\n") + "\n";

export const SCHOOLS = [
  {
    code: "KALNU-VSK",
    nameLv: "Kalnu vidusskola",
    nameEn: "Kalnu Secondary School",
    kind: "GENERAL",
    from: 1,
    to: 12,
    learners: 180,
    prefix: "KV",
  },
  {
    code: "KALNU-PSK",
    nameLv: "Kalnu pamatskola",
    nameEn: "Kalnu Basic School",
    kind: "GENERAL",
    from: 0,
    to: 9,
    learners: 100,
    prefix: "KP",
  },
  {
    code: "KALNU-PII",
    nameLv: 'Kalnu pirmsskolas izglītības iestāde "Zīle"',
    nameEn: "Kalnu Kindergarten",
    kind: "PRESCHOOL",
    from: 0,
    to: 0,
    learners: 20,
    prefix: "KZ",
  },
] as const;

const SCHOOL_ROLES_EVERYWHERE = ["DIRECTOR", "SCHOOL_COORDINATOR", "SOCIAL_PEDAGOGUE"] as const;
const SUPPORT_ROLES = [
  "PSYCHOLOGIST",
  "SPECIAL_EDUCATION_TEACHER",
  "SPEECH_THERAPIST",
  "TEACHING_ASSISTANT",
  "OCCUPATIONAL_THERAPIST",
  "SIGN_INTERPRETER",
  "ASSISTANT",
  "CAREER_COUNSELLOR",
  "SCHOOL_NURSE",
] as const;
const MUNICIPAL = [
  ["MUNICIPAL_EDUCATION_SPECIALIST", "EDUCATION_BOARD"],
  ["MUNICIPAL_COORDINATOR", "EDUCATION_BOARD"],
  ["SOCIAL_SERVICE", "SOCIAL_SERVICE"],
  ["ORPHANS_COURT", "ORPHANS_COURT"],
  ["MUNICIPAL_POLICE", "MUNICIPAL_POLICE"],
  ["STATE_POLICE", "STATE_POLICE"],
  ["YOUTH_WORKER", "YOUTH_CENTRE"],
  ["COMMISSION_MEMBER", "MUNICIPALITY"],
  ["MANAGER", "MUNICIPALITY"],
  ["ADMINISTRATOR", "MUNICIPALITY"],
] as const;

function personName(): string {
  const female = random() < 0.6;
  const [fem, masc] = pick(SURNAMES);
  return `${pick(female ? FEMALE_FIRST : MALE_FIRST)} ${female ? fem : masc}`;
}

function classesOf(school: (typeof SCHOOLS)[number]): Array<{ label: string; grade: number }> {
  if (school.kind === "PRESCHOOL") return [{ label: "Zīles", grade: 0 }];
  const out: Array<{ label: string; grade: number }> = [];
  for (let g = school.from; g <= school.to; g += 1) out.push({ label: g === 0 ? "PII" : `${g}.a`, grade: g });
  return out;
}

export async function generateExampleDirectory(dir = EXAMPLE_DIR): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "municipality.csv"),
    csv([
      ["code", "name_lv", "name_en", "default_platform"],
      [EXAMPLE_MUNICIPALITY, "Kalnu novads", "Kalnu municipality", "SLACK"],
    ]),
  );
  await writeFile(
    join(dir, "agencies.csv"),
    csv([
      ["kind", "name_lv", "name_en", "official_email"],
      [
        "EDUCATION_BOARD",
        "Kalnu novada Izglītības pārvalde",
        "Kalnu Education Board",
        "izglitiba@kalnu-novads.example",
      ],
      ["SOCIAL_SERVICE", "Kalnu novada Sociālais dienests", "Kalnu Social Service", "socialais@kalnu-novads.example"],
      ["ORPHANS_COURT", "Kalnu novada bāriņtiesa", "", "barintiesa@kalnu-novads.example"],
      ["MUNICIPAL_POLICE", "Kalnu novada pašvaldības policija", "", "policija@kalnu-novads.example"],
      ["STATE_POLICE", "Valsts policijas Kalnu iecirknis", "", "vp.kalnu@example.lv"],
      ["YOUTH_CENTRE", "Kalnu jauniešu centrs", "", "jauniesi@kalnu-novads.example"],
    ]),
  );
  await writeFile(
    join(dir, "schools.csv"),
    csv([
      ["code", "name_lv", "name_en", "kind", "grade_from", "grade_to"],
      ...SCHOOLS.map((s) => [s.code, s.nameLv, s.nameEn, s.kind, s.from, s.to]),
    ]),
  );

  // Staff: one row per role. Every school has a director, a coordinator and a social pedagogue; the secondary
  // school has the whole support team; every class has a teacher who leads it (classes.csv).
  const staff: Array<Array<string>> = [
    ["email", "name", "role", "institution", "locale", "data_protection_completed_on", "data_protection_valid_until"],
  ];
  const training = (i: number): [string, string] => [`2025-09-${String(1 + (i % 25)).padStart(2, "0")}`, "2028-08-31"];
  let n = 0;
  const add = (email: string, role: string, institution: string, name = personName(), trained = true) => {
    n += 1;
    staff.push([email, name, role, institution, n % 7 === 0 ? "en" : "lv", ...(trained ? training(n) : ["", ""])]);
  };
  const classes: Array<Array<string | number>> = [["school_code", "class", "grade", "class_teacher_email"]];
  for (const school of SCHOOLS) {
    const key = school.code.toLowerCase().replace("kalnu-", "");
    for (const role of SCHOOL_ROLES_EVERYWHERE)
      add(`${key}.${role.toLowerCase().replace(/_/g, "-")}@kalnu-novads.example`, role, school.code);
    if (school.code === "KALNU-VSK")
      for (const role of SUPPORT_ROLES)
        add(`${key}.${role.toLowerCase().replace(/_/g, "-")}@kalnu-novads.example`, role, school.code);
    for (const [index, klass] of classesOf(school).entries()) {
      const email = `${key}.teacher-${index + 1}@kalnu-novads.example`;
      add(email, "TEACHER", school.code);
      classes.push([school.code, klass.label, klass.grade, email]);
    }
  }
  // A person with two roles: the secondary school's director also sits on the commission.
  const director = staff.find((r) => r[0] === "vsk.director@kalnu-novads.example")!;
  staff.push([
    director[0]!,
    director[1]!,
    "COMMISSION_MEMBER",
    "MUNICIPALITY",
    director[4]!,
    director[5]!,
    director[6]!,
  ]);
  for (const [role, institution] of MUNICIPAL)
    add(
      `${role.toLowerCase().replace(/_/g, "-")}@kalnu-novads.example`,
      role,
      institution,
      personName(),
      role !== "YOUTH_WORKER",
    );
  // Deliberate errors: a misspelt role, and a school that does not exist.
  staff.push(["err.role@kalnu-novads.example", personName(), "DIREKTORS", "KALNU-VSK", "lv", "", ""]);
  staff.push(["err.school@kalnu-novads.example", personName(), "TEACHER", "KALNU-ERR", "lv", "", ""]);
  await writeFile(join(dir, "staff.csv"), csv(staff));
  // Deliberate error: a class teacher who is not in the staff list.
  classes.push(["KALNU-PSK", "9.b", 9, "err.missing-teacher@kalnu-novads.example"]);
  await writeFile(join(dir, "classes.csv"), csv(classes));

  const learners: Array<Array<string | number>> = [
    [
      "school_code",
      "learner_code",
      "first_name",
      "last_name",
      "personal_code",
      "birth_date",
      "grade",
      "class",
      "care_setting",
      "declared_municipality",
      "programme_code",
    ],
  ];
  const contacts: Array<Array<string | number>> = [
    ["school_code", "learner_code", "relation", "name", "phone", "email", "inform_on_absence"],
  ];
  const usedCodes = new Set<string>();
  const phone = () => `+371 2${String(Math.floor(random() * 10_000_000)).padStart(7, "0")}`;
  for (const school of SCHOOLS) {
    const list = classesOf(school);
    for (let i = 0; i < school.learners; i += 1) {
      const klass = list[i % list.length]!;
      const female = random() < 0.5;
      const first = pick(female ? FEMALE_FIRST : MALE_FIRST);
      const [fem, masc] = pick(SURNAMES);
      const last = female ? fem : masc;
      const age = klass.grade + 6 + (school.kind === "PRESCHOOL" ? -1 : 0);
      const birthYear = 2026 - age - 1;
      const birthDate = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
      let personalCode: string;
      do {
        personalCode = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}-${birthYear >= 2000 ? 2 : 1}${String(Math.floor(random() * 10000)).padStart(4, "0")}`;
      } while (usedCodes.has(personalCode));
      usedCodes.add(personalCode);
      const roll = random();
      const care =
        roll < 0.03 ? "FOSTER_FAMILY" : roll < 0.05 ? "GUARDIANSHIP" : roll < 0.06 ? "CARE_INSTITUTION" : "FAMILY";
      const code = `${school.prefix}${String(i + 1).padStart(4, "0")}`;
      const declared = i % 41 === 5 ? "RIGA" : "";
      const programme = school.kind === "PRESCHOOL" ? "01011111" : klass.grade >= 10 ? "31011011" : "21011111";
      learners.push([
        school.code,
        code,
        first,
        last,
        personalCode,
        birthDate,
        klass.grade,
        klass.label,
        care,
        declared,
        programme,
      ]);
      if (care === "FAMILY") {
        contacts.push([
          school.code,
          code,
          "MOTHER",
          `${pick(FEMALE_FIRST.filter((f) => f !== first))} ${fem}`,
          phone(),
          i % 3 === 0 ? `vecaks${i}@pasts.example` : "",
          "yes",
        ]);
        if (i % 4 !== 0)
          contacts.push([
            school.code,
            code,
            "FATHER",
            `${pick(MALE_FIRST.filter((m) => m !== first))} ${masc}`,
            phone(),
            "",
            "yes",
          ]);
      } else {
        const relation =
          care === "FOSTER_FAMILY" ? "FOSTER_FAMILY" : care === "GUARDIANSHIP" ? "GUARDIAN" : "CARE_INSTITUTION_HEAD";
        contacts.push([school.code, code, relation, personName(), phone(), "", "yes"]);
      }
    }
  }
  // Deliberate errors: a malformed personal code, a grade the school does not teach, a learner code listed twice.
  learners.push([
    "KALNU-VSK",
    "KVERR1",
    pick(FEMALE_FIRST),
    pick(SURNAMES)[0],
    "1234-567",
    "2012-05-05",
    7,
    "7.a",
    "FAMILY",
    "",
    "21011111",
  ]);
  learners.push([
    "KALNU-PII",
    "KZERR2",
    pick(MALE_FIRST),
    pick(SURNAMES)[1],
    "050520-21234",
    "2020-05-05",
    3,
    "Zīles",
    "FAMILY",
    "",
    "01011111",
  ]);
  const twice = learners[3]!;
  learners.push([
    twice[0]!,
    twice[1]!,
    pick(MALE_FIRST),
    pick(SURNAMES)[1],
    "010110-20001",
    "2010-01-01",
    9,
    "9.a",
    "FAMILY",
    "",
    "21011111",
  ]);
  await writeFile(join(dir, "learners.csv"), csv(learners));
  // Deliberate errors: a contact with neither phone nor e-mail, and one for a learner nobody listed.
  contacts.push(["KALNU-VSK", "KV0002", "OTHER", personName(), "", "", "no"]);
  contacts.push(["KALNU-PSK", "KPERR3", "MOTHER", personName(), phone(), "", "yes"]);
  await writeFile(join(dir, "contacts.csv"), csv(contacts));
}

if (process.argv[1]?.endsWith("generate-example-directory.ts")) await generateExampleDirectory();
