import type { PrismaClient } from "../client.js";
import type { AgencyKind, ChannelPurpose, Role, SchoolKind } from "../generated/enums.js";
import { stableId } from "./stable-id.js";

// The demo municipality: two schools, every agency of an MK 545 cooperation group, and one staff member in
// every role, each with a Slack identity in the demo workspace, so that every feature can be tried at once.

export const DEMO = {
  municipalityCode: "DEMO",
  slackWorkspaceId: "T0DEMO0001",
  schools: [
    {
      code: "DEMO-VSK",
      nameLv: "Demo vidusskola",
      nameEn: "Demo Secondary School",
      kind: "GENERAL",
      gradeFrom: 0,
      gradeTo: 12,
      supportChannel: "C0DEMOSUP1",
    },
    {
      code: "DEMO-TEH",
      nameLv: "Demo tehnikums",
      nameEn: "Demo Technical School",
      kind: "VOCATIONAL",
      gradeFrom: 10,
      gradeTo: 13,
      supportChannel: "C0DEMOSUP2",
    },
  ] satisfies ReadonlyArray<{
    code: string;
    nameLv: string;
    nameEn: string;
    kind: SchoolKind;
    gradeFrom: number;
    gradeTo: number;
    supportChannel: string;
  }>,
  municipalChannels: [
    { purpose: "MUNICIPAL_COORDINATION", externalId: "C0DEMOMUN1" },
    { purpose: "COMMISSION", externalId: "C0DEMOCOM1" },
    // Where failed deliveries and other faults for operators are posted.
    { purpose: "OPERATIONS", externalId: "C0DEMOOPS1" },
  ] satisfies ReadonlyArray<{ purpose: ChannelPurpose; externalId: string }>,
  agencies: [
    {
      kind: "EDUCATION_BOARD",
      nameLv: "Demo novada Izglītības pārvalde",
      officialEmail: "izglitiba@demo-novads.example",
    },
    {
      kind: "SOCIAL_SERVICE",
      nameLv: "Demo novada Sociālais dienests",
      officialEmail: "socialais.dienests@demo-novads.example",
    },
    { kind: "ORPHANS_COURT", nameLv: "Demo novada bāriņtiesa", officialEmail: "barintiesa@demo-novads.example" },
    {
      kind: "MUNICIPAL_POLICE",
      nameLv: "Demo novada pašvaldības policija",
      officialEmail: "policija@demo-novads.example",
    },
    { kind: "STATE_POLICE", nameLv: "Valsts policijas Demo iecirknis", officialEmail: "vp.demo@example.lv" },
    { kind: "YOUTH_CENTRE", nameLv: "Demo jauniešu centrs", officialEmail: "jauniesi@demo-novads.example" },
  ] satisfies ReadonlyArray<{ kind: AgencyKind; nameLv: string; officialEmail: string }>,
} as const;

type Place = { school: number } | { agency: AgencyKind } | { municipality: true };

