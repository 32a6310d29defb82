import type { Client } from "@temporalio/client";
import type { PrismaClient } from "../../prisma/client.js";
import type { PersonalDataVault } from "../../prisma/repositories/personal-data-vault.js";
import type { CaseConfig } from "../../workflows/case-messages.js";

/** What the platform-neutral conversation logic needs; Slack and Teams listeners pass the same object. */
export interface CoreDeps {
  prisma: PrismaClient;
  /** The only way to learners' personal data; every read is audited. */
  vault: PersonalDataVault;
  temporal: Client;
  taskQueue: string;
  caseConfig: CaseConfig;
  now: () => Date;
}
