import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's native schema engine cannot be downloaded on our machines; its WebAssembly build ships on npm.
// The package imports its .wasm as an ES module, which Node 20 cannot do without a flag, so we instantiate
// the module by hand with the package's own JS glue. A development and CI tool only, never used at run time.
let loaded: Promise<void> | undefined;

// @types/node does not declare the WebAssembly global; this is the slice of it we use.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
    };
  }
).WebAssembly;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await wasmRuntime.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

/** A schema engine bound to a PostgreSQL server; `connectToShadowDb` lets it replay migrations in a scratch database. */
export async function openSchemaEngine(
  databaseUrl: string,
  schema: { path: string; content: string },
): Promise<SchemaEngine> {
  await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  return bindings.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, adapter);
}
