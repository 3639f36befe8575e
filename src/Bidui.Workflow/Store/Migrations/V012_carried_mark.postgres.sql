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
