/**
 * The directory import: a municipality's schools, people and learners from its own exports (docs/onboarding.md).
 *
 * - Files run in the order of DIRECTORY_FILE_KINDS, each in one transaction: all or nothing, unless `partial`,
 *   when the valid rows are applied and the rejected ones reported.
 * - The same file again (same SHA-256, already applied) is skipped; any other file is compared row by row, so
 *   only what differs is written (an unchanged person's ciphertext is not rewritten either).
 * - `dryRun` runs everything in one transaction that is rolled back (each file behind its own savepoint, so a
 *   rejected file does not colour the next one's report): what would change, nothing changed.
 * - Hand-overs of deactivated people's work become operator alerts once their file is committed.
 * Nothing personal is logged, stored in the run log or put in an error: counts, lines and field names.
 */
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient, PrismaTransaction } from "../client.js";
import type { Role } from "../generated/enums.js";
import type { AuditActor, PersonalDataVault } from "../repositories/personal-data-vault.js";
import { seedMunicipalityDefaults } from "../seed/index.js";
import { DIRECTORY_FILE_KINDS, type DirectoryFileKind } from "./file-kinds.js";
import { DirectoryFileError, parseDirectoryFile, type ParsedFile, type RowError } from "./read-rows.js";
import { syncContacts, syncLearners } from "./sync-learners.js";
import { syncAgencies, syncMunicipality, syncSchools } from "./sync-organisation.js";
import { syncClasses, syncStaff } from "./sync-staff.js";
import { noChanges, rigaDay, type ChangeCounts, type Handover, type SyncContext } from "./sync-context.js";

export interface DirectoryFileInput {
  kind: DirectoryFileKind;
  /** Shown in the report, e.g. "staff.csv". */
  name: string;
  content: string;
}

export interface DirectoryImportOptions {
  /** The municipality the files are for; a municipality file in the same import may create it. */
  municipalityCode: string;
  dryRun?: boolean;
  partial?: boolean;
  /** Re-apply a file even when the same file was applied before. */
  force?: boolean;
  /** Who takes over deactivated people's and learners' open work (default SCHOOL_COORDINATOR). */
  fallbackRole?: Role;
  actor?: AuditActor;
  now?: Date;
}

export type FileStatus =
  /** Applied (or, in a dry run, would be). */
  | "APPLIED"
  /** The same file was applied before: nothing to do. */
  | "SAME_FILE"
  /** Row errors and not `partial`: nothing of the file was applied. */
  | "REJECTED"
  /** The file could not be read at all (header, encoding, unknown municipality). */
  | "FAILED";

export interface FileOutcome {
  kind: DirectoryFileKind;
  name: string;
  status: FileStatus;
  errors: RowError[];
  counts: ChangeCounts;
  handovers: Handover[];
  /** Why the file could not be read, when status is FAILED. */
  failure?: string;
}

export interface DirectoryImportResult {
  dryRun: boolean;
  municipalityId: string | null;
  files: FileOutcome[];
}

/** Where hand-overs are announced (activities/delivery/operator-alerts.ts in the CLI and the nightly job). */
export interface DirectoryAlerts {
  raise(input: {
    kind: "DIRECTORY_HANDOVER";
    dedupeKey: string;
    detail: string;
    reference: string;
    municipalityId?: string | null;
    details?: Record<string, string>;
  }): Promise<boolean>;
}

class Rollback extends Error {}

const TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 } as const;
const SYSTEM_ACTOR: AuditActor = { kind: "INTEGRATION", name: "directory-import" };