/** One person per role; the first school gets the whole support team. */
export const DEMO_STAFF: ReadonlyArray<{ key: string; name: string; role: Role; at: Place; classLabel?: string }> = [
  { key: "teacher", name: "Ilze Priede", role: "TEACHER", at: { school: 0 } },
  { key: "class-teacher", name: "Dace Lapiņa", role: "CLASS_TEACHER", at: { school: 0 }, classLabel: "7.a" },
  { key: "psychologist", name: "Inese Grava", role: "PSYCHOLOGIST", at: { school: 0 } },
  { key: "social-pedagogue", name: "Santa Rozīte", role: "SOCIAL_PEDAGOGUE", at: { school: 0 } },
  { key: "special-education-teacher", name: "Liene Auziņa", role: "SPECIAL_EDUCATION_TEACHER", at: { school: 0 } },
  { key: "speech-therapist", name: "Gunta Strazdiņa", role: "SPEECH_THERAPIST", at: { school: 0 } },
  { key: "teaching-assistant", name: "Evita Purmale", role: "TEACHING_ASSISTANT", at: { school: 0 } },
  { key: "occupational-therapist", name: "Vija Sproģe", role: "OCCUPATIONAL_THERAPIST", at: { school: 0 } },
  { key: "sign-interpreter", name: "Baiba Cīrule", role: "SIGN_INTERPRETER", at: { school: 0 } },
  { key: "assistant", name: "Andris Lūsis", role: "ASSISTANT", at: { school: 0 } },
  { key: "career-counsellor", name: "Kaspars Riekstiņš", role: "CAREER_COUNSELLOR", at: { school: 0 } },
  { key: "school-nurse", name: "Rita Dzene", role: "SCHOOL_NURSE", at: { school: 0 } },
  { key: "school-coordinator", name: "Aiga Saulīte", role: "SCHOOL_COORDINATOR", at: { school: 0 } },
  { key: "director", name: "Valdis Krastiņš", role: "DIRECTOR", at: { school: 0 } },
  { key: "vocational-teacher", name: "Ivars Dumpis", role: "CLASS_TEACHER", at: { school: 1 }, classLabel: "2.k" },
  { key: "vocational-coordinator", name: "Zane Kārkliņa", role: "SCHOOL_COORDINATOR", at: { school: 1 } },
  { key: "vocational-director", name: "Aldis Vanags", role: "DIRECTOR", at: { school: 1 } },
  {
    key: "education-specialist",
    name: "Laila Gaile",
    role: "MUNICIPAL_EDUCATION_SPECIALIST",
    at: { agency: "EDUCATION_BOARD" },
  },
  {
    key: "municipal-coordinator",
    name: "Sarmīte Ābele",
    role: "MUNICIPAL_COORDINATOR",
    at: { agency: "EDUCATION_BOARD" },
  },
  { key: "social-worker", name: "Olita Briede", role: "SOCIAL_SERVICE", at: { agency: "SOCIAL_SERVICE" } },
  { key: "orphans-court", name: "Māra Eglāja", role: "ORPHANS_COURT", at: { agency: "ORPHANS_COURT" } },
  { key: "municipal-police", name: "Raivis Zvirbulis", role: "MUNICIPAL_POLICE", at: { agency: "MUNICIPAL_POLICE" } },
  { key: "state-police", name: "Juris Upenieks", role: "STATE_POLICE", at: { agency: "STATE_POLICE" } },
  { key: "youth-worker", name: "Elīna Sniedze", role: "YOUTH_WORKER", at: { agency: "YOUTH_CENTRE" } },
  { key: "commission-member", name: "Uldis Tauriņš", role: "COMMISSION_MEMBER", at: { municipality: true } },
  { key: "manager", name: "Vita Zeltiņa", role: "MANAGER", at: { municipality: true } },
  // Keeps the directory and the chat links (/pmp admin). Last, so that the others keep their Slack user ids.
  { key: "administrator", name: "Edgars Kalniņš", role: "ADMINISTRATOR", at: { municipality: true } },
];

/** Slack user id of a demo staff member, e.g. for signing test requests. */
export function demoSlackUserId(staffKey: string): string {
  const index = DEMO_STAFF.findIndex((s) => s.key === staffKey);
  if (index < 0) throw new Error(`no demo staff member "${staffKey}"`);
  return `U0DEMO${String(index + 1).padStart(4, "0")}`;
}

export const demoIds = {
  municipality: () => stableId("municipality:DEMO"),
  school: (code: string) => stableId(`school:${code}`),
  agency: (kind: AgencyKind) => stableId(`agency:DEMO:${kind}`),
  staff: (key: string) => stableId(`staff:DEMO:${key}`),
  channel: (externalId: string, purpose: ChannelPurpose) => stableId(`channel:${externalId}:${purpose}`),
};

