/**
 * Municipality, agencies and schools: the places people hold roles at and learners are enrolled in. Upserted by
 * their natural keys (codes; an agency by kind and name); never deactivated by a missing row, since a school
 * closing is a decision, not an export's omission.
 */
import type { ParsedRow } from "./read-rows.js";
import type { SyncContext } from "./sync-context.js";

export async function syncMunicipality(
  ctx: Omit<SyncContext, "municipalityId"> & { municipalityId: string | null },
  rows: Array<ParsedRow<"municipality">>,
): Promise<{ municipalityId: string | null; created: boolean }> {
  if (rows.length > 1)
    for (const extra of rows.slice(1))
      ctx.errors.push({ line: extra.line, message: "a municipality file has exactly one row" });
  const first = rows[0];
  if (!first) return { municipalityId: ctx.municipalityId, created: false };
  const { row } = first;
  const data = {
    nameLv: row.name_lv,
    nameEn: row.name_en,
    ...(row.default_platform ? { defaultPlatform: row.default_platform } : {}),
  };
  const existing = await ctx.tx.municipality.findUnique({ where: { code: row.code } });
  if (!existing) {
    const created = await ctx.tx.municipality.create({ data: { code: row.code, ...data } });
    ctx.counts.created += 1;
    return { municipalityId: created.id, created: true };
  }
  if (ctx.municipalityId && existing.id !== ctx.municipalityId) {
    ctx.errors.push({ line: first.line, field: "code", message: "is not the municipality this import is for" });
    return { municipalityId: ctx.municipalityId, created: false };
  }
  const changed =
    existing.nameLv !== data.nameLv ||
    existing.nameEn !== data.nameEn ||
    (data.defaultPlatform !== undefined && existing.defaultPlatform !== data.defaultPlatform);
  if (changed) await ctx.tx.municipality.update({ where: { id: existing.id }, data });
  ctx.counts[changed ? "updated" : "unchanged"] += 1;
  return { municipalityId: existing.id, created: false };
}

export async function syncAgencies(ctx: SyncContext, rows: Array<ParsedRow<"agencies">>): Promise<void> {
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const key = `${row.kind}\u0000${row.name_lv}`;
    if (seen.has(key)) {
      ctx.errors.push({ line, field: "name_lv", message: `this agency is already on line ${seen.get(key)}` });
      continue;
    }
    seen.set(key, line);
    const where = {
      municipalityId_kind_nameLv: { municipalityId: ctx.municipalityId, kind: row.kind, nameLv: row.name_lv },
    };
    const data = { nameEn: row.name_en ?? null, officialEmail: row.official_email ?? null };
    const existing = await ctx.tx.agency.findUnique({ where });
    if (!existing) {
      await ctx.tx.agency.create({
        data: { municipalityId: ctx.municipalityId, kind: row.kind, nameLv: row.name_lv, ...data },
      });
      ctx.counts.created += 1;
    } else if (existing.nameEn !== data.nameEn || existing.officialEmail !== data.officialEmail) {
      await ctx.tx.agency.update({ where: { id: existing.id }, data });
      ctx.counts.updated += 1;
    } else ctx.counts.unchanged += 1;
  }
}

export async function syncSchools(ctx: SyncContext, rows: Array<ParsedRow<"schools">>): Promise<void> {
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    if (seen.has(row.code)) {
      ctx.errors.push({ line, field: "code", message: `this school is already on line ${seen.get(row.code)}` });
      continue;
    }
    seen.set(row.code, line);
    const data = {
      nameLv: row.name_lv,
      nameEn: row.name_en ?? null,
      kind: row.kind,
      gradeFrom: row.grade_from,
      gradeTo: row.grade_to,
    };
    const existing = await ctx.tx.school.findUnique({ where: { code: row.code } });
    if (!existing) {
      await ctx.tx.school.create({ data: { code: row.code, municipalityId: ctx.municipalityId, ...data } });
      ctx.counts.created += 1;
    } else if (existing.municipalityId !== ctx.municipalityId) {
      ctx.errors.push({ line, field: "code", message: "belongs to another municipality" });
    } else if (
      existing.nameLv !== data.nameLv ||
      existing.nameEn !== data.nameEn ||
      existing.kind !== data.kind ||
      existing.gradeFrom !== data.gradeFrom ||
      existing.gradeTo !== data.gradeTo
    ) {
      await ctx.tx.school.update({ where: { id: existing.id }, data });
      ctx.counts.updated += 1;
    } else ctx.counts.unchanged += 1;
  }
}
