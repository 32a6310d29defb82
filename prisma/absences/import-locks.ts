import type pg from "pg";
import type { ResolvedScope } from "./import-scope.js";

// Lock namespaces (the first key of PostgreSQL's two-key advisory locks); the second key is hashtext(id). A hash
// collision between two schools only serialises their imports, it never lets two conflicting ones overlap.
export const MUNICIPALITY_IMPORT_LOCKS = 0x504d5006;
export const SCHOOL_IMPORT_LOCKS = 0x504d5007;

/**
 * Takes the transaction-level advisory locks an absence import needs before it reads stored records and
 * recomputes counters. Counters belong to a learner, and a learner belongs to schools, so:
 *
 *   - a school's import locks that school, plus the current school of every learner it resolved who has moved
 *     elsewhere (their counters are shared with that school's imports), and holds its municipality's lock shared;
 *   - a municipality-wide import (the CLI without --school) holds the municipality's lock exclusively, waiting
 *     for that municipality's school imports and holding them off.
 *
 * Every import takes its locks in one order (municipality, then schools by id), so two imports can wait for each
 * other but never deadlock. Imports of unrelated schools never wait for each other (issue 16 item 4: 25 schools
 * importing at once do not queue behind one lock).
 */
export async function lockImportSchools(
  client: pg.PoolClient,
  scope: ResolvedScope,
  resolvedTable: string,
): Promise<void> {
  if (scope.schoolId === null) {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
      MUNICIPALITY_IMPORT_LOCKS,
      scope.municipalityId,
    ]);
    return;
  }
  await client.query("SELECT pg_advisory_xact_lock_shared($1, hashtext($2))", [
    MUNICIPALITY_IMPORT_LOCKS,
    scope.municipalityId,
  ]);
  const owners = await client.query<{ id: string }>(
    `SELECT DISTINCT owner_school_id AS id FROM ${resolvedTable} WHERE owner_school_id IS NOT NULL`,
  );
  const schools = [...new Set([scope.schoolId, ...owners.rows.map((r) => r.id)])].sort();
  // One statement per lock: the order of function calls within one SELECT is not guaranteed.
  for (const school of schools)
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [SCHOOL_IMPORT_LOCKS, school]);
}
