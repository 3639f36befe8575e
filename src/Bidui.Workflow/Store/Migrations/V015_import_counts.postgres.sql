-- Issue 14: SQLite's import now counts a round's cases as PostgreSQL's does since V013 (see the .sqlite.sql script).
-- Nothing changes here.
SELECT 1;
