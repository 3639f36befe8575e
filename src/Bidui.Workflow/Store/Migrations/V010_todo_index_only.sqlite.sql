-- 我的待办 counts and sorts a county's open (or submitted) current cases of some units: with the resolved mark
-- and the round in the index (the id is the rowid, in every index), the count and the page's ordering read the
-- index alone instead of one table row per case.
DROP INDEX "IX_cases_CountyCode_State_Unit";
CREATE INDEX "IX_cases_CountyCode_State_Unit" ON "cases" ("CountyCode", "State", "Unit", "ResolvedInRoundId", "RoundId");
-- The fixed planner statistics of V007, for the new shape (dropping the index dropped its row).
DELETE FROM sqlite_stat1 WHERE tbl = 'cases' AND idx = 'IX_cases_CountyCode_State_Unit';
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('cases', 'IX_cases_CountyCode_State_Unit', '1000000 8000 2000 1000 1000 1000');
ANALYZE sqlite_schema;