export async function seedDemoMunicipality(prisma: PrismaClient): Promise<void> {
  const municipalityId = demoIds.municipality();
  await prisma.municipality.upsert({
    where: { code: DEMO.municipalityCode },
    create: { id: municipalityId, code: DEMO.municipalityCode, nameLv: "Demo novads", nameEn: "Demo municipality" },
    update: {},
  });
  for (const school of DEMO.schools) {
    const { supportChannel, ...fields } = school;
    const schoolId = demoIds.school(school.code);
    await prisma.school.upsert({
      where: { code: school.code },
      create: { id: schoolId, municipalityId, ...fields },
      update: {},
    });
    await upsertChannel(prisma, { purpose: "SUPPORT_TEAM", externalId: supportChannel, schoolId });
    await upsertChannel(prisma, { purpose: "SCHOOL_COORDINATION", externalId: `${supportChannel}C`, schoolId });
  }
  for (const channel of DEMO.municipalChannels) await upsertChannel(prisma, { ...channel, municipalityId });
  for (const agency of DEMO.agencies) {
    await prisma.agency.upsert({
      where: { municipalityId_kind_nameLv: { municipalityId, kind: agency.kind, nameLv: agency.nameLv } },
      create: { id: demoIds.agency(agency.kind), municipalityId, ...agency },
      update: {},
    });
  }
  for (const [index, person] of DEMO_STAFF.entries()) {
    const staffId = demoIds.staff(person.key);
    await prisma.staffMember.upsert({
      where: { id: staffId },
      create: { id: staffId, municipalityId, displayName: person.name, email: `${person.key}@demo-novads.example` },
      update: {},
    });
    const roleId = stableId(`staff-role:DEMO:${person.key}`);
    await prisma.staffRole.upsert({
      where: { id: roleId },
      create: {
        id: roleId,
        staffId,
        role: person.role,
        municipalityId,
        schoolId: "school" in person.at ? demoIds.school(DEMO.schools[person.at.school]!.code) : null,
        agencyId: "agency" in person.at ? demoIds.agency(person.at.agency) : null,
        classLabel: person.classLabel ?? null,
      },
      update: {},
    });
    await prisma.chatIdentity.upsert({
      where: {
        platform_workspaceId_userId: {
          platform: "SLACK",
          workspaceId: DEMO.slackWorkspaceId,
          userId: demoSlackUserId(person.key),
        },
      },
      create: {
        id: stableId(`chat-identity:DEMO:${person.key}`),
        staffId,
        platform: "SLACK",
        workspaceId: DEMO.slackWorkspaceId,
        userId: demoSlackUserId(person.key),
      },
      update: {},
    });
    // Everyone but the youth worker has current data-protection training, so access gating can be tried.
    if (person.key !== "youth-worker") {
      const trainingId = stableId(`training:DEMO:${person.key}`);
      await prisma.trainingRecord.upsert({
        where: { id: trainingId },
        create: {
          id: trainingId,
          staffId,
          topic: "DATA_PROTECTION",
          completedAt: new Date(Date.UTC(2025, 8, 1 + (index % 20))),
          validUntil: new Date(Date.UTC(2028, 7, 31)),
        },
        update: {},
      });
    }
  }
}

async function upsertChannel(
  prisma: PrismaClient,
  channel: { purpose: ChannelPurpose; externalId: string; schoolId?: string; municipalityId?: string },
): Promise<void> {
  const key = {
    platform: "SLACK" as const,
    workspaceId: DEMO.slackWorkspaceId,
    externalId: channel.externalId,
    purpose: channel.purpose,
  };
  await prisma.chatChannel.upsert({
    where: { platform_workspaceId_externalId_purpose: key },
    create: {
      id: demoIds.channel(channel.externalId, channel.purpose),
      ...key,
      schoolId: channel.schoolId ?? null,
      municipalityId: channel.municipalityId ?? null,
    },
    update: {},
  });
}