export function createDirectoryImporter(deps: {
  prisma: PrismaClient;
  vault: PersonalDataVault;
  alerts?: DirectoryAlerts;
}) {
  const { prisma, vault, alerts } = deps;

  async function runFile(
    tx: PrismaTransaction,
    file: DirectoryFileInput,
    parsed: ParsedFile<DirectoryFileKind>,
    municipalityId: string | null,
    options: DirectoryImportOptions,
    now: Date,
  ): Promise<{ outcome: FileOutcome; municipalityId: string | null; municipalityCreated: boolean }> {
    const ctx: Omit<SyncContext, "municipalityId"> & { municipalityId: string | null } = {
      tx,
      municipalityId,
      now,
      today: rigaDay(now),
      vault,
      actor: options.actor ?? SYSTEM_ACTOR,
      fallbackRole: options.fallbackRole ?? "SCHOOL_COORDINATOR",
      counts: noChanges(),
      errors: [...parsed.errors],
      handovers: [],
      rejectedLines: new Set(parsed.errors.map((e) => e.line)),
    };
    const outcome = (): FileOutcome => ({
      kind: file.kind,
      name: file.name,
      status: "APPLIED",
      errors: [...ctx.errors].sort((a, b) => a.line - b.line),
      counts: ctx.counts,
      handovers: ctx.handovers,
    });
    if (file.kind === "municipality") {
      const result = await syncMunicipality(ctx, parsed.rows as never);
      return { outcome: outcome(), municipalityId: result.municipalityId, municipalityCreated: result.created };
    }
    if (!municipalityId)
      throw new DirectoryFileError(`no municipality ${options.municipalityCode}: import its municipality file first`);
    const scoped: SyncContext = { ...ctx, municipalityId };
    const rows = parsed.rows as never;
    switch (file.kind) {
      case "agencies":
        await syncAgencies(scoped, rows);
        break;
      case "schools":
        await syncSchools(scoped, rows);
        break;
      case "staff":
        await syncStaff(scoped, rows, parsed.raw);
        break;
      case "classes":
        await syncClasses(scoped, rows, parsed.raw);
        break;
      case "learners":
        await syncLearners(scoped, rows, parsed.raw);
        break;
      case "contacts":
        await syncContacts(scoped, rows, parsed.raw);
        break;
    }
    return { outcome: outcome(), municipalityId, municipalityCreated: false };
  }

  async function alreadyApplied(municipalityId: string | null, kind: string, digest: string): Promise<boolean> {
    if (!municipalityId) return false;
    const previous = await prisma.directoryImport.findFirst({
      where: {
        municipalityId,
        kind,
        fileDigest: digest,
        dryRun: false,
        finishedAt: { not: null },
        summary: { path: ["status"], equals: "APPLIED" },
      },
      select: { id: true },
    });
    return previous !== null;
  }

  async function logRun(
    client: PrismaTransaction | PrismaClient,
    input: { municipalityId: string; outcome: FileOutcome; digest: string; options: DirectoryImportOptions; now: Date },
  ): Promise<string> {
    const { outcome } = input;
    const row = await client.directoryImport.create({
      data: {
        municipalityId: input.municipalityId,
        kind: outcome.kind,
        fileDigest: input.digest,
        dryRun: input.options.dryRun ?? false,
        partial: input.options.partial ?? false,
        startedAt: input.now,
        finishedAt: new Date(),
        // Counts only: never a name, a code or a line's content.
        summary: {
          status: outcome.status,
          ...outcome.counts,
          rejectedRows: new Set(outcome.errors.map((e) => e.line)).size,
          handovers: outcome.handovers.length,
        } satisfies Prisma.InputJsonObject,
      },
      select: { id: true },
    });
    return row.id;
  }

  async function announce(handovers: Handover[], importId: string): Promise<void> {
    if (!alerts) return;
    for (const h of handovers) {
      const who = h.subject === "STAFF" ? "staff member deactivated" : "learner deactivated";
      const nobody = h.unassigned > 0 ? `; ${h.unassigned} wait for someone to hold the role` : "";
      await alerts.raise({
        kind: "DIRECTORY_HANDOVER",
        dedupeKey: `directory-handover:${h.subject}:${h.id}:${importId}`,
        detail: `${who}: ${h.tasks} open task(s), ${h.cases} case(s) handed to ${h.toRole}${nobody}`,
        reference: h.reference,
        municipalityId: h.municipalityId,
        details: { subject: h.subject, id: h.id, toRole: h.toRole, importId },
      });
    }
  }

  return {
    async importFiles(files: DirectoryFileInput[], options: DirectoryImportOptions): Promise<DirectoryImportResult> {
      const now = options.now ?? new Date();
      const ordered = [...files].sort(
        (a, b) => DIRECTORY_FILE_KINDS.indexOf(a.kind) - DIRECTORY_FILE_KINDS.indexOf(b.kind),
      );
      let municipalityId =
        (await prisma.municipality.findUnique({ where: { code: options.municipalityCode }, select: { id: true } }))
          ?.id ?? null;
      const prepared: Array<{
        file: DirectoryFileInput;
        digest: string;
        parsed?: ParsedFile<DirectoryFileKind>;
        failure?: string;
      }> = [];
      for (const file of ordered) {
        const digest = createHash("sha256").update(file.content).digest("hex");
        try {
          prepared.push({ file, digest, parsed: await parseDirectoryFile(file.kind, file.content) });
        } catch (error) {
          if (!(error instanceof DirectoryFileError)) throw error;
          prepared.push({ file, digest, failure: error.message });
        }
      }
      const failed = (file: DirectoryFileInput, failure: string): FileOutcome => ({
        kind: file.kind,
        name: file.name,
        status: "FAILED",
        errors: [],
        counts: noChanges(),
        handovers: [],
        failure,
      });
      const outcomes: FileOutcome[] = [];

      if (options.dryRun) {
        let reads = 0;
        await prisma
          .$transaction(async (tx) => {
            for (const { file, parsed, failure } of prepared) {
              if (!parsed) {
                outcomes.push(failed(file, failure!));
                continue;
              }
              await tx.$executeRawUnsafe("SAVEPOINT directory_file");
              try {
                const run = await runFile(tx, file, parsed, municipalityId, options, now);
                reads += file.kind === "learners" || file.kind === "contacts" ? parsed.rows.length : 0;
                if (run.outcome.errors.length > 0 && !options.partial) {
                  run.outcome.status = "REJECTED";
                  await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT directory_file");
                } else municipalityId = run.municipalityId;
                outcomes.push(run.outcome);
              } catch (error) {
                if (!(error instanceof DirectoryFileError)) throw error;
                await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT directory_file");
                outcomes.push(failed(file, error.message));
              }
            }
            throw new Rollback();
          }, TRANSACTION)
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          });
        // The dry run's own audit rows were rolled back with it; its reads of personal data still happened.
        const existing = await prisma.municipality.findUnique({
          where: { code: options.municipalityCode },
          select: { id: true },
        });
        if (existing) {
          for (const [index, outcome] of outcomes.entries())
            await logRun(prisma, {
              municipalityId: existing.id,
              outcome,
              digest: prepared[index]!.digest,
              options,
              now,
            });
          if (reads > 0) {
            const run = await prisma.directoryImport.findFirst({
              where: { municipalityId: existing.id, dryRun: true },
              orderBy: { startedAt: "desc" },
              select: { id: true },
            });
            await vault.auditDryRunReads({
              entity: { type: "DirectoryImport", id: run!.id },
              actor: options.actor ?? SYSTEM_ACTOR,
              records: reads,
            });
          }
        } else if (reads > 0) {
          await vault.auditDryRunReads({
            entity: { type: "Municipality", id: options.municipalityCode },
            actor: options.actor ?? SYSTEM_ACTOR,
            records: reads,
          });
        }
        return { dryRun: true, municipalityId: existing?.id ?? null, files: outcomes };
      }

      for (const { file, digest, parsed, failure } of prepared) {
        if (!parsed) {
          outcomes.push(failed(file, failure!));
          continue;
        }
        if (!options.force && (await alreadyApplied(municipalityId, file.kind, digest))) {
          outcomes.push({
            kind: file.kind,
            name: file.name,
            status: "SAME_FILE",
            errors: [],
            counts: noChanges(),
            handovers: [],
          });
          continue;
        }
        let run: Awaited<ReturnType<typeof runFile>> | undefined;
        let importId: string | null = null;
        try {
          await prisma
            .$transaction(async (tx) => {
              run = await runFile(tx, file, parsed, municipalityId, options, now);
              if (run.outcome.errors.length > 0 && !options.partial) throw new Rollback();
              importId = await logRun(tx, {
                municipalityId: run.municipalityId!,
                outcome: run.outcome,
                digest,
                options,
                now,
              });
            }, TRANSACTION)
            .catch((error: unknown) => {
              if (!(error instanceof Rollback)) throw error;
            });
        } catch (error) {
          if (!(error instanceof DirectoryFileError)) throw error;
          outcomes.push(failed(file, error.message));
          continue;
        }
        const done = run!;
        if (!importId) {
          // Rolled back: report what was wrong; nothing was handed over.
          done.outcome.status = "REJECTED";
          done.outcome.handovers = [];
          if (municipalityId) await logRun(prisma, { municipalityId, outcome: done.outcome, digest, options, now });
          outcomes.push(done.outcome);
          continue;
        }
        municipalityId = done.municipalityId;
        if (done.municipalityCreated && municipalityId) await seedMunicipalityDefaults(prisma, municipalityId);
        await announce(done.outcome.handovers, importId);
        outcomes.push(done.outcome);
      }
      return { dryRun: false, municipalityId, files: outcomes };
    },
  };
}

