-- Issue 14: PostgreSQL keeps each round's cases in a partition of their own (see the .postgres.sql script).
-- SQLite has no partitions; its import keeps writing into `cases`. Nothing changes here.
SELECT 1;
