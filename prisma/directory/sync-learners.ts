/**
 * The e-journal's learner lists and the learners' contacts. A learner is found by school and learner code, or,
 * when a school lists a new code, by the keyed digest of the personal code (a transfer from another school of
 * the municipality: the same person, with the enrolment history kept). Names and personal codes go only into
 * the vault; the learner row carries the pseudonymous reference, initials and what the rules need in clear.
 * The learners file is a full export of each school it lists: that school's active learners it no longer lists
 * are deactivated and their open tasks handed over.
 */
import { addYears } from "date-fns";
import { publicRefFor } from "../public-ref.js";
import { handOver } from "./hand-over.js";
import type { ParsedRow } from "./read-rows.js";
import { dateOf, sameDay, type SyncContext } from "./sync-context.js";

type Raw = Array<{ line: number; fields: Record<string, string> }>;

export async function syncLearners(ctx: SyncContext, rows: Array<ParsedRow<"learners">>, raw: Raw): Promise<void> {
  const { tx, vault } = ctx;
  const schools = new Map(
    (
      await tx.school.findMany({
        where: { municipalityId: ctx.municipalityId },
        select: { id: true, code: true, gradeFrom: true, gradeTo: true },
      })
    ).map((s) => [s.code, s]),
  );
  const byCode = new Map<string, number>();
  const byPerson = new Map<string, number>();
  const valid: Array<ParsedRow<"learners"> & { schoolId: string; digest: string }> = [];
  for (const parsed of rows) {
    const { line, row } = parsed;
    const school = schools.get(row.school_code);
    const reject = (field: string, message: string) => {
      ctx.errors.push({ line, field, message });
      ctx.rejectedLines.add(line);
    };
    if (!school) {
      reject("school_code", "no school with this code in this municipality");
      continue;
    }
    if (row.grade < school.gradeFrom || row.grade > school.gradeTo) {
      reject("grade", `is outside the school's grades ${school.gradeFrom}–${school.gradeTo}`);
      continue;
    }
    const codeKey = `${school.id}\u0000${row.learner_code}`;
    if (byCode.has(codeKey)) {
      reject("learner_code", `this learner is already on line ${byCode.get(codeKey)}`);
      continue;
    }
    const digest = vault.lookupDigestOf(row.personal_code);
    if (byPerson.has(digest)) {
      reject("personal_code", `the same person is already on line ${byPerson.get(digest)}`);
      continue;
    }
    byCode.set(codeKey, line);
    byPerson.set(digest, line);
    valid.push({ ...parsed, schoolId: school.id, digest });
  }

  const known = await vault.learnersByLookupDigest(
    valid.map((v) => v.digest),
    tx,
  );
  const touched = new Set<string>();
  for (const item of valid) {
    const learnerId = await applyLearner(ctx, item, known.get(item.digest) ?? null);
    if (learnerId) touched.add(learnerId);
  }

  // Schools this file speaks for (rejected rows included); keys of rejected rows are never "missing".
  const schoolIds = new Set<string>();
  const spared = new Set<string>();
  for (const r of raw) {
    const school = schools.get((r.fields.school_code ?? "").trim());
    if (!school) continue;
    schoolIds.add(school.id);
    if (ctx.rejectedLines.has(r.line)) spared.add(`${school.id}\u0000${(r.fields.learner_code ?? "").trim()}`);
  }
  const missing = await tx.learner.findMany({
    where: { schoolId: { in: [...schoolIds] }, active: true, id: { notIn: [...touched] } },
    select: { id: true, publicRef: true, schoolId: true, learnerCode: true },
    orderBy: { publicRef: "asc" },
  });
  for (const learner of missing) {
    if (spared.has(`${learner.schoolId}\u0000${learner.learnerCode}`)) continue;
    await tx.learner.update({ where: { id: learner.id }, data: { active: false, deactivatedAt: ctx.now } });
    await tx.enrolment.updateMany({ where: { learnerId: learner.id, endedOn: null }, data: { endedOn: ctx.today } });
    ctx.counts.deactivated += 1;
    await handOver(ctx, { kind: "LEARNER", learnerId: learner.id, reference: learner.publicRef });
  }
}

