-- 我的待办 counts and sorts a county's open (or submitted) current cases of some units: 13,000 of a large county's
-- 62,000 in a province round. With only (county, state, unit) in the index each of them was fetched from the
-- table (a wide row, one page each: 250 ms per count); with the round, the resolved mark and the id in the index
-- the count and the page's ordering read the index alone (on pages the vacuum has marked all-visible).
DROP INDEX "IX_cases_CountyCode_State_Unit";
CREATE INDEX "IX_cases_CountyCode_State_Unit" ON cases ("CountyCode", "State", "Unit") INCLUDE ("ResolvedInRoundId", "RoundId", "Id");
-- Index-only reads need pages the vacuum has marked all-visible, and officers change cases all day: the default
-- (vacuum after 20 % of the rows changed: 200,000 of a million) left the to-do reading the table for hours after
-- a round's bulk approvals. Vacuum the cases after 1 % (the import vacuums them itself).
ALTER TABLE cases SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
