-- Issue 14: reads and imports at province scale.
-- Search columns compare in code-point order (COLLATE "C") so that a prefix is a range a plain
-- btree index answers, whatever the database's default collation (pg_trgm needs a superuser).
ALTER TABLE cases ALTER COLUMN "PersonName" TYPE text COLLATE "C";
ALTER TABLE cases ALTER COLUMN "IdNumber" TYPE text COLLATE "C";
-- The last four characters of the ID as written (the part the mask 4331**********1234 shows).
ALTER TABLE cases ADD COLUMN "IdTail" character varying(4) COLLATE "C" NULL;
-- 学籍号 from the list row, when the list has one.
ALTER TABLE cases ADD COLUMN "StudentNo" character varying(40) COLLATE "C" NULL;
UPDATE cases SET "IdTail" = upper(right(btrim("IdNumber"), 4)) WHERE length(btrim("IdNumber")) >= 4;

-- The list: filters by round and county range, ordered by county, list and number. The trailing
-- columns make the id-only step of a deep page an index-only read.
DROP INDEX "IX_cases_RoundId_CountyCode_Category";
DROP INDEX "IX_cases_Category_PersonKey";
CREATE INDEX "IX_cases_RoundId_CountyCode_Category_Id" ON cases ("RoundId", "CountyCode", "Category", "Id", "State", "Unit", "SchoolCode");
CREATE INDEX "IX_cases_PersonName" ON cases ("PersonName");
CREATE INDEX "IX_cases_IdNumber" ON cases ("IdNumber");
CREATE INDEX "IX_cases_IdTail" ON cases ("IdTail");
CREATE INDEX "IX_cases_StudentNo" ON cases ("StudentNo") WHERE "StudentNo" IS NOT NULL;
-- Most cases are new and unresolved: partial indexes cost an import nothing for them.
DROP INDEX "IX_cases_ResolvedInRoundId";
DROP INDEX "IX_cases_PreviousCaseId";
CREATE INDEX "IX_cases_ResolvedInRoundId" ON cases ("ResolvedInRoundId") WHERE "ResolvedInRoundId" IS NOT NULL;
CREATE INDEX "IX_cases_PreviousCaseId" ON cases ("PreviousCaseId") WHERE "PreviousCaseId" IS NOT NULL;

-- Case counts by round, county, school ('' = none), list, state, unit and whole days from import to
-- closure (-1 while not closed): the dashboard and the list's totals read these, not the cases.
-- Kept by the store itself (statement triggers below), so no insert, update or delete path can forget them.
CREATE TABLE case_counts (
    "RoundId" integer NOT NULL,
    "CountyCode" integer NOT NULL,
    "SchoolCode" character varying(20) NOT NULL,
    "Category" character varying(40) NOT NULL,
    "State" integer NOT NULL,
    "Unit" integer NOT NULL,
    "ClosedDays" integer NOT NULL,
    "Count" bigint NOT NULL,
    CONSTRAINT "PK_case_counts" PRIMARY KEY ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays")
);

CREATE FUNCTION case_counts_days(created timestamptz, closed timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN closed IS NULL THEN -1 ELSE floor(extract(epoch FROM closed - created) / 86400)::integer END $$;

-- One upsert per statement (a COPY batch, an ExecuteUpdate, a SaveChanges' UPDATE), in key order so
-- that concurrent statements lock counters in the same order.
CREATE FUNCTION case_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_counts AS t ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Count")
  SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"), COUNT(*)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
  RETURN NULL;
END
$$;

CREATE FUNCTION case_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_counts AS t ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Count")
  SELECT r, co, s, ca, st, u, d, SUM(n) FROM (
    SELECT "RoundId" r, "CountyCode" co, COALESCE("SchoolCode", '') s, "Category" ca, "State" st, "Unit" u, case_counts_days("CreatedAt", "ClosedAt") d, -1 n FROM old_rows
    UNION ALL
    SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"), 1 FROM new_rows) x
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
  RETURN NULL;
END
$$;

CREATE FUNCTION case_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_counts AS t ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Count")
  SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"), -COUNT(*)
  FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_counts_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_counts_on_insert();
CREATE TRIGGER cases_counts_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_counts_on_update();
CREATE TRIGGER cases_counts_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_counts_on_delete();

-- The cases already in the store.
INSERT INTO case_counts ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Count")
SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"), COUNT(*)
FROM cases GROUP BY 1, 2, 3, 4, 5, 6, 7;
