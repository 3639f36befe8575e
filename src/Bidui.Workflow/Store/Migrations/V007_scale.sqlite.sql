-- Issue 14: reads and imports at province scale. SQLite compares text in code-point order (BINARY),
-- so a prefix is a range a plain index answers.
-- The last four characters of the ID as written (the part the mask 4331**********1234 shows).
ALTER TABLE "cases" ADD COLUMN "IdTail" TEXT NULL;
-- 学籍号 from the list row, when the list has one.
ALTER TABLE "cases" ADD COLUMN "StudentNo" TEXT NULL;
UPDATE "cases" SET "IdTail" = upper(substr(trim("IdNumber"), -4)) WHERE length(trim("IdNumber")) >= 4;

-- The list: filters by round and county range, ordered by county, list and number. The trailing
-- columns make the id-only step of a deep page an index-only read.
DROP INDEX "IX_cases_RoundId_CountyCode_Category";
DROP INDEX "IX_cases_Category_PersonKey";
CREATE INDEX "IX_cases_RoundId_CountyCode_Category_Id" ON "cases" ("RoundId", "CountyCode", "Category", "Id", "State", "Unit", "SchoolCode");
CREATE INDEX "IX_cases_PersonName" ON "cases" ("PersonName");
CREATE INDEX "IX_cases_IdNumber" ON "cases" ("IdNumber");
CREATE INDEX "IX_cases_IdTail" ON "cases" ("IdTail");
CREATE INDEX "IX_cases_StudentNo" ON "cases" ("StudentNo") WHERE "StudentNo" IS NOT NULL;
-- Most cases are new and unresolved: partial indexes cost an import nothing for them.
DROP INDEX "IX_cases_ResolvedInRoundId";
DROP INDEX "IX_cases_PreviousCaseId";
CREATE INDEX "IX_cases_ResolvedInRoundId" ON "cases" ("ResolvedInRoundId") WHERE "ResolvedInRoundId" IS NOT NULL;
CREATE INDEX "IX_cases_PreviousCaseId" ON "cases" ("PreviousCaseId") WHERE "PreviousCaseId" IS NOT NULL;

-- Case counts by round, county, school ('' = none), list, state, unit and whole days from import to
-- closure (-1 while not closed): the dashboard and the list's totals read these, not the cases.
-- Kept by the store itself (triggers below), so no insert, update or delete path can forget them.
CREATE TABLE "case_counts" (
    "RoundId" INTEGER NOT NULL,
    "CountyCode" INTEGER NOT NULL,
    "SchoolCode" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "Unit" INTEGER NOT NULL,
    "ClosedDays" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_case_counts" PRIMARY KEY ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays")
) WITHOUT ROWID;

CREATE TRIGGER "cases_counts_insert" AFTER INSERT ON "cases" BEGIN
  INSERT INTO "case_counts" VALUES (NEW."RoundId", NEW."CountyCode", COALESCE(NEW."SchoolCode", ''), NEW."Category", NEW."State", NEW."Unit",
    CASE WHEN NEW."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(NEW."ClosedAt") - julianday(NEW."CreatedAt") AS INTEGER) END, 1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "cases_counts_delete" AFTER DELETE ON "cases" BEGIN
  INSERT INTO "case_counts" VALUES (OLD."RoundId", OLD."CountyCode", COALESCE(OLD."SchoolCode", ''), OLD."Category", OLD."State", OLD."Unit",
    CASE WHEN OLD."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(OLD."ClosedAt") - julianday(OLD."CreatedAt") AS INTEGER) END, -1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays") DO UPDATE SET "Count" = "Count" - 1;
END;

CREATE TRIGGER "cases_counts_update" AFTER UPDATE OF "RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "CreatedAt", "ClosedAt" ON "cases" BEGIN
  INSERT INTO "case_counts" VALUES (OLD."RoundId", OLD."CountyCode", COALESCE(OLD."SchoolCode", ''), OLD."Category", OLD."State", OLD."Unit",
    CASE WHEN OLD."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(OLD."ClosedAt") - julianday(OLD."CreatedAt") AS INTEGER) END, -1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays") DO UPDATE SET "Count" = "Count" - 1;
  INSERT INTO "case_counts" VALUES (NEW."RoundId", NEW."CountyCode", COALESCE(NEW."SchoolCode", ''), NEW."Category", NEW."State", NEW."Unit",
    CASE WHEN NEW."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(NEW."ClosedAt") - julianday(NEW."CreatedAt") AS INTEGER) END, 1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays") DO UPDATE SET "Count" = "Count" + 1;
END;

-- The cases already in the store.
INSERT INTO "case_counts" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Count")
SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit",
       CASE WHEN "ClosedAt" IS NULL THEN -1 ELSE CAST(julianday("ClosedAt") - julianday("CreatedAt") AS INTEGER) END, COUNT(*)
FROM "cases" GROUP BY 1, 2, 3, 4, 5, 6, 7;
