-- AlterTable
ALTER TABLE "AbsenceImportBatch" ADD COLUMN     "dispatchedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "AbsenceImportBatch_dispatchedAt_idx" ON "AbsenceImportBatch"("dispatchedAt");
