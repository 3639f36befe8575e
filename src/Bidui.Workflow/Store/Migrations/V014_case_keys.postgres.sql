-- Issue 14: SQLite moves its search keys to `case_keys` (see the .sqlite.sql script). PostgreSQL builds each round's
-- search indexes by sorting when it imports the round's partition (V013). Nothing changes here.
SELECT 1;
