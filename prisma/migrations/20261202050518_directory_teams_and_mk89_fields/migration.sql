-- AlterEnum
ALTER TYPE "Justification" ADD VALUE 'WITHDRAWN';

-- DropIndex
DROP INDEX "SchoolCalendar_municipalityId_schoolYear_key";

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "defaultPlatform" "ChatPlatform" NOT NULL DEFAULT 'SLACK';

-- AlterTable
ALTER TABLE "StaffMember" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "adultFrom" DATE,
ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "declaredMunicipalityCode" TEXT;

-- AlterTable
ALTER TABLE "LearnerPersonalData" ADD COLUMN     "lookupDigest" TEXT;

-- AlterTable
ALTER TABLE "LearnerContact" ADD COLUMN     "consentRecordedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AbsenceRecord" ADD COLUMN     "schoolId" TEXT;

-- AlterTable
ALTER TABLE "SchoolCalendar" ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "learnerCode" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "classLabel" TEXT NOT NULL,
    "programmeCode" TEXT,
    "mk89Excluded" BOOLEAN NOT NULL DEFAULT false,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareSettingPeriod" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "careSetting" "CareSetting" NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareSettingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbsenceMilestone" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "mark" INTEGER NOT NULL,
    "reachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AbsenceMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamsConversationReference" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "conversationType" TEXT NOT NULL,
    "aadObjectId" TEXT,
    "reference" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamsConversationReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectoryImport" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileDigest" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "partial" BOOLEAN NOT NULL DEFAULT false,
    "summary" JSONB,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DirectoryImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Enrolment_learnerId_startedOn_idx" ON "Enrolment"("learnerId", "startedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_schoolId_learnerCode_startedOn_key" ON "Enrolment"("schoolId", "learnerCode", "startedOn");

-- CreateIndex
CREATE UNIQUE INDEX "CareSettingPeriod_learnerId_startedOn_key" ON "CareSettingPeriod"("learnerId", "startedOn");

-- CreateIndex
CREATE UNIQUE INDEX "AbsenceMilestone_learnerId_schoolYear_mark_key" ON "AbsenceMilestone"("learnerId", "schoolYear", "mark");

-- CreateIndex
CREATE INDEX "TeamsConversationReference_tenantId_aadObjectId_idx" ON "TeamsConversationReference"("tenantId", "aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamsConversationReference_tenantId_conversationId_key" ON "TeamsConversationReference"("tenantId", "conversationId");

-- CreateIndex
CREATE INDEX "DirectoryImport_municipalityId_kind_fileDigest_idx" ON "DirectoryImport"("municipalityId", "kind", "fileDigest");

-- CreateIndex
CREATE UNIQUE INDEX "LearnerPersonalData_lookupDigest_key" ON "LearnerPersonalData"("lookupDigest");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolCalendar_municipalityId_schoolYear_scope_key" ON "SchoolCalendar"("municipalityId", "schoolYear", "scope");

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareSettingPeriod" ADD CONSTRAINT "CareSettingPeriod_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceMilestone" ADD CONSTRAINT "AbsenceMilestone_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryImport" ADD CONSTRAINT "DirectoryImport_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
