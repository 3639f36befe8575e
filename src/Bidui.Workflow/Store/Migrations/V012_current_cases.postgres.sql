-- Issue 14: 我的待办 counts only current cases, and a case a later round carried on as a new case is not current.
-- That was a NOT EXISTS per case (a probe of the PreviousCaseId index for each of a large county's 13,000 open
-- cases: 22 of the 25 ms of each of the to-do's two counts and its page). The import now marks the carried case
-- itself, as it marks the resolved ones, and the to-do index carries the mark, so the to-do reads that index alone.
ALTER TABLE cases ADD COLUMN "CarriedInRoundId" integer NULL;
UPDATE cases SET "CarriedInRoundId" = n."RoundId"
FROM cases n JOIN rounds r ON r."Id" = n."RoundId" AND r."State" = 2
WHERE n."PreviousCaseId" = cases."Id";
DROP INDEX "IX_cases_CountyCode_State_Unit";
CREATE INDEX "IX_cases_CountyCode_State_Unit" ON cases ("CountyCode", "State", "Unit") INCLUDE ("ResolvedInRoundId", "CarriedInRoundId", "RoundId", "Id");
CREATE INDEX "IX_cases_CarriedInRoundId" ON cases ("CarriedInRoundId") WHERE "CarriedInRoundId" IS NOT NULL;

-- The to-do's counts from the counters, as the dashboard's: a count read from the to-do index must visit the table
-- for each entry on a page changed since the last vacuum (50,000 submissions: 54-80 ms a to-do instead of 16-22).
-- The counters now say whether their cases are current (not resolved, not carried on). Rebuilt from the cases.
DELETE FROM case_counts;
ALTER TABLE case_counts ADD COLUMN "Current" boolean NOT NULL DEFAULT true;
ALTER TABLE case_counts DROP CONSTRAINT "PK_case_counts";
ALTER TABLE case_counts ADD CONSTRAINT "PK_case_counts" PRIMARY KEY ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot");
INSERT INTO case_counts ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot", "Count")
SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"),
       "ResolvedInRoundId" IS NULL AND "CarriedInRoundId" IS NULL, 0, COUNT(*)
FROM cases GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE OR REPLACE FUNCTION case_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_counts AS t ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot", "Count")
  SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"),
         "ResolvedInRoundId" IS NULL AND "CarriedInRoundId" IS NULL, (pg_backend_pid() % 8)::smallint, COUNT(*)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION case_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_counts AS t ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot", "Count")
  SELECT r, co, s, ca, st, u, d, cu, (pg_backend_pid() % 8)::smallint, SUM(n) FROM (
    SELECT "RoundId" r, "CountyCode" co, COALESCE("SchoolCode", '') s, "Category" ca, "State" st, "Unit" u, case_counts_days("CreatedAt", "ClosedAt") d,
           "ResolvedInRoundId" IS NULL AND "CarriedInRoundId" IS NULL cu, -1 n FROM old_rows
    UNION ALL
    SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"),
           "ResolvedInRoundId" IS NULL AND "CarriedInRoundId" IS NULL, 1 FROM new_rows) x
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION case_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_counts AS t ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot", "Count")
  SELECT "RoundId", "CountyCode", COALESCE("SchoolCode", ''), "Category", "State", "Unit", case_counts_days("CreatedAt", "ClosedAt"),
         "ResolvedInRoundId" IS NULL AND "CarriedInRoundId" IS NULL, (pg_backend_pid() % 8)::smallint, -COUNT(*)
  FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("RoundId", "CountyCode", "SchoolCode", "Category", "State", "Unit", "ClosedDays", "Current", "Slot") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
  RETURN NULL;
END
$$;
