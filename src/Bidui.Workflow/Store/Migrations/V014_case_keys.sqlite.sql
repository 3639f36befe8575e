-- Issue 14: SQLite's import of a province round spent most of its time filling the four search indexes of `cases`
-- (name, ID, ID tail, 学籍号), whose keys arrive in random order: each short batch of the import dirtied pages all
-- over them and wrote them to the log again (1,000,000 cases into the store's schema with `sqlite3`: 127 s with
-- them, 25 s without them plus 7 s to build them by sorting). The search keys now live in `case_keys`, one row per
-- case and kind (1 name, 2 ID number, 3 ID's last four, 4 学籍号), which the importer fills after a round's cases,
-- sorted, in short transactions (CaseBatchWriter). Every other insert, update or delete of a case keeps the keys in
-- step through the triggers below. PostgreSQL builds each round's indexes by sorting already (V013).
CREATE TABLE "case_keys" (
    "Kind" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "CaseId" INTEGER NOT NULL,
    PRIMARY KEY ("Kind", "Key", "CaseId")
) WITHOUT ROWID;

INSERT INTO "case_keys" ("Kind", "Key", "CaseId")
SELECT 1, "PersonName", "Id" FROM "cases"
UNION ALL SELECT 2, "IdNumber", "Id" FROM "cases"
UNION ALL SELECT 3, "IdTail", "Id" FROM "cases" WHERE "IdTail" IS NOT NULL
UNION ALL SELECT 4, "StudentNo", "Id" FROM "cases" WHERE "StudentNo" IS NOT NULL
ORDER BY 1, 2, 3;

DROP INDEX "IX_cases_PersonName";
DROP INDEX "IX_cases_IdNumber";
DROP INDEX "IX_cases_IdTail";
DROP INDEX "IX_cases_StudentNo";

-- A round being imported (State 4, Importing) gets its keys from the importer, sorted, once its cases are written.
CREATE TRIGGER "cases_keys_insert" AFTER INSERT ON "cases"
WHEN (SELECT "State" FROM "rounds" WHERE "Id" = NEW."RoundId") IS NOT 4
BEGIN
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 1, NEW."PersonName", NEW."Id";
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 2, NEW."IdNumber", NEW."Id";
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 3, NEW."IdTail", NEW."Id" WHERE NEW."IdTail" IS NOT NULL;
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 4, NEW."StudentNo", NEW."Id" WHERE NEW."StudentNo" IS NOT NULL;
END;

CREATE TRIGGER "cases_keys_delete" AFTER DELETE ON "cases"
BEGIN
  DELETE FROM "case_keys" WHERE "Kind" = 1 AND "Key" = OLD."PersonName" AND "CaseId" = OLD."Id";
  DELETE FROM "case_keys" WHERE "Kind" = 2 AND "Key" = OLD."IdNumber" AND "CaseId" = OLD."Id";
  DELETE FROM "case_keys" WHERE "Kind" = 3 AND "Key" = OLD."IdTail" AND "CaseId" = OLD."Id";
  DELETE FROM "case_keys" WHERE "Kind" = 4 AND "Key" = OLD."StudentNo" AND "CaseId" = OLD."Id";
END;

CREATE TRIGGER "cases_keys_update" AFTER UPDATE OF "PersonName", "IdNumber", "IdTail", "StudentNo" ON "cases"
BEGIN
  DELETE FROM "case_keys" WHERE "Kind" = 1 AND "Key" = OLD."PersonName" AND "CaseId" = OLD."Id";
  DELETE FROM "case_keys" WHERE "Kind" = 2 AND "Key" = OLD."IdNumber" AND "CaseId" = OLD."Id";
  DELETE FROM "case_keys" WHERE "Kind" = 3 AND "Key" = OLD."IdTail" AND "CaseId" = OLD."Id";
  DELETE FROM "case_keys" WHERE "Kind" = 4 AND "Key" = OLD."StudentNo" AND "CaseId" = OLD."Id";
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 1, NEW."PersonName", NEW."Id";
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 2, NEW."IdNumber", NEW."Id";
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 3, NEW."IdTail", NEW."Id" WHERE NEW."IdTail" IS NOT NULL;
  INSERT OR IGNORE INTO "case_keys" ("Kind", "Key", "CaseId") SELECT 4, NEW."StudentNo", NEW."Id" WHERE NEW."StudentNo" IS NOT NULL;
END;
