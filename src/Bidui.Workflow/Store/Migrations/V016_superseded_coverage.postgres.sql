-- Issue 14: a case is current while no later finished round covers its county. The import recorded that by marking
-- every earlier case it carried on or resolved (one UPDATE each: about 100 µs a case, 100 s for a province's
-- million earlier cases in its second term). It now records it once per county, on the earlier round's row of
-- round_counties, in the transaction that makes the round done; the to-do and its counters test that small table.
-- Filled here from the rounds as the marks were set: each finished round's covered county is superseded by the next
-- finished round of the province that covered the county too.
ALTER TABLE round_counties ADD COLUMN "SupersededBy" integer NULL;
UPDATE round_counties AS rc SET "SupersededBy" = (
    SELECT n."RoundId" FROM round_counties n JOIN rounds nr ON nr."Id" = n."RoundId"
    WHERE n."CountyCode" = rc."CountyCode" AND n."Covered" AND nr."State" = 2 AND nr."ProvinceCode" = r."ProvinceCode"
      AND (nr."FinishedAt" > r."FinishedAt" OR (nr."FinishedAt" = r."FinishedAt" AND nr."Id" > r."Id"))
    ORDER BY nr."FinishedAt", nr."Id" LIMIT 1)
FROM rounds r
WHERE r."Id" = rc."RoundId" AND r."State" = 2 AND rc."Covered";
