-- CreateEnum
CREATE TYPE "ProgrammeArea" AS ENUM ('RISK_DATABASE_AND_ABSENCES', 'INSTITUTIONAL_ENGAGEMENT', 'STAFF_CAPACITY', 'PEER_AND_YOUTH_LEADERS', 'PARENTS', 'MATERIAL_HELP', 'INDIVIDUAL_PLANS');

-- AlterTable
ALTER TABLE "ProgrammeActivity" ADD COLUMN     "area" "ProgrammeArea";

-- CreateTable
CREATE TABLE "IndicatorTarget" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" TEXT NOT NULL,
    "value" DECIMAL(65,30),
    "note" TEXT,

    CONSTRAINT "IndicatorTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorTarget_indicatorId_year_key" ON "IndicatorTarget"("indicatorId", "year");

-- AddForeignKey
ALTER TABLE "IndicatorTarget" ADD CONSTRAINT "IndicatorTarget_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Targets kept until now in the fixed columns become rows, so that a programme with other target years fits.
INSERT INTO "IndicatorTarget" ("id", "indicatorId", "year", "value", "note")
SELECT gen_random_uuid()::text, i."id", t."year", t."value", i."targetNote"
FROM "Indicator" i
CROSS JOIN LATERAL (VALUES ('2027', i."target2027"), ('2029', i."target2029")) AS t("year", "value")
WHERE t."value" IS NOT NULL OR i."targetNote" IS NOT NULL;
