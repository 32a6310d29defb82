/**
 * The files of a directory export, in the order they are imported: each one may refer to what the earlier ones
 * created (a staff row to a school, a class to its teacher, a contact to a learner). docs/onboarding.md
 * describes every column.
 */
export const DIRECTORY_FILE_KINDS = [
  "municipality",
  "agencies",
  "schools",
  "staff",
  "classes",
  "learners",
  "contacts",
] as const;
export type DirectoryFileKind = (typeof DIRECTORY_FILE_KINDS)[number];

/** The file each kind is read from when a whole directory is given. */
export const DIRECTORY_FILE_NAMES: Record<DirectoryFileKind, string> = {
  municipality: "municipality.csv",
  agencies: "agencies.csv",
  schools: "schools.csv",
  staff: "staff.csv",
  classes: "classes.csv",
  learners: "learners.csv",
  contacts: "contacts.csv",
};

export function isDirectoryFileKind(value: string): value is DirectoryFileKind {
  return (DIRECTORY_FILE_KINDS as readonly string[]).includes(value);
}

/** The kind a file's name says, e.g. "staff-2026-12.csv" → staff; null when none fits. */
export function kindFromFileName(name: string): DirectoryFileKind | null {
  const base = name.toLowerCase().replace(/^.*[\\/]/, "");
  return DIRECTORY_FILE_KINDS.find((kind) => base === `${kind}.csv` || base.startsWith(`${kind}-`)) ?? null;
}
