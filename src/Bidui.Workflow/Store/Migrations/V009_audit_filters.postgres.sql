-- The audit page pages by keyset on the id within a filter by action or by user (newest first):
-- WHERE "Action" = ? AND "Id" < ? ORDER BY "Id" DESC LIMIT 101 reads only the rows it shows, however long the log.
CREATE INDEX "IX_audit_log_Action_Id" ON audit_log ("Action", "Id");
CREATE INDEX "IX_audit_log_UserName_Id" ON audit_log ("UserName", "Id");
