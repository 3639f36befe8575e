-- Optimistic concurrency: every change of a case raises its version, and an update whose version
-- moved meanwhile changes nothing (one winner; the others are told to reload).
ALTER TABLE "cases" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 1;