async function applyLearner(
  ctx: SyncContext,
  item: ParsedRow<"learners"> & { schoolId: string; digest: string },
  samePerson: string | null,
): Promise<string | null> {
  const { tx } = ctx;
  const { row, line, schoolId } = item;
  const atCode = await tx.learner.findUnique({
    where: { schoolId_learnerCode: { schoolId, learnerCode: row.learner_code } },
  });
  if (atCode && samePerson !== null && samePerson !== atCode.id) {
    ctx.errors.push({ line, field: "personal_code", message: "this learner code is on record for another person" });
    ctx.rejectedLines.add(line);
    return null;
  }
  const existing = atCode ?? (samePerson ? await tx.learner.findUnique({ where: { id: samePerson } }) : null);
  const birth = dateOf(row.birth_date);
  const fields = {
    schoolId,
    learnerCode: row.learner_code,
    initials: `${row.first_name[0]!.toUpperCase()}.${row.last_name[0]!.toUpperCase()}.`,
    grade: row.grade,
    classLabel: row.class,
    careSetting: row.care_setting,
    // The day the learner turns 18: given, or counted from the birth date.
    adultFrom: dateOf(row.adult_from) ?? (birth ? addYears(birth, 18) : null),
    declaredMunicipalityCode: row.declared_municipality ?? null,
  };
  let changed = false;
  let learnerId: string;
  if (!existing) {
    learnerId = crypto.randomUUID();
    await tx.learner.create({ data: { id: learnerId, publicRef: publicRefFor("LRN", learnerId), ...fields } });
    ctx.counts.created += 1;
  } else {
    learnerId = existing.id;
    const differs =
      existing.schoolId !== fields.schoolId ||
      existing.learnerCode !== fields.learnerCode ||
      existing.initials !== fields.initials ||
      existing.grade !== fields.grade ||
      existing.classLabel !== fields.classLabel ||
      existing.careSetting !== fields.careSetting ||
      !sameDay(existing.adultFrom, fields.adultFrom) ||
      existing.declaredMunicipalityCode !== fields.declaredMunicipalityCode ||
      !existing.active;
    if (differs) {
      await tx.learner.update({
        where: { id: learnerId },
        data: { ...fields, active: true, deactivatedAt: null },
      });
      changed = true;
      if (!existing.active) ctx.counts.reactivated += 1;
    }
  }
  changed = (await keepEnrolment(ctx, learnerId, row, schoolId)) || changed;
  changed = (await keepCareSetting(ctx, learnerId, row.care_setting)) || changed;
  const identity = await ctx.vault.syncIdentity(
    { learnerId, actor: ctx.actor, purpose: "directory-import" },
    {
      firstName: row.first_name,
      lastName: row.last_name,
      personalCode: row.personal_code,
      ...(row.birth_date ? { birthDate: row.birth_date } : {}),
    },
    tx,
  );
  changed = changed || identity !== "UNCHANGED";
  if (existing) ctx.counts[changed ? "updated" : "unchanged"] += 1;
  return learnerId;
}

/**
 * The learner's time at a school (MK 89 p.7 counts a person's semester across schools): the open enrolment is
 * kept while school, code, grade, class and programme stay; otherwise it ends today and a new one starts. A
 * change on the day an enrolment started corrects it instead.
 */
async function keepEnrolment(
  ctx: SyncContext,
  learnerId: string,
  row: ParsedRow<"learners">["row"],
  schoolId: string,
): Promise<boolean> {
  const { tx, today } = ctx;
  const wanted = {
    schoolId,
    learnerCode: row.learner_code,
    grade: row.grade,
    classLabel: row.class,
    programmeCode: row.programme_code ?? null,
    mk89Excluded: row.mk89_excluded ?? false,
  };
  const open = await tx.enrolment.findFirst({
    where: { learnerId, endedOn: null },
    orderBy: { startedOn: "desc" },
  });
  if (
    open &&
    open.schoolId === wanted.schoolId &&
    open.learnerCode === wanted.learnerCode &&
    open.grade === wanted.grade &&
    open.classLabel === wanted.classLabel &&
    open.programmeCode === wanted.programmeCode &&
    open.mk89Excluded === wanted.mk89Excluded
  )
    return false;
  if (open && sameDay(open.startedOn, today)) {
    await tx.enrolment.update({ where: { id: open.id }, data: wanted });
    return true;
  }
  if (open) await tx.enrolment.update({ where: { id: open.id }, data: { endedOn: today } });
  await tx.enrolment.upsert({
    where: { schoolId_learnerCode_startedOn: { schoolId, learnerCode: row.learner_code, startedOn: today } },
    create: { learnerId, startedOn: today, ...wanted },
    update: { learnerId, endedOn: null, ...wanted },
  });
  return true;
}

