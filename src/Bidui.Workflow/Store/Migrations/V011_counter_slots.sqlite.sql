-- Issue 14: PostgreSQL keeps each counter in slots so that concurrent writers do not queue on one row (V011 there).
-- SQLite has one writer at a time: its counters stay one row per key. Nothing to change.
SELECT 1;
