/**
 * The HR staff list (one row per role a person holds, keyed by work e-mail) and the class lists with their class
 * teachers. The staff file is a full export of the municipality: an active person with an e-mail who is not
 * in it is deactivated and their open work handed over. Staff names and e-mails are professionals' work data
 * and are stored in clear; error messages still never repeat them.
 */
import type { AgencyKind, Locale, Role } from "../generated/enums.js";
import { AgencyKind as AgencyKinds } from "../generated/enums.js";
import { isSchoolRole } from "../../workflows/domain/role-scope.js";
import { handOver } from "./hand-over.js";
import type { ParsedRow } from "./read-rows.js";
import { dateOf, sameDay, type SyncContext } from "./sync-context.js";

interface Place {
  schoolId: string | null;
  agencyId: string | null;
}

interface PersonPlan {
  email: string;
  name: string;
  locale: Locale | undefined;
  roles: Array<{ role: Role } & Place>;
  training: { completedAt: Date; validUntil: Date | null } | null;
  lines: number[];
}

export async function syncStaff(
  ctx: SyncContext,
  rows: Array<ParsedRow<"staff">>,
  raw: Array<{ line: number; fields: Record<string, string> }>,
): Promise<void> {
  const { tx } = ctx;
  const schools = new Map(
    (await tx.school.findMany({ where: { municipalityId: ctx.municipalityId }, select: { id: true, code: true } })).map(
      (s) => [s.code, s.id],
    ),
  );
  const agencies = new Map<string, string>();
  for (const agency of await tx.agency.findMany({
    where: { municipalityId: ctx.municipalityId },
    orderBy: { nameLv: "asc" },
    select: { id: true, kind: true },
  }))
    if (!agencies.has(agency.kind)) agencies.set(agency.kind, agency.id);

  const people = new Map<string, PersonPlan>();
  const rejectedPeople = new Set<string>();
  const seenRoles = new Map<string, number>();
  for (const { line, row } of rows) {
    const reject = (field: string, message: string) => {
      ctx.errors.push({ line, field, message });
      rejectedPeople.add(row.email);
    };
    if (row.role === "CLASS_TEACHER") {
      reject("role", "class teachers are given in the classes file (class_teacher_email)");
      continue;
    }
    const place = resolvePlace(row.institution, schools, agencies);
    if ("error" in place) {
      reject("institution", place.error);
      continue;
    }
    if (isSchoolRole(row.role) !== (place.schoolId !== null)) {
      reject(
        "institution",
        isSchoolRole(row.role) ? "this role is held at a school" : "this role is not held at a school",
      );
      continue;
    }
    const roleKey = `${row.email}\u0000${row.role}\u0000${place.schoolId ?? ""}\u0000${place.agencyId ?? ""}`;
    if (seenRoles.has(roleKey)) {
      reject("role", `the same role at the same institution is already on line ${seenRoles.get(roleKey)}`);
      continue;
    }
    seenRoles.set(roleKey, line);
    const completed = dateOf(row.data_protection_completed_on);
    const validUntil = dateOf(row.data_protection_valid_until);
    if (validUntil && !completed) {
      reject("data_protection_completed_on", "is required when data_protection_valid_until is given");
      continue;
    }
    const person = people.get(row.email);
    if (!person) {
      people.set(row.email, {
        email: row.email,
        name: row.name,
        locale: row.locale,
        roles: [{ role: row.role, ...place }],
        training: completed ? { completedAt: completed, validUntil } : null,
        lines: [line],
      });
      continue;
    }
    if (person.name !== row.name) {
      reject("name", `differs from line ${person.lines[0]} for the same e-mail`);
      continue;
    }
    person.roles.push({ role: row.role, ...place });
    person.lines.push(line);
    // The latest training on any of the person's rows counts.
    if (completed && (!person.training || completed > person.training.completedAt))
      person.training = { completedAt: completed, validUntil };
  }

  const listed = new Set(raw.map((r) => (r.fields.email ?? "").trim().toLowerCase()).filter(Boolean));
  for (const person of people.values()) {
    if (rejectedPeople.has(person.email)) continue;
    await applyPerson(ctx, person);
  }

  // A full export: whoever it no longer lists (rejected rows still list them) is deactivated, never deleted.
  const missing = await tx.staffMember.findMany({
    where: { municipalityId: ctx.municipalityId, active: true, email: { not: null, notIn: [...listed] } },
    select: { id: true, email: true },
    orderBy: { email: "asc" },
  });
  for (const person of missing) {
    await tx.staffMember.update({
      where: { id: person.id },
      data: { active: false, deactivatedAt: ctx.now },
    });
    ctx.counts.deactivated += 1;
    await handOver(ctx, { kind: "STAFF", staffId: person.id, reference: person.email! });
  }
}

