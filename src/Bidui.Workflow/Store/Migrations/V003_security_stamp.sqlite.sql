-- A session is valid only while the user's security stamp is the one in its cookie: signing out,
-- deactivation and password or role changes draw a new stamp and so end every session of the account.
ALTER TABLE "users" ADD COLUMN "SecurityStamp" TEXT NOT NULL DEFAULT '';
UPDATE "users" SET "SecurityStamp" = lower(hex(randomblob(16)));
