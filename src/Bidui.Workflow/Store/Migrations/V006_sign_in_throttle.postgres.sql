-- Accounts are no longer locked by failed sign-ins (anyone could lock anyone's account): failures
-- are throttled per name and address, in memory (SignInThrottle).
ALTER TABLE users DROP COLUMN "FailedSignIns";
ALTER TABLE users DROP COLUMN "LockedUntil";
