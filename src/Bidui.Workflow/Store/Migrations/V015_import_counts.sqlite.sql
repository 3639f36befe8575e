-- Issue 14: SQLite's import counted each case into case_counts as it was inserted (V007's trigger, one upsert per
-- row: 6.8 of 25.1 s for 1,000,000 rows inserted with `sqlite3`). A round being imported (State 4, Importing) is now
-- counted by the importer, which adds its counts in the transaction that makes the round done, as on PostgreSQL
-- (V013); its cases are invisible until then. A failed import's cases are deleted while the round is still
-- importing, so they are not taken off counts they never added.
DROP TRIGGER "cases_counts_insert";
CREATE TRIGGER "cases_counts_insert" AFTER INSERT ON "cases"
WHEN (SELECT "State" FROM "rounds" WHERE "Id" = NEW."RoundId") IS NOT 4
BEGIN
  INSERT INTO "case_counts" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Count")
  VALUES (NEW."RoundId", NEW."CountyCode", COALESCE(NEW."SchoolCode", ''), NEW."Category", NEW."State", NEW."Unit",
    CASE WHEN NEW."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(NEW."ClosedAt") - julianday(NEW."CreatedAt") AS INTEGER) END,
    NEW."ResolvedInRoundId" IS NULL AND NEW."CarriedInRoundId" IS NULL, 1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current") DO UPDATE SET "Count" = "Count" + 1;
END;

DROP TRIGGER "cases_counts_delete";
CREATE TRIGGER "cases_counts_delete" AFTER DELETE ON "cases"
WHEN (SELECT "State" FROM "rounds" WHERE "Id" = OLD."RoundId") IS NOT 4
BEGIN
  INSERT INTO "case_counts" ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Count")
  VALUES (OLD."RoundId", OLD."CountyCode", COALESCE(OLD."SchoolCode", ''), OLD."Category", OLD."State", OLD."Unit",
    CASE WHEN OLD."ClosedAt" IS NULL THEN -1 ELSE CAST(julianday(OLD."ClosedAt") - julianday(OLD."CreatedAt") AS INTEGER) END,
    OLD."ResolvedInRoundId" IS NULL AND OLD."CarriedInRoundId" IS NULL, -1)
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current") DO UPDATE SET "Count" = "Count" - 1;
END;
