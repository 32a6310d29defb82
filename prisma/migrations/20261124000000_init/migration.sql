-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SchoolKind" AS ENUM ('PRESCHOOL', 'GENERAL', 'VOCATIONAL');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('EDUCATION_BOARD', 'SOCIAL_SERVICE', 'ORPHANS_COURT', 'MUNICIPAL_POLICE', 'STATE_POLICE', 'YOUTH_CENTRE', 'PROBATION', 'NGO');

-- CreateEnum
CREATE TYPE "ChatPlatform" AS ENUM ('SLACK', 'TEAMS');

-- CreateEnum
CREATE TYPE "ChannelPurpose" AS ENUM ('SUPPORT_TEAM', 'SCHOOL_COORDINATION', 'MUNICIPAL_COORDINATION', 'COMMISSION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('TEACHER', 'CLASS_TEACHER', 'PSYCHOLOGIST', 'SOCIAL_PEDAGOGUE', 'SPECIAL_EDUCATION_TEACHER', 'SPEECH_THERAPIST', 'TEACHING_ASSISTANT', 'OCCUPATIONAL_THERAPIST', 'SIGN_INTERPRETER', 'ASSISTANT', 'CAREER_COUNSELLOR', 'SCHOOL_NURSE', 'SCHOOL_COORDINATOR', 'DIRECTOR', 'MUNICIPAL_EDUCATION_SPECIALIST', 'MUNICIPAL_COORDINATOR', 'SOCIAL_SERVICE', 'ORPHANS_COURT', 'MUNICIPAL_POLICE', 'STATE_POLICE', 'YOUTH_WORKER', 'COMMISSION_MEMBER', 'MANAGER');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('lv', 'en');

-- CreateEnum
CREATE TYPE "TrainingTopic" AS ENUM ('DATA_PROTECTION', 'PMP_IDENTIFICATION', 'LEAK_INCIDENT_RESPONSE');

-- CreateEnum
CREATE TYPE "CareSetting" AS ENUM ('FAMILY', 'FOSTER_FAMILY', 'GUARDIANSHIP', 'CARE_INSTITUTION');

-- CreateEnum
CREATE TYPE "ContactRelation" AS ENUM ('MOTHER', 'FATHER', 'PARENT', 'FOSTER_FAMILY', 'GUARDIAN', 'CARE_INSTITUTION_HEAD', 'OTHER');

-- CreateEnum
CREATE TYPE "RiskAnswerKind" AS ENUM ('FREQUENCY', 'YES_NO');

-- CreateEnum
CREATE TYPE "PreventionLevel" AS ENUM ('UNIVERSAL', 'TARGETED', 'INDICATED');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('REPORTED', 'INVESTIGATING', 'CONFIRMED', 'REJECTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ParentsInformed" AS ENUM ('YES', 'NO', 'NOT_YET');

-- CreateEnum
CREATE TYPE "IapStatus" AS ENUM ('DRAFT', 'IN_APPROVAL', 'APPROVED', 'IN_PROGRESS', 'UNDER_REVIEW', 'SUSPENDED', 'INACTIVE');

-- CreateEnum
CREATE TYPE "CheckpointKind" AS ENUM ('CHECKPOINT', 'SEMESTER_END');

-- CreateEnum
CREATE TYPE "CheckpointOutcome" AS ENUM ('CONTINUE', 'RENEW', 'CLOSE', 'ESCALATE');

-- CreateEnum
CREATE TYPE "IapActivityType" AS ENUM ('SUBJECT_CONSULTATION', 'SUPPORT_STAFF_CONSULTATION', 'TEACHER_SUPPORT', 'CRISIS_SUPPORT', 'HOLIDAY_SUPPORT', 'ECONOMIC_AID', 'FAMILY_SUPPORT', 'EXTERNAL_SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "ApprovalState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DELIVERED', 'CANNOT_DELIVER', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('ATTENDED', 'NO_SHOW_LEARNER', 'NO_SHOW_PARENT', 'CANCELLED_BY_PROVIDER');

-- CreateEnum
CREATE TYPE "Justification" AS ENUM ('JUSTIFIED', 'UNJUSTIFIED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "RecordSource" AS ENUM ('CSV_IMPORT', 'API', 'MANUAL');

-- CreateEnum
CREATE TYPE "RuleSetKind" AS ENUM ('ABSENCE_ESCALATION', 'CASE_HANDLING', 'IAP_REVIEW');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('OPEN', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('OPEN', 'DONE', 'OVERDUE', 'ESCALATED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('PREPARED', 'SENT', 'ACKNOWLEDGED', 'OVERDUE');

-- CreateEnum
CREATE TYPE "MeetingBody" AS ENUM ('SUPPORT_TEAM', 'INTER_PROFESSIONAL', 'INTER_INSTITUTIONAL', 'MANAGEMENT');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AgendaSource" AS ENUM ('CASE_ROUTING', 'ABSENCE_THRESHOLD', 'MANUAL');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('STAFF', 'SYSTEM', 'INTEGRATION');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('REPORTED', 'ASSESSED', 'NOTIFIED_DPO', 'CLOSED');

-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('PERCENT', 'COUNT');

-- CreateTable
CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT,
    "kind" "SchoolKind" NOT NULL,
    "gradeFrom" INTEGER NOT NULL,
    "gradeTo" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT,
    "officialEmail" TEXT,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatChannel" (
    "id" TEXT NOT NULL,
    "platform" "ChatPlatform" NOT NULL,
    "purpose" "ChannelPurpose" NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "schoolId" TEXT,
    "municipalityId" TEXT,
    "conversationRef" JSONB,

    CONSTRAINT "ChatChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'lv',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffRole" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "schoolId" TEXT,
    "agencyId" TEXT,
    "classLabel" TEXT,

    CONSTRAINT "StaffRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "platform" "ChatPlatform" NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "topic" "TrainingTopic" NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3),
    "evidence" TEXT,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL,
    "publicRef" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "learnerCode" TEXT NOT NULL,
    "initials" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "classLabel" TEXT NOT NULL,
    "careSetting" "CareSetting" NOT NULL DEFAULT 'FAMILY',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Learner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearnerPersonalData" (
    "learnerId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearnerPersonalData_pkey" PRIMARY KEY ("learnerId")
);

-- CreateTable
CREATE TABLE "LearnerContact" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "relation" "ContactRelation" NOT NULL,
    "informOnAbsence" BOOLEAN NOT NULL DEFAULT true,
    "keyId" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearnerContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskGroup" (
    "code" TEXT NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "headingLv" TEXT NOT NULL,
    "legacyGroup" INTEGER NOT NULL,
    "ordering" INTEGER NOT NULL,

    CONSTRAINT "RiskGroup_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Risk" (
    "code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "groupCode" TEXT NOT NULL,
    "nameLv" TEXT NOT NULL,
    "shortNameLv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "answerKind" "RiskAnswerKind" NOT NULL,
    "immediateIntervention" BOOLEAN NOT NULL DEFAULT false,
    "verySignificant" BOOLEAN NOT NULL DEFAULT false,
    "especiallyImportant" BOOLEAN NOT NULL DEFAULT false,
    "specialNeeds" BOOLEAN NOT NULL DEFAULT false,
    "legacyGroup" INTEGER NOT NULL,
    "measuresLv" TEXT NOT NULL,
    "measuresEn" TEXT NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SupportActivityCategory" (
    "code" TEXT NOT NULL,
    "level" "PreventionLevel" NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "riskGroups" TEXT[],
    "ordering" INTEGER NOT NULL,

    CONSTRAINT "SupportActivityCategory_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SupportActivity" (
    "code" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "level" "PreventionLevel" NOT NULL,
    "ordering" INTEGER NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionLv" TEXT,
    "resources" TEXT[],
    "frequency" TEXT,
    "beneficiaries" TEXT[],
    "contact" TEXT,

    CONSTRAINT "SupportActivity_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SupportActivityRisk" (
    "id" TEXT NOT NULL,
    "activityCode" TEXT NOT NULL,
    "riskGroup" TEXT NOT NULL,
    "riskCode" TEXT,

    CONSTRAINT "SupportActivityRisk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "openForLearnerId" TEXT,
    "status" "CaseStatus" NOT NULL DEFAULT 'REPORTED',
    "level" "PreventionLevel",
    "intensity" INTEGER,
    "caseManagerId" TEXT,
    "routedTo" TEXT,
    "rejectionReason" TEXT,
    "investigationDueAt" TIMESTAMP(3),
    "workflowId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskReport" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "parentsInformed" "ParentsInformed" NOT NULL,
    "otherText" TEXT,
    "triage" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "RiskReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportedRisk" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "riskCode" TEXT NOT NULL,
    "frequency" INTEGER,
    "present" BOOLEAN,

    CONSTRAINT "ReportedRisk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Iap" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "semester" INTEGER NOT NULL,
    "status" "IapStatus" NOT NULL DEFAULT 'DRAFT',
    "strengths" TEXT,
    "resources" TEXT,
    "interests" TEXT,
    "learnerInvolvement" TEXT,
    "familyInvolvement" TEXT,
    "progressRecording" TEXT,
    "evaluationNarrative" TEXT,
    "approverId" TEXT,
    "approvedAt" TIMESTAMP(3),
    "startsOn" DATE,
    "endsOn" DATE,
    "previousIapId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Iap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IapGoal" (
    "id" TEXT NOT NULL,
    "iapId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ordering" INTEGER NOT NULL,

    CONSTRAINT "IapGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IapIndicator" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "baseline" DECIMAL(65,30),
    "target" DECIMAL(65,30),

    CONSTRAINT "IapIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IapIndicatorValue" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "checkpointId" TEXT,
    "value" DECIMAL(65,30) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IapIndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IapCheckpoint" (
    "id" TEXT NOT NULL,
    "iapId" TEXT NOT NULL,
    "kind" "CheckpointKind" NOT NULL,
    "dueOn" DATE NOT NULL,
    "completedAt" TIMESTAMP(3),
    "outcome" "CheckpointOutcome",
    "notes" TEXT,

    CONSTRAINT "IapCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IapActivity" (
    "id" TEXT NOT NULL,
    "iapId" TEXT NOT NULL,
    "goalId" TEXT,
    "catalogueCode" TEXT,
    "type" "IapActivityType" NOT NULL,
    "providerRole" "Role" NOT NULL,
    "subject" TEXT,
    "plannedHours" DECIMAL(65,30) NOT NULL,
    "ownerId" TEXT,
    "dueOn" DATE,
    "approvalState" "ApprovalState" NOT NULL DEFAULT 'PENDING',
    "status" "ActivityStatus" NOT NULL DEFAULT 'PLANNED',
    "cannotDeliverReason" TEXT,

    CONSTRAINT "IapActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IapDeliveryLog" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "deliveredOn" DATE NOT NULL,
    "hours" DECIMAL(65,30) NOT NULL,
    "attendance" "Attendance" NOT NULL,
    "recordedById" TEXT NOT NULL,
    "note" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IapDeliveryLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbsenceRecord" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "lesson" INTEGER NOT NULL,
    "subject" TEXT,
    "reason" TEXT,
    "justification" "Justification" NOT NULL,
    "source" "RecordSource" NOT NULL,
    "batchId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AbsenceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbsenceImportBatch" (
    "id" TEXT NOT NULL,
    "source" "RecordSource" NOT NULL,
    "label" TEXT NOT NULL,
    "schoolId" TEXT,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AbsenceImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbsenceCounter" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "semester" INTEGER NOT NULL,
    "unjustifiedLessons" INTEGER NOT NULL DEFAULT 0,
    "unknownLessons" INTEGER NOT NULL DEFAULT 0,
    "justifiedLessons" INTEGER NOT NULL DEFAULT 0,
    "unexcusedDays" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AbsenceCounter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "kind" "RuleSetKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "effectiveTo" TIMESTAMP(3),
    "definition" JSONB NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "caseId" TEXT,
    "ruleSetId" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "semester" INTEGER NOT NULL,
    "status" "EscalationStatus" NOT NULL DEFAULT 'OPEN',
    "workflowId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationStep" (
    "id" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "assigneeRole" "Role" NOT NULL,
    "assigneeId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "StepStatus" NOT NULL DEFAULT 'OPEN',
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "outcome" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EscalationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "caseId" TEXT,
    "escalationId" TEXT,
    "documentRef" TEXT,
    "sentAt" TIMESTAMP(3),
    "ackDueAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "status" "ReferralStatus" NOT NULL DEFAULT 'PREPARED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolApiToken" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "SchoolApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MissingChildNotice" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "externalRef" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "assigneeId" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MissingChildNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "schoolId" TEXT,
    "body" "MeetingBody" NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "minutes" TEXT,
    "minutesApprovedAt" TIMESTAMP(3),
    "workflowId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "attended" BOOLEAN,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT,
    "municipalityId" TEXT NOT NULL,
    "body" "MeetingBody" NOT NULL,
    "caseId" TEXT,
    "title" TEXT NOT NULL,
    "source" "AgendaSource" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "ordering" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "discussedAt" TIMESTAMP(3),

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "caseId" TEXT,
    "text" TEXT NOT NULL,
    "responsibleId" TEXT,
    "dueOn" DATE,
    "agreedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "platform" "ChatPlatform" NOT NULL,
    "target" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ephemeralUserId" TEXT,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "externalMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "purpose" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataIncident" (
    "id" TEXT NOT NULL,
    "reportedById" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "description" TEXT NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'REPORTED',
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "DataIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolCalendar" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchoolCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" "IndicatorUnit" NOT NULL,
    "level" "PreventionLevel",
    "ikmsCode" TEXT,
    "ikmsCodeBasis" TEXT,
    "risFlag" BOOLEAN NOT NULL DEFAULT false,
    "baselineValue" DECIMAL(65,30),
    "baselineYear" TEXT,
    "baselineNote" TEXT,
    "target2027" DECIMAL(65,30),
    "target2029" DECIMAL(65,30),
    "targetNote" TEXT,
    "dataSource" TEXT,
    "note" TEXT,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IkmsIndicator" (
    "code" TEXT NOT NULL,
    "nameLv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "ris" BOOLEAN NOT NULL,

    CONSTRAINT "IkmsIndicator_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "schoolId" TEXT,
    "period" TEXT NOT NULL,
    "value" DECIMAL(65,30) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeActivity" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "catalogueCode" TEXT,
    "title" TEXT NOT NULL,
    "goal" TEXT,
    "responsible" TEXT,
    "plannedFunding" DECIMAL(65,30),
    "actualFunding" DECIMAL(65,30),
    "plannedResult" TEXT,
    "actualResult" TEXT,
    "impactMethod" TEXT,
    "participants" INTEGER,
    "startsOn" DATE,
    "endsOn" DATE,
    "helpingFactors" TEXT,
    "hinderingFactors" TEXT,

    CONSTRAINT "ProgrammeActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_code_key" ON "Municipality"("code");

-- CreateIndex
CREATE UNIQUE INDEX "School_code_key" ON "School"("code");

-- CreateIndex
CREATE INDEX "School_municipalityId_idx" ON "School"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_municipalityId_kind_nameLv_key" ON "Agency"("municipalityId", "kind", "nameLv");

-- CreateIndex
CREATE INDEX "ChatChannel_schoolId_purpose_idx" ON "ChatChannel"("schoolId", "purpose");

-- CreateIndex
CREATE INDEX "ChatChannel_municipalityId_purpose_idx" ON "ChatChannel"("municipalityId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "ChatChannel_platform_workspaceId_externalId_purpose_key" ON "ChatChannel"("platform", "workspaceId", "externalId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_email_key" ON "StaffMember"("email");

-- CreateIndex
CREATE INDEX "StaffMember_municipalityId_idx" ON "StaffMember"("municipalityId");

-- CreateIndex
CREATE INDEX "StaffRole_schoolId_role_idx" ON "StaffRole"("schoolId", "role");

-- CreateIndex
CREATE INDEX "StaffRole_municipalityId_role_idx" ON "StaffRole"("municipalityId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "StaffRole_staffId_role_municipalityId_schoolId_agencyId_key" ON "StaffRole"("staffId", "role", "municipalityId", "schoolId", "agencyId");

-- CreateIndex
CREATE INDEX "ChatIdentity_staffId_idx" ON "ChatIdentity"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatIdentity_platform_workspaceId_userId_key" ON "ChatIdentity"("platform", "workspaceId", "userId");

-- CreateIndex
CREATE INDEX "TrainingRecord_staffId_topic_idx" ON "TrainingRecord"("staffId", "topic");

-- CreateIndex
CREATE UNIQUE INDEX "Learner_publicRef_key" ON "Learner"("publicRef");

-- CreateIndex
CREATE INDEX "Learner_schoolId_classLabel_idx" ON "Learner"("schoolId", "classLabel");

-- CreateIndex
CREATE UNIQUE INDEX "Learner_schoolId_learnerCode_key" ON "Learner"("schoolId", "learnerCode");

-- CreateIndex
CREATE INDEX "LearnerContact_learnerId_idx" ON "LearnerContact"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Risk_number_key" ON "Risk"("number");

-- CreateIndex
CREATE UNIQUE INDEX "SupportActivityRisk_activityCode_riskGroup_riskCode_key" ON "SupportActivityRisk"("activityCode", "riskGroup", "riskCode");

-- CreateIndex
CREATE UNIQUE INDEX "Case_ref_key" ON "Case"("ref");

-- CreateIndex
CREATE UNIQUE INDEX "Case_openForLearnerId_key" ON "Case"("openForLearnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_workflowId_key" ON "Case"("workflowId");

-- CreateIndex
CREATE INDEX "Case_schoolId_status_idx" ON "Case"("schoolId", "status");

-- CreateIndex
CREATE INDEX "Case_learnerId_idx" ON "Case"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskReport_idempotencyKey_key" ON "RiskReport"("idempotencyKey");

-- CreateIndex
CREATE INDEX "RiskReport_learnerId_reportedAt_idx" ON "RiskReport"("learnerId", "reportedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportedRisk_reportId_riskCode_key" ON "ReportedRisk"("reportId", "riskCode");

-- CreateIndex
CREATE UNIQUE INDEX "Iap_previousIapId_key" ON "Iap"("previousIapId");

-- CreateIndex
CREATE INDEX "Iap_caseId_idx" ON "Iap"("caseId");

-- CreateIndex
CREATE INDEX "IapActivity_iapId_idx" ON "IapActivity"("iapId");

-- CreateIndex
CREATE UNIQUE INDEX "IapDeliveryLog_idempotencyKey_key" ON "IapDeliveryLog"("idempotencyKey");

-- CreateIndex
CREATE INDEX "IapDeliveryLog_activityId_idx" ON "IapDeliveryLog"("activityId");

-- CreateIndex
CREATE INDEX "AbsenceRecord_date_idx" ON "AbsenceRecord"("date");

-- CreateIndex
CREATE UNIQUE INDEX "AbsenceRecord_learnerId_date_lesson_key" ON "AbsenceRecord"("learnerId", "date", "lesson");

-- CreateIndex
CREATE UNIQUE INDEX "AbsenceCounter_learnerId_schoolYear_semester_key" ON "AbsenceCounter"("learnerId", "schoolYear", "semester");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_municipalityId_kind_version_key" ON "RuleSet"("municipalityId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_workflowId_key" ON "Escalation"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_learnerId_schoolYear_semester_key" ON "Escalation"("learnerId", "schoolYear", "semester");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationStep_escalationId_step_occurrence_key" ON "EscalationStep"("escalationId", "step", "occurrence");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolApiToken_tokenHash_key" ON "SchoolApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "MissingChildNotice_municipalityId_quarter_externalRef_key" ON "MissingChildNotice"("municipalityId", "quarter", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_workflowId_key" ON "Meeting"("workflowId");

-- CreateIndex
CREATE INDEX "Meeting_municipalityId_body_scheduledAt_idx" ON "Meeting"("municipalityId", "body", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_meetingId_staffId_key" ON "MeetingParticipant"("meetingId", "staffId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_dedupeKey_key" ON "AgendaItem"("dedupeKey");

-- CreateIndex
CREATE INDEX "AgendaItem_municipalityId_body_meetingId_idx" ON "AgendaItem"("municipalityId", "body", "meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolCalendar_municipalityId_schoolYear_key" ON "SchoolCalendar"("municipalityId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_municipalityId_code_key" ON "Indicator"("municipalityId", "code");

-- CreateIndex
CREATE INDEX "IndicatorValue_indicatorId_period_idx" ON "IndicatorValue"("indicatorId", "period");

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatChannel" ADD CONSTRAINT "ChatChannel_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatChannel" ADD CONSTRAINT "ChatChannel_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffMember" ADD CONSTRAINT "StaffMember_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRole" ADD CONSTRAINT "StaffRole_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerPersonalData" ADD CONSTRAINT "LearnerPersonalData_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerContact" ADD CONSTRAINT "LearnerContact_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_groupCode_fkey" FOREIGN KEY ("groupCode") REFERENCES "RiskGroup"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportActivity" ADD CONSTRAINT "SupportActivity_categoryCode_fkey" FOREIGN KEY ("categoryCode") REFERENCES "SupportActivityCategory"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportActivityRisk" ADD CONSTRAINT "SupportActivityRisk_activityCode_fkey" FOREIGN KEY ("activityCode") REFERENCES "SupportActivity"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportActivityRisk" ADD CONSTRAINT "SupportActivityRisk_riskCode_fkey" FOREIGN KEY ("riskCode") REFERENCES "Risk"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_caseManagerId_fkey" FOREIGN KEY ("caseManagerId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskReport" ADD CONSTRAINT "RiskReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskReport" ADD CONSTRAINT "RiskReport_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskReport" ADD CONSTRAINT "RiskReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedRisk" ADD CONSTRAINT "ReportedRisk_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "RiskReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedRisk" ADD CONSTRAINT "ReportedRisk_riskCode_fkey" FOREIGN KEY ("riskCode") REFERENCES "Risk"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Iap" ADD CONSTRAINT "Iap_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Iap" ADD CONSTRAINT "Iap_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Iap" ADD CONSTRAINT "Iap_previousIapId_fkey" FOREIGN KEY ("previousIapId") REFERENCES "Iap"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapGoal" ADD CONSTRAINT "IapGoal_iapId_fkey" FOREIGN KEY ("iapId") REFERENCES "Iap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapIndicator" ADD CONSTRAINT "IapIndicator_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "IapGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapIndicatorValue" ADD CONSTRAINT "IapIndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "IapIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapIndicatorValue" ADD CONSTRAINT "IapIndicatorValue_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "IapCheckpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapCheckpoint" ADD CONSTRAINT "IapCheckpoint_iapId_fkey" FOREIGN KEY ("iapId") REFERENCES "Iap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapActivity" ADD CONSTRAINT "IapActivity_iapId_fkey" FOREIGN KEY ("iapId") REFERENCES "Iap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapActivity" ADD CONSTRAINT "IapActivity_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "IapGoal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapActivity" ADD CONSTRAINT "IapActivity_catalogueCode_fkey" FOREIGN KEY ("catalogueCode") REFERENCES "SupportActivity"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapActivity" ADD CONSTRAINT "IapActivity_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapDeliveryLog" ADD CONSTRAINT "IapDeliveryLog_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "IapActivity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IapDeliveryLog" ADD CONSTRAINT "IapDeliveryLog_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceRecord" ADD CONSTRAINT "AbsenceRecord_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceRecord" ADD CONSTRAINT "AbsenceRecord_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "AbsenceImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceCounter" ADD CONSTRAINT "AbsenceCounter_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSet" ADD CONSTRAINT "RuleSet_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationStep" ADD CONSTRAINT "EscalationStep_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationStep" ADD CONSTRAINT "EscalationStep_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationStep" ADD CONSTRAINT "EscalationStep_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolApiToken" ADD CONSTRAINT "SchoolApiToken_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissingChildNotice" ADD CONSTRAINT "MissingChildNotice_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolCalendar" ADD CONSTRAINT "SchoolCalendar_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_ikmsCode_fkey" FOREIGN KEY ("ikmsCode") REFERENCES "IkmsIndicator"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeActivity" ADD CONSTRAINT "ProgrammeActivity_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeActivity" ADD CONSTRAINT "ProgrammeActivity_catalogueCode_fkey" FOREIGN KEY ("catalogueCode") REFERENCES "SupportActivity"("code") ON DELETE SET NULL ON UPDATE CASCADE;
