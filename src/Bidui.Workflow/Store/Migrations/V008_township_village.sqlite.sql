-- Township (乡镇) and village (村) below the county: a case keeps its household's township and village
-- (from the list's 乡镇/村 columns, when the household is in the responsible county), and township and
-- village accounts are scoped to them. Cases imported before are filled from their list row.
ALTER TABLE "cases" ADD COLUMN "Township" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "Village" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "Township" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "Village" TEXT NULL;
UPDATE "cases" SET
    "Township" = NULLIF(trim(json_extract("Details", '$."乡镇"')), ''),
    "Village" = CASE WHEN NULLIF(trim(json_extract("Details", '$."乡镇"')), '') IS NULL THEN NULL ELSE NULLIF(trim(json_extract("Details", '$."村"')), '') END
WHERE trim(json_extract("Details", '$."户籍县级代码"')) = CAST("CountyCode" AS TEXT);
CREATE INDEX "IX_cases_CountyCode_Township_Village" ON "cases" ("CountyCode", "Township", "Village");
