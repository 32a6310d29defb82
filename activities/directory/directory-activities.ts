/**
 * The nightly directory jobs, run by the worker on workflows/scheduled-job.ts schedules (started once with
 * `npm run schedule:directory-jobs`, see docs/onboarding.md):
 * - syncDirectoryFolder: each municipality's latest exports, dropped in `<root>/<MUNICIPALITY CODE>/` under the
 *   documented names, imported all or nothing per file; an unchanged file is skipped, a rejected one is
 *   recorded in the run log (DirectoryImport) and raised as an operator alert (line count only), because a night's
 *   export that silently fails leaves new pupils and staff out of every duty;
 * - linkChatAccountsNightly: staff not yet linked to a Slack user are looked up by work e-mail.
 * A missing folder or a missing key is an alert, not a failure to retry forever; a missing Slack token is a warning
 * (a deployment on Teams only has none).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PrismaClient } from "../../prisma/client.js";
import { linkChatAccounts, type ChatAccountLookup } from "../../prisma/directory/chat-account-links.js";
import { DIRECTORY_FILE_NAMES, type DirectoryFileKind } from "../../prisma/directory/file-kinds.js";
import { createDirectoryImporter, type DirectoryFileInput } from "../../prisma/directory/importer.js";
import type { PersonalDataKey } from "../../prisma/personal-data-key.js";
import { createPersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import type { Logger } from "../../prisma/runtime/logger.js";
import type { OperatorAlerts } from "../delivery/operator-alerts.js";

export interface DirectoryJobDeps {
  prisma: PrismaClient;
  logger: Logger;
  alerts: OperatorAlerts;
  /** The personal-data key; without it the directory sync cannot write learners' data and is skipped. */
  key?: PersonalDataKey | undefined;
  /** The chat directories to link against (Slack when a token is configured; Teams can add its own). */
  chatAccountLookups?: () => Promise<ChatAccountLookup[]>;
}

export interface DirectorySyncSummary {
  municipalities: number;
  files: Record<string, number>;
}

export function createDirectoryActivities(deps: DirectoryJobDeps) {
  const { prisma, logger } = deps;
  return {
    async syncDirectoryFolder(input: { root: string }, fireTime?: string): Promise<DirectorySyncSummary> {
      const summary: DirectorySyncSummary = { municipalities: 0, files: {} };
      const night = (fireTime ?? new Date().toISOString()).slice(0, 10);
      const skipped = (detail: string) =>
        deps.alerts.raise({
          kind: "DIRECTORY_SYNC_SKIPPED",
          dedupeKey: `directory-sync-skipped:${night}`,
          detail,
          reference: input.root,
        });
      if (!deps.key) {
        await skipped("no personal-data key configured (PERSONAL_DATA_KEY)");
        return summary;
      }
      const entries = await readdir(input.root, { withFileTypes: true }).catch(() => null);
      if (!entries) {
        await skipped("drop folder not readable");
        return summary;
      }
      const importer = createDirectoryImporter({
        prisma,
        vault: createPersonalDataVault({ prisma, key: deps.key }),
        alerts: deps.alerts,
      });
      for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
        const folder = join(input.root, entry.name);
        const present = new Set(await readdir(folder));
        const files: DirectoryFileInput[] = [];
        for (const [kind, name] of Object.entries(DIRECTORY_FILE_NAMES) as Array<[DirectoryFileKind, string]>)
          if (present.has(name)) files.push({ kind, name, content: await readFile(join(folder, name), "utf8") });
        if (files.length === 0) continue;
        summary.municipalities += 1;
        const result = await importer.importFiles(files, {
          municipalityCode: entry.name,
          ...(fireTime ? { now: new Date(fireTime) } : {}),
        });
        for (const file of result.files) {
          summary.files[file.status] = (summary.files[file.status] ?? 0) + 1;
          const fields = {
            municipality: entry.name,
            file: file.name,
            status: file.status,
            rejectedRows: new Set(file.errors.map((e) => e.line)).size,
            ...file.counts,
          };
          if (file.status === "REJECTED" || file.status === "FAILED") {
            logger.warn("directory file not imported", fields);
            await deps.alerts.raise({
              kind: "DIRECTORY_IMPORT_REJECTED",
              dedupeKey: `directory-import-rejected:${entry.name}:${file.name}:${night}`,
              detail:
                file.status === "FAILED"
                  ? "the file could not be read; nothing from it was applied"
                  : `${fields.rejectedRows} line(s) with errors; nothing from the file was applied`,
              reference: `${entry.name}/${file.name}`,
              municipalityId: result.municipalityId,
              details: { municipality: entry.name, file: file.name, status: file.status },
            });
          } else logger.info("directory file", fields);
        }
      }
      return summary;
    },

    async linkChatAccountsNightly(_input: Record<string, never> = {}, fireTime?: string) {
      const lookups = (await deps.chatAccountLookups?.()) ?? [];
      const totals = { linked: 0, unmatched: 0, conflicts: 0, alreadyLinked: 0 };
      for (const lookup of lookups) {
        const report = await linkChatAccounts(prisma, lookup);
        totals.linked += report.linked.length;
        totals.unmatched += report.unmatched.length;
        totals.conflicts += report.conflicts.length;
        totals.alreadyLinked += report.alreadyLinked;
        logger.info("chat accounts linked", {
          platform: lookup.platform,
          linked: report.linked.length,
          unmatched: report.unmatched.length,
          taken: report.conflicts.length,
          fireTime,
        });
      }
      return totals;
    },
  };
}

/** The nightly schedules (Europe/Riga): the directory first, then the linking of whoever it added. */
export const DIRECTORY_SYNC_JOB_ID = "scheduled-job:directory-sync";
export const CHAT_ACCOUNT_LINK_JOB_ID = "scheduled-job:chat-account-linking";

/** 02:30 Riga: after the e-journals' and HR's nightly exports, before the school day. */
export const directorySyncJob = (root: string) => ({
  spec: { hours: [2], minutes: [30] },
  action: { kind: "activity" as const, name: "syncDirectoryFolder", args: [{ root }], startToCloseTimeout: "1 hour" },
});
/** 03:30 Riga: links the people the night's sync added. */
export const chatAccountLinkJob = () => ({
  spec: { hours: [3], minutes: [30] },
  action: { kind: "activity" as const, name: "linkChatAccountsNightly", args: [{}], startToCloseTimeout: "30 minutes" },
});
