-- Nothing is deployed yet; rows of the Slack-only outbox (platform ids, no neutral address) cannot be carried over.
DELETE FROM "OutboxMessage";

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('OPEN', 'DONE', 'CANCELLED', 'OVERDUE', 'ESCALATED');

-- AlterEnum
ALTER TYPE "ChannelPurpose" ADD VALUE 'OPERATIONS';

-- DropIndex
DROP INDEX "OutboxMessage_status_createdAt_idx";

-- AlterTable
ALTER TABLE "StaffMember" ADD COLUMN     "preferredPlatform" "ChatPlatform";

-- AlterTable
ALTER TABLE "OutboxMessage" DROP COLUMN "ephemeralUserId",
DROP COLUMN "target",
DROP COLUMN "workspaceId",
ADD COLUMN     "address" JSONB NOT NULL,
ADD COLUMN     "conversationKey" TEXT NOT NULL,
ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "replacesKey" TEXT,
ADD COLUMN     "sendStartedAt" TIMESTAMP(3),
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "OperatorAlert" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "OperatorAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceWorkflowId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "subjectRef" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "schoolId" TEXT,
    "assigneeRole" "Role",
    "assigneeBody" "MeetingBody",
    "assigneeId" TEXT,
    "legalPoint" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" "TaskState" NOT NULL DEFAULT 'OPEN',
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OperatorAlert_dedupeKey_key" ON "OperatorAlert"("dedupeKey");

-- CreateIndex
CREATE INDEX "OperatorAlert_resolvedAt_createdAt_idx" ON "OperatorAlert"("resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Task_dedupeKey_key" ON "Task"("dedupeKey");

-- CreateIndex
CREATE INDEX "Task_assigneeId_state_idx" ON "Task"("assigneeId", "state");

-- CreateIndex
CREATE INDEX "Task_municipalityId_state_dueAt_idx" ON "Task"("municipalityId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "Task_subjectType_subjectId_idx" ON "Task"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_seq_key" ON "OutboxMessage"("seq");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboxMessage_conversationKey_seq_idx" ON "OutboxMessage"("conversationKey", "seq");
