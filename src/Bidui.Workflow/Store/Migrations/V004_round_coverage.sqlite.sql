-- A round states the counties it covers (derived from its inputs, confirmed by the administrator):
-- it links and resolves cases only there. Rows loaded per input let the next round notice a short file.
CREATE TABLE "round_counties" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_round_counties" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "CountyCode" INTEGER NOT NULL,
    "CountyName" TEXT NOT NULL,
    "EducationRows" INTEGER NOT NULL,
    "RuralRows" INTEGER NOT NULL,
    "CaseRows" INTEGER NOT NULL,
    "Covered" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "IX_round_counties_RoundId_CountyCode" ON "round_counties" ("RoundId", "CountyCode");
CREATE INDEX "IX_round_counties_CountyCode" ON "round_counties" ("CountyCode");
ALTER TABLE "rounds" ADD COLUMN "StudentsRows" INTEGER NULL;
ALTER TABLE "rounds" ADD COLUMN "PovertyRows" INTEGER NULL;
ALTER TABLE "rounds" ADD COLUMN "AidRows" INTEGER NULL;
ALTER TABLE "rounds" ADD COLUMN "SkippedCaseCount" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "IX_cases_ResolvedInRoundId" ON "cases" ("ResolvedInRoundId");
CREATE INDEX "IX_cases_PreviousCaseId" ON "cases" ("PreviousCaseId");
-- Rounds finished before this version covered the counties they hold cases or matched students in.
INSERT INTO "round_counties" ("RoundId", "CountyCode", "CountyName", "EducationRows", "RuralRows", "CaseRows", "Covered")
SELECT r."Id", c."CountyCode", COALESCE((SELECT g."Name" FROM "regions" g WHERE g."Code" = c."CountyCode"), ''), 0, 0,
       (SELECT COUNT(*) FROM "cases" x WHERE x."RoundId" = r."Id" AND x."CountyCode" = c."CountyCode"), 1
FROM "rounds" r
JOIN (SELECT "RoundId", "CountyCode" FROM "cases" UNION SELECT "RoundId", "CountyCode" FROM "matched_stats") c ON c."RoundId" = r."Id"
WHERE r."State" = 2;