/** Out-of-family care history (MK 89 p.2): who is informed depends on the setting in force on the day. */
async function keepCareSetting(
  ctx: SyncContext,
  learnerId: string,
  careSetting: ParsedRow<"learners">["row"]["care_setting"],
): Promise<boolean> {
  const { tx, today } = ctx;
  const open = await tx.careSettingPeriod.findFirst({
    where: { learnerId, endedOn: null },
    orderBy: { startedOn: "desc" },
  });
  if (open?.careSetting === careSetting) return false;
  if (open && sameDay(open.startedOn, today)) {
    await tx.careSettingPeriod.update({ where: { id: open.id }, data: { careSetting } });
    return true;
  }
  if (open) await tx.careSettingPeriod.update({ where: { id: open.id }, data: { endedOn: today } });
  await tx.careSettingPeriod.upsert({
    where: { learnerId_startedOn: { learnerId, startedOn: today } },
    create: { learnerId, careSetting, startedOn: today },
    update: { careSetting, endedOn: null },
  });
  return true;
}

/**
 * Contacts per learner, in the file's order; the file speaks for the learners it lists (their stored contacts
 * are replaced when they differ) and leaves the others' as they are. A learner with a rejected contact row
 * keeps the stored list until the file is corrected.
 */
export async function syncContacts(ctx: SyncContext, rows: Array<ParsedRow<"contacts">>, raw: Raw): Promise<void> {
  const { tx } = ctx;
  const schools = new Map(
    (await tx.school.findMany({ where: { municipalityId: ctx.municipalityId }, select: { id: true, code: true } })).map(
      (s) => [s.code, s.id],
    ),
  );
  const spared = new Set(
    raw
      .filter((r) => ctx.rejectedLines.has(r.line))
      .map((r) => `${(r.fields.school_code ?? "").trim()}\u0000${(r.fields.learner_code ?? "").trim()}`),
  );
  const groups = new Map<string, { learnerId: string; rows: Array<ParsedRow<"contacts">> }>();
  const unknown = new Set<string>();
  for (const parsed of rows) {
    const { line, row } = parsed;
    const key = `${row.school_code}\u0000${row.learner_code}`;
    if (spared.has(key) || unknown.has(key)) continue;
    let group = groups.get(key);
    if (!group) {
      const schoolId = schools.get(row.school_code);
      const learner = schoolId
        ? await tx.learner.findUnique({
            where: { schoolId_learnerCode: { schoolId, learnerCode: row.learner_code } },
            select: { id: true, active: true },
          })
        : null;
      if (!schoolId || !learner) {
        ctx.errors.push({
          line,
          field: schoolId ? "learner_code" : "school_code",
          message: schoolId
            ? "no learner with this code at the school (learners file)"
            : "no school with this code in this municipality",
        });
        unknown.add(key);
        continue;
      }
      group = { learnerId: learner.id, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(parsed);
  }
  for (const [key, group] of groups) {
    if (spared.has(key)) continue;
    const outcome = await ctx.vault.syncContacts(
      { learnerId: group.learnerId, actor: ctx.actor, purpose: "directory-import" },
      group.rows.map(({ row }) => ({
        relation: row.relation,
        informOnAbsence: row.inform_on_absence,
        consentRecordedAt: dateOf(row.consent_recorded_on),
        details: {
          name: row.name,
          ...(row.phone ? { phone: row.phone } : {}),
          ...(row.email ? { email: row.email } : {}),
        },
      })),
      tx,
    );
    ctx.counts[outcome === "CREATED" ? "created" : outcome === "UPDATED" ? "updated" : "unchanged"] += 1;
  }
}
