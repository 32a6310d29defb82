-- DropForeignKey
ALTER TABLE "AbsenceRecord" DROP CONSTRAINT "AbsenceRecord_batchId_fkey";

-- DropIndex
DROP INDEX "AbsenceRecord_date_idx";

-- DropIndex
DROP INDEX "AbsenceRecord_learnerId_date_lesson_key";

-- AlterTable
ALTER TABLE "AbsenceRecord" DROP CONSTRAINT "AbsenceRecord_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "AbsenceRecord_pkey" PRIMARY KEY ("learnerId", "date", "lesson");

-- CreateIndex
CREATE INDEX "AbsenceRecord_batchId_idx" ON "AbsenceRecord" USING BRIN ("batchId");
