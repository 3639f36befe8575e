-- Township (乡镇) and village (村) below the county: a case keeps its household's township and village
-- (from the list's 乡镇/村 columns, when the household is in the responsible county), and township and
-- village accounts are scoped to them. Cases imported before are filled from their list row.
ALTER TABLE cases ADD COLUMN "Township" character varying(100) NULL;
ALTER TABLE cases ADD COLUMN "Village" character varying(100) NULL;
ALTER TABLE users ADD COLUMN "Township" character varying(100) NULL;
ALTER TABLE users ADD COLUMN "Village" character varying(100) NULL;
UPDATE cases SET
    "Township" = NULLIF(btrim("Details"::jsonb ->> '乡镇'), ''),
    "Village" = CASE WHEN NULLIF(btrim("Details"::jsonb ->> '乡镇'), '') IS NULL THEN NULL ELSE NULLIF(btrim("Details"::jsonb ->> '村'), '') END
WHERE btrim("Details"::jsonb ->> '户籍县级代码') = "CountyCode"::text;
CREATE INDEX "IX_cases_CountyCode_Township_Village" ON cases ("CountyCode", "Township", "Village");
