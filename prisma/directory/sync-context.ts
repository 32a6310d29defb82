import type { PrismaTransaction } from "../client.js";
import type { Role } from "../generated/enums.js";
import type { AuditActor, PersonalDataVault } from "../repositories/personal-data-vault.js";
import type { RowError } from "./read-rows.js";

/** What a file's sync changed; the summary of a DirectoryImport row and of the CLI's report. Counts only. */
export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  reactivated: number;
}

export const noChanges = (): ChangeCounts => ({ created: 0, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0 });

/** Open work of a deactivated person or learner, handed to the fallback role; raised as an operator alert. */
export interface Handover {
  subject: "STAFF" | "LEARNER";
  /** Our id of the staff member or learner. */
  id: string;
  /** What an operator can look up: a staff member's work e-mail, a learner's pseudonymous reference. */
  reference: string;
  municipalityId: string;
  toRole: Role;
  tasks: number;
  cases: number;
  /** Some of the work found nobody holding the fallback role: it waits on the role until someone does. */
  unassigned: number;
}

export interface SyncContext {
  tx: PrismaTransaction;
  municipalityId: string;
  /** The run's instant, and its calendar day in Riga (UTC midnight), the day enrolments start and end on. */
  now: Date;
  today: Date;
  vault: PersonalDataVault;
  actor: AuditActor;
  /** Who takes over a deactivated person's or learner's open tasks and cases (default SCHOOL_COORDINATOR). */
  fallbackRole: Role;
  counts: ChangeCounts;
  errors: RowError[];
  handovers: Handover[];
  /** Lines whose rows were rejected: their people are never deactivated for being "missing". */
  rejectedLines: Set<number>;
}

/** The calendar day in Europe/Riga, as the UTC midnight Prisma stores for a @db.Date. */
export function rigaDay(now: Date): Date {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Riga",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return new Date(`${day}T00:00:00Z`);
}

export const dateOf = (iso: string | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export const sameDay = (a: Date | null | undefined, b: Date | null | undefined): boolean =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);
