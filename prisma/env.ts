import { z } from "zod";
import { databaseFields, loggingFields, parseEnv, productionRequires } from "./runtime/env-fields.js";

// Environment of the database command-line tools (migrate, seed, drift check, imports).
const schema = z.object({ ...databaseFields, ...loggingFields }).superRefine(productionRequires);

export type DbToolsEnv = z.output<typeof schema>;

export function loadDbToolsEnv(source: NodeJS.ProcessEnv = process.env): DbToolsEnv {
  return parseEnv(schema, source, "database tools");
}
