-- Issue 14: 我的待办 counts only current cases, and a case a later round carried on as a new case is not current.
-- That was a NOT EXISTS per case; the import now marks the carried case itself, as it marks the resolved ones,
-- and the to-do index carries the mark, so the to-do reads that index alone.
ALTER TABLE "cases" ADD COLUMN "CarriedInRoundId" INTEGER NULL;
UPDATE "cases" SET "CarriedInRoundId" = (
  SELECT n."RoundId" FROM "cases" n JOIN "rounds" r ON r."Id" = n."RoundId" AND r."State" = 2 WHERE n."PreviousCaseId" = "cases"."Id" LIMIT 1)
WHERE "Id" IN (SELECT "PreviousCaseId" FROM "cases" WHERE "PreviousCaseId" IS NOT NULL);
DROP INDEX "IX_cases_CountyCode_State_Unit";
CREATE INDEX "IX_cases_CountyCode_State_Unit" ON "cases" ("CountyCode", "State", "Unit", "ResolvedInRoundId", "CarriedInRoundId", "RoundId");
CREATE INDEX "IX_cases_CarriedInRoundId" ON "cases" ("CarriedInRoundId") WHERE "CarriedInRoundId" IS NOT NULL;
-- The fixed planner statistics of V007/V010, for the new shape (dropping the index dropped its row).
DELETE FROM sqlite_stat1 WHERE tbl = 'cases' AND idx IN ('IX_cases_CountyCode_State_Unit', 'IX_cases_CarriedInRoundId');
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('cases', 'IX_cases_CountyCode_State_Unit', '1000000 8000 2000 1000 1000 1000 1000');
ANALYZE sqlite_schema;