function resolvePlace(
  institution: string,
  schools: Map<string, string>,
  agencies: Map<string, string>,
): Place | { error: string } {
  const upper = institution.toUpperCase();
  if (upper === "MUNICIPALITY") return { schoolId: null, agencyId: null };
  if ((Object.values(AgencyKinds) as string[]).includes(upper)) {
    const agencyId = agencies.get(upper as AgencyKind);
    return agencyId ? { schoolId: null, agencyId } : { error: "no agency of this kind in the agencies file" };
  }
  const schoolId = schools.get(institution);
  return schoolId
    ? { schoolId, agencyId: null }
    : { error: "must be MUNICIPALITY, an agency kind or the code of one of the municipality's schools" };
}

async function applyPerson(ctx: SyncContext, person: PersonPlan): Promise<void> {
  const { tx } = ctx;
  const existing = await tx.staffMember.findUnique({
    where: { email: person.email },
    include: { roles: true, trainings: { where: { topic: "DATA_PROTECTION" } } },
  });
  if (existing && existing.municipalityId !== ctx.municipalityId) {
    ctx.errors.push({
      line: person.lines[0]!,
      field: "email",
      message: "belongs to a staff member of another municipality",
    });
    return;
  }
  let changed = false;
  const staff =
    existing ??
    (await tx.staffMember.create({
      data: {
        municipalityId: ctx.municipalityId,
        email: person.email,
        displayName: person.name,
        ...(person.locale ? { locale: person.locale } : {}),
      },
      include: { roles: true, trainings: { where: { topic: "DATA_PROTECTION" } } },
    }));
  if (existing) {
    const reactivate = !existing.active;
    const update = {
      ...(existing.displayName !== person.name ? { displayName: person.name } : {}),
      ...(person.locale && existing.locale !== person.locale ? { locale: person.locale } : {}),
      ...(reactivate ? { active: true, deactivatedAt: null } : {}),
    };
    if (Object.keys(update).length > 0) {
      await tx.staffMember.update({ where: { id: staff.id }, data: update });
      changed = true;
      if (reactivate) ctx.counts.reactivated += 1;
    }
  }
  // Roles other than class teacher are the staff file's; class teachers are the classes file's.
  const key = (r: { role: Role; schoolId: string | null; agencyId: string | null }) =>
    `${r.role}\u0000${r.schoolId ?? ""}\u0000${r.agencyId ?? ""}`;
  const wanted = new Map(person.roles.map((r) => [key(r), r]));
  const held = staff.roles.filter((r) => r.role !== "CLASS_TEACHER");
  for (const role of held)
    if (!wanted.has(key(role))) {
      await tx.staffRole.delete({ where: { id: role.id } });
      changed = true;
    }
  const heldKeys = new Set(held.map(key));
  for (const [roleKey, role] of wanted)
    if (!heldKeys.has(roleKey)) {
      await tx.staffRole.create({ data: { staffId: staff.id, municipalityId: ctx.municipalityId, ...role } });
      changed = true;
    }
  if (person.training) {
    const { completedAt, validUntil } = person.training;
    const record = staff.trainings.find((t) => sameDay(t.completedAt, completedAt));
    if (!record) {
      await tx.trainingRecord.create({
        data: { staffId: staff.id, topic: "DATA_PROTECTION", completedAt, validUntil, evidence: "directory import" },
      });
      changed = true;
    } else if (!sameDay(record.validUntil, validUntil)) {
      await tx.trainingRecord.update({ where: { id: record.id }, data: { validUntil } });
      changed = true;
    }
  }
  ctx.counts[existing ? (changed ? "updated" : "unchanged") : "created"] += 1;
}

