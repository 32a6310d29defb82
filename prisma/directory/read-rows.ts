/**
 * Reads one directory file: CSV (the same reader as the absence import: UTF-8 with or without a BOM, comma or
 * semicolon, RFC 4180 quoting, physical line numbers), then each record through its kind's zod schema.
 * A bad header stops the file; a bad row is a RowError naming the line and the field, never the value.
 */
import type { z } from "zod";
import { readCsvRows } from "../absences/csv-rows.js";
import type { DirectoryFileKind } from "./file-kinds.js";
import { columnsOf, REQUIRED_COLUMNS, ROW_SCHEMAS, type DirectoryRow } from "./row-schemas.js";

export interface RowError {
  line: number;
  /** The column at fault, when one is. */
  field?: string;
  message: string;
}

/** A file that cannot be read at all (header, encoding); nothing of it is imported. */
export class DirectoryFileError extends Error {
  override name = "DirectoryFileError";
}

export interface ParsedRow<K extends DirectoryFileKind> {
  line: number;
  row: DirectoryRow<K>;
}

export interface ParsedFile<K extends DirectoryFileKind> {
  rows: Array<ParsedRow<K>>;
  errors: RowError[];
  /** Every record's raw fields by column (also the rejected ones): keys the sync must not deactivate. */
  raw: Array<{ line: number; fields: Record<string, string> }>;
}

export async function parseDirectoryFile<K extends DirectoryFileKind>(
  kind: K,
  content: string,
): Promise<ParsedFile<K>> {
  const schema = ROW_SCHEMAS[kind] as unknown as z.ZodType<DirectoryRow<K>>;
  const known = columnsOf(kind);
  const result: ParsedFile<K> = { rows: [], errors: [], raw: [] };
  let header: string[] | null = null;
  for await (const batch of readCsvRows(once(content))) {
    for (const record of batch) {
      if (!header) {
        if (!record.fields) throw new DirectoryFileError(`line ${record.line}: header: ${record.error}`);
        header = record.fields.map((name) => name.trim().toLowerCase());
        checkHeader(kind, header, known);
        continue;
      }
      if (!record.fields) {
        result.errors.push({ line: record.line, message: record.error ?? "unreadable record" });
        continue;
      }
      if (record.fields.length !== header.length) {
        result.errors.push({
          line: record.line,
          message: `has ${record.fields.length} fields, the header has ${header.length}`,
        });
        continue;
      }
      const fields = Object.fromEntries(header.map((name, i) => [name, record.fields![i]!.trim()]));
      result.raw.push({ line: record.line, fields });
      // An empty field is an absent one: optional columns may be left blank.
      const input = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ""));
      const parsed = schema.safeParse(input);
      if (parsed.success) result.rows.push({ line: record.line, row: parsed.data });
      else
        for (const issue of parsed.error.issues) {
          const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
          result.errors.push({ line: record.line, ...(field ? { field } : {}), message: issue.message });
        }
    }
  }
  if (!header) throw new DirectoryFileError("the file is empty (no header line)");
  return result;
}

function checkHeader(kind: DirectoryFileKind, header: string[], known: string[]): void {
  const missing = REQUIRED_COLUMNS[kind].filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !known.includes(column));
  const repeated = header.filter((column, i) => header.indexOf(column) !== i);
  if (missing.length + unknown.length + repeated.length === 0) return;
  const problems = [
    missing.length ? `missing ${missing.join(", ")}` : "",
    unknown.length ? `unknown ${unknown.map((u) => JSON.stringify(u)).join(", ")}` : "",
    repeated.length ? `repeated ${repeated.join(", ")}` : "",
  ].filter(Boolean);
  throw new DirectoryFileError(`line 1: header of a ${kind} file may name ${known.join(",")} (${problems.join("; ")})`);
}

/** Formats an error as the CLI prints it: `line 12: personal_code: must look like 123456-12345`. */
export function formatRowError(error: RowError): string {
  return `line ${error.line}: ${error.field ? `${error.field}: ` : ""}${error.message}`;
}

async function* once(content: string): AsyncGenerator<string> {
  yield content;
}
