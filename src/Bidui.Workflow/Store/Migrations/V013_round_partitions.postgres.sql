-- Issue 14: each round's cases in a partition of their own. An import of 1,000,000 cases spent half of PostgreSQL's
-- time inserting into the table's twelve indexes one entry at a time (random keys, a WAL record each). A round is now
-- written into a table of its own without indexes, which are then built by sorting, and attached as the round's
-- partition in the transaction that makes the round visible (CaseBatchWriter): the indexes cost about 9 s of
-- PostgreSQL's time instead of about 28 s, and a failed import leaves nothing in `cases`.
-- What a partitioned table asks for: its primary key includes the partition key ("Id" stays unique: one sequence
-- numbers every case); no identity column on it (PostgreSQL 15), so a sequence owned by the column; no foreign key
-- can reference it, so the history and attachments of a case are deleted with it by the code that deletes cases
-- (RoundImporter.PurgeCasesAsync, the only one); storage options per partition, not on the parent.

CREATE TEMP TABLE v013_indexes ON COMMIT DROP AS
SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i WHERE i.indrelid = 'cases'::regclass AND NOT i.indisprimary;

ALTER TABLE case_events DROP CONSTRAINT IF EXISTS "FK_case_events_cases_CaseId";
ALTER TABLE attachments DROP CONSTRAINT IF EXISTS "FK_attachments_cases_CaseId";
ALTER TABLE cases RENAME TO cases_v012;

CREATE SEQUENCE case_ids AS bigint;
SELECT setval('case_ids', COALESCE((SELECT max("Id") FROM cases_v012), 0) + 1, false);

CREATE TABLE cases (LIKE cases_v012 INCLUDING DEFAULTS) PARTITION BY LIST ("RoundId");
ALTER TABLE cases ALTER COLUMN "Id" SET DEFAULT nextval('case_ids');
ALTER SEQUENCE case_ids OWNED BY cases."Id";

-- Cases of a round that has no partition (none are written so outside the import): kept, never refused.
CREATE TABLE cases_other PARTITION OF cases DEFAULT
  WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
DO $$
DECLARE r integer;
BEGIN
  FOR r IN SELECT DISTINCT "RoundId" FROM cases_v012 ORDER BY 1 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF cases FOR VALUES IN (%s) WITH (autovacuum_vacuum_scale_factor = 0.01, '
      'autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02)', 'cases_round_' || r, r);
  END LOOP;
END
$$;
INSERT INTO cases SELECT * FROM cases_v012;
DROP TABLE cases_v012;

-- The same indexes as before, now on every partition; the primary key with the round.
ALTER TABLE cases ADD CONSTRAINT "PK_cases" PRIMARY KEY ("Id", "RoundId");
DO $$
DECLARE d text;
BEGIN
  FOR d IN SELECT def FROM v013_indexes LOOP
    EXECUTE d;
  END LOOP;
END
$$;

-- The counters' triggers (V012's functions), on the partitioned table: a statement's transition tables hold the rows
-- of every partition it changed.
CREATE TRIGGER cases_counts_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_counts_on_insert();
CREATE TRIGGER cases_counts_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_counts_on_update();
CREATE TRIGGER cases_counts_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_counts_on_delete();
ANALYZE cases;
