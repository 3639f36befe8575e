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

-- The to-do's counts from the counters, as the dashboard's: the counters now say whether their cases are current
-- (not resolved, not carried on). The table is rebuilt with the new key, from the cases.
CREATE TABLE "case_counts_v12" (
    "RoundId" INTEGER NOT NULL,
    "CountyCode" INTEGER NOT NULL,
    "SchoolCode" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "Unit" INTEGER NOT NULL,
    "ClosedDays" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    "Current" INTEGER NOT NULL,
    CONSTRAINT "PK_case_counts" PRIMARY KEY ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current")
) WITHOUT ROWID;
INSERT INTO "case_counts_v12" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Count")
SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit",
       CASE WHEN "ClosedAt" IS NULL THEN -1 ELSE CAST(julianday("ClosedAt") - julianday("CreatedAt") AS INTEGER) END,
       "ResolvedInRoundId" IS NULL AND "CarriedInRoundId" IS NULL, COUNT(*)
FROM "cases" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
DROP TRIGGER "cases_counts_insert";
DROP TRIGGER "cases_counts_delete";
DROP TRIGGER "cases_counts_update";
DROP TABLE "case_counts";
ALTER TABLE "case_counts_v12" RENAME TO "case_counts";

CREATE TRIGGER "cases_counts_insert" AFTER INSERT ON "cases" BEGIN
  INSERT INTO "case_counts" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Count")
  VALUES (NEW."RoundId", NEW."CountyCode", COALESCE(NEW."SchoolCode", ''), NEW."Category", NEW."State", NEW."Unit",
    CASE WHEN NEW."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(NEW."ClosedAt") - julianday(NEW."CreatedAt") AS INTEGER) END,
    NEW."ResolvedInRoundId" IS NULL AND NEW."CarriedInRoundId" IS NULL, 1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "cases_counts_delete" AFTER DELETE ON "cases" BEGIN
  INSERT INTO "case_counts" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Count")
  VALUES (OLD."RoundId", OLD."CountyCode", COALESCE(OLD."SchoolCode", ''), OLD."Category", OLD."State", OLD."Unit",
    CASE WHEN OLD."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(OLD."ClosedAt") - julianday(OLD."CreatedAt") AS INTEGER) END,
    OLD."ResolvedInRoundId" IS NULL AND OLD."CarriedInRoundId" IS NULL, -1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current") DO UPDATE SET "Count" = "Count" - 1;
END;

CREATE TRIGGER "cases_counts_update" AFTER UPDATE OF "RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "CreatedAt", "ClosedAt", "ResolvedInRoundId", "CarriedInRoundId" ON "cases" BEGIN
  INSERT INTO "case_counts" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Count")
  VALUES (OLD."RoundId", OLD."CountyCode", COALESCE(OLD."SchoolCode", ''), OLD."Category", OLD."State", OLD."Unit",
    CASE WHEN OLD."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(OLD."ClosedAt") - julianday(OLD."CreatedAt") AS INTEGER) END,
    OLD."ResolvedInRoundId" IS NULL AND OLD."CarriedInRoundId" IS NULL, -1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current") DO UPDATE SET "Count" = "Count" - 1;
  INSERT INTO "case_counts" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Count")
  VALUES (NEW."RoundId", NEW."CountyCode", COALESCE(NEW."SchoolCode", ''), NEW."Category", NEW."State", NEW."Unit",
    CASE WHEN NEW."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(NEW."ClosedAt") - julianday(NEW."CreatedAt") AS INTEGER) END,
    NEW."ResolvedInRoundId" IS NULL AND NEW."CarriedInRoundId" IS NULL, 1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current") DO UPDATE SET "Count" = "Count" + 1;
END;