export async function syncClasses(
  ctx: SyncContext,
  rows: Array<ParsedRow<"classes">>,
  raw: Array<{ line: number; fields: Record<string, string> }>,
): Promise<void> {
  const { tx } = ctx;
  const schools = new Map(
    (
      await tx.school.findMany({
        where: { municipalityId: ctx.municipalityId },
        select: { id: true, code: true, gradeFrom: true, gradeTo: true },
      })
    ).map((s) => [s.code, s]),
  );
  const seen = new Map<string, number>();
  const teacherAt = new Map<string, { line: number; classLabel: string }>();
  const wanted = new Map<string, { staffId: string; schoolId: string; classLabel: string; line: number }>();
  const keptClasses = new Set<string>();
  const inFile = new Set<string>();
  for (const { line, row } of rows) {
    const school = schools.get(row.school_code);
    if (!school) {
      ctx.errors.push({ line, field: "school_code", message: "no school with this code in this municipality" });
      continue;
    }
    inFile.add(school.id);
    const classKey = `${school.id}\u0000${row.class}`;
    if (seen.has(classKey)) {
      ctx.errors.push({ line, field: "class", message: `this class is already on line ${seen.get(classKey)}` });
      keptClasses.add(classKey);
      continue;
    }
    seen.set(classKey, line);
    if (row.grade < school.gradeFrom || row.grade > school.gradeTo) {
      ctx.errors.push({
        line,
        field: "grade",
        message: `is outside the school's grades ${school.gradeFrom}–${school.gradeTo}`,
      });
      keptClasses.add(classKey);
      continue;
    }
    if (!row.class_teacher_email) continue;
    const teacher = await tx.staffMember.findFirst({
      where: { email: row.class_teacher_email, municipalityId: ctx.municipalityId, active: true },
      select: { id: true },
    });
    if (!teacher) {
      ctx.errors.push({
        line,
        field: "class_teacher_email",
        message: "no active staff member with this e-mail (staff file)",
      });
      keptClasses.add(classKey);
      continue;
    }
    const perSchool = `${teacher.id}\u0000${school.id}`;
    const earlier = teacherAt.get(perSchool);
    if (earlier) {
      ctx.errors.push({
        line,
        field: "class_teacher_email",
        message: `this teacher already leads a class of the school on line ${earlier.line} (one class per school)`,
      });
      keptClasses.add(classKey);
      continue;
    }
    teacherAt.set(perSchool, { line, classLabel: row.class });
    wanted.set(classKey, { staffId: teacher.id, schoolId: school.id, classLabel: row.class, line });
  }
  // Rejected rows keep their class's current teacher.
  for (const r of raw) {
    const school = schools.get((r.fields.school_code ?? "").trim());
    if (school && ctx.rejectedLines.has(r.line)) {
      inFile.add(school.id);
      keptClasses.add(`${school.id}\u0000${(r.fields.class ?? "").trim()}`);
    }
  }
  const held = await tx.staffRole.findMany({
    where: { role: "CLASS_TEACHER", schoolId: { in: [...inFile] } },
    select: { id: true, staffId: true, schoolId: true, classLabel: true },
  });
  const heldByClass = new Map(held.map((r) => [`${r.schoolId}\u0000${r.classLabel}`, r]));
  for (const role of held) {
    const classKey = `${role.schoolId}\u0000${role.classLabel}`;
    const want = wanted.get(classKey);
    if (keptClasses.has(classKey)) continue;
    if (!want || want.staffId !== role.staffId) await tx.staffRole.delete({ where: { id: role.id } });
  }
  for (const [classKey, want] of wanted) {
    const current = heldByClass.get(classKey);
    if (current?.staffId === want.staffId) {
      ctx.counts.unchanged += 1;
      continue;
    }
    // The teacher may have led another class of the school until now: one class-teacher role per school.
    await tx.staffRole.deleteMany({ where: { staffId: want.staffId, role: "CLASS_TEACHER", schoolId: want.schoolId } });
    await tx.staffRole.create({
      data: {
        staffId: want.staffId,
        role: "CLASS_TEACHER",
        municipalityId: ctx.municipalityId,
        schoolId: want.schoolId,
        classLabel: want.classLabel,
      },
    });
    ctx.counts[current ? "updated" : "created"] += 1;
  }
}
