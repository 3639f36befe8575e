-- Issue 14: a case is current while no later finished round covers its county (see the .postgres.sql script).
ALTER TABLE round_counties ADD COLUMN "SupersededBy" INTEGER NULL;
UPDATE round_counties SET "SupersededBy" = (
    SELECT n."RoundId" FROM round_counties n JOIN rounds nr ON nr."Id" = n."RoundId" JOIN rounds r ON r."Id" = round_counties."RoundId"
    WHERE n."CountyCode" = round_counties."CountyCode" AND n."Covered" AND nr."State" = 2 AND nr."ProvinceCode" = r."ProvinceCode"
      AND (nr."FinishedAt" > r."FinishedAt" OR (nr."FinishedAt" = r."FinishedAt" AND nr."Id" > r."Id"))
    ORDER BY nr."FinishedAt", nr."Id" LIMIT 1)
WHERE "Covered" AND EXISTS (SELECT 1 FROM rounds r WHERE r."Id" = round_counties."RoundId" AND r."State" = 2);
