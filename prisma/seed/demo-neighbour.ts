import type { PrismaClient } from "../client.js";
import type { AgencyKind, Role } from "../generated/enums.js";
import { DEMO } from "./demo-municipality.js";
import { stableId } from "./stable-id.js";

// A neighbouring municipality of the demo one, with only what a learner declared there needs under MK 89 p.7.2:
// its education specialist and its social service, who receive the notice and the referral for a demo-school
// learner living there (docs/domain.md, absence escalation; the IKVD concept reports hundreds of such learners).
// The simulator adds it to every scenario's database; the demo seed leaves it out, so a demo database keeps
// exactly one municipality (imports without --municipality rely on that).

export const NEIGHBOUR = { code: "KAIMINI", nameLv: "Kaimiņu novads", nameEn: "Neighbouring municipality" } as const;

const AGENCIES = [
  { kind: "EDUCATION_BOARD", nameLv: "Kaimiņu novada Izglītības pārvalde", officialEmail: "izglitiba@kaimini.example" },
  { kind: "SOCIAL_SERVICE", nameLv: "Kaimiņu novada Sociālais dienests", officialEmail: "sd@kaimini.example" },
] as const satisfies ReadonlyArray<{ kind: AgencyKind; nameLv: string; officialEmail: string }>;

export const NEIGHBOUR_STAFF = [
  { key: "education-specialist", name: "Laila Ozoliņa", role: "MUNICIPAL_EDUCATION_SPECIALIST", agency: null },
  { key: "social-worker", name: "Pēteris Kalējs", role: "SOCIAL_SERVICE", agency: "SOCIAL_SERVICE" },
] as const satisfies ReadonlyArray<{ key: string; name: string; role: Role; agency: AgencyKind | null }>;

export const neighbourIds = {
  municipality: () => stableId(`municipality:${NEIGHBOUR.code}`),
  agency: (kind: AgencyKind) => stableId(`agency:${NEIGHBOUR.code}:${kind}`),
  staff: (key: string) => stableId(`staff:${NEIGHBOUR.code}:${key}`),
  slackUserId: (key: string) => `U0KAIM${String(NEIGHBOUR_STAFF.findIndex((s) => s.key === key) + 1).padStart(4, "0")}`,
};

export async function seedDemoNeighbour(prisma: PrismaClient): Promise<void> {
  const municipalityId = neighbourIds.municipality();
  await prisma.municipality.upsert({
    where: { code: NEIGHBOUR.code },
    create: { id: municipalityId, code: NEIGHBOUR.code, nameLv: NEIGHBOUR.nameLv, nameEn: NEIGHBOUR.nameEn },
    update: {},
  });
  for (const agency of AGENCIES) {
    await prisma.agency.upsert({
      where: { municipalityId_kind_nameLv: { municipalityId, kind: agency.kind, nameLv: agency.nameLv } },
      create: { id: neighbourIds.agency(agency.kind), municipalityId, ...agency },
      update: {},
    });
  }
  for (const person of NEIGHBOUR_STAFF) {
    const staffId = neighbourIds.staff(person.key);
    await prisma.staffMember.upsert({
      where: { id: staffId },
      create: { id: staffId, municipalityId, displayName: person.name, email: `${person.key}@kaimini.example` },
      update: {},
    });
    const roleId = stableId(`staff-role:${NEIGHBOUR.code}:${person.key}`);
    await prisma.staffRole.upsert({
      where: { id: roleId },
      create: {
        id: roleId,
        staffId,
        role: person.role,
        municipalityId,
        agencyId: person.agency ? neighbourIds.agency(person.agency) : null,
      },
      update: {},
    });
    const identity = {
      platform: "SLACK" as const,
      workspaceId: DEMO.slackWorkspaceId,
      userId: neighbourIds.slackUserId(person.key),
    };
    await prisma.chatIdentity.upsert({
      where: { platform_workspaceId_userId: identity },
      create: { id: stableId(`chat-identity:${NEIGHBOUR.code}:${person.key}`), staffId, ...identity },
      update: {},
    });
    const trainingId = stableId(`training:${NEIGHBOUR.code}:${person.key}`);
    await prisma.trainingRecord.upsert({
      where: { id: trainingId },
      create: {
        id: trainingId,
        staffId,
        topic: "DATA_PROTECTION",
        completedAt: new Date(Date.UTC(2025, 8, 1)),
        validUntil: new Date(Date.UTC(2028, 7, 31)),
      },
      update: {},
    });
  }
}
