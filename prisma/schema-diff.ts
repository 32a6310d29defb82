import { openSchemaEngine } from "./schema-engine.js";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * SQL that takes a database from one Prisma schema to another (`from: null` = empty database), computed by
 * Prisma's own schema engine (WebAssembly build). Used to write migrations and by the drift check.
 */
export async function diffSchemas(databaseUrl: string, schemas: { from: string | null; to: string }): Promise<string> {
  const engine = await openSchemaEngine(databaseUrl, { path: "schema.prisma", content: schemas.to });
  try {
    const result = await engine.diff({
      from:
        schemas.from === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schemas.from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schemas.to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