export type DirectoryImporter = ReturnType<typeof createDirectoryImporter>;

/** The CLI's lines for one file: every error, then `<file>: created N, updated N, …`. */
export function reportLines(outcome: FileOutcome, dryRun: boolean): string[] {
  const lines = outcome.errors.map(
    (e) => `${outcome.name}: line ${e.line}: ${e.field ? `${e.field}: ` : ""}${e.message}`,
  );
  if (outcome.status === "FAILED") return [...lines, `${outcome.name}: not imported: ${outcome.failure}`];
  if (outcome.status === "SAME_FILE") return [...lines, `${outcome.name}: already imported (same file), nothing to do`];
  const c = outcome.counts;
  const verb = dryRun ? "would be " : "";
  const counts = `${verb}created ${c.created}, ${verb}updated ${c.updated}, unchanged ${c.unchanged}, ${verb}deactivated ${c.deactivated}, ${verb}reactivated ${c.reactivated}`;
  if (outcome.status === "REJECTED")
    return [
      ...lines,
      `${outcome.name}: not imported: ${new Set(outcome.errors.map((e) => e.line)).size} row(s) rejected (all or nothing; --partial applies the valid rows); had it been: ${counts}`,
    ];
  const handovers = outcome.handovers.map(
    (h) =>
      `${outcome.name}: ${verb}handed over: ${h.subject === "STAFF" ? "staff" : "learner"} ${h.reference}: ${h.tasks} task(s), ${h.cases} case(s) to ${h.toRole}`,
  );
  return [...lines, ...handovers, `${outcome.name}: ${counts}`];
}
