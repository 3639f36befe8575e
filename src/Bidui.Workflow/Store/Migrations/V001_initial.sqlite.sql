CREATE TABLE "audit_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Detail" TEXT NOT NULL
);


CREATE TABLE "cases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "SourceRow" INTEGER NOT NULL,
    "PersonKey" TEXT NOT NULL,
    "PersonName" TEXT NOT NULL,
    "IdNumber" TEXT NOT NULL,
    "CountyCode" INTEGER NOT NULL,
    "CountyName" TEXT NOT NULL,
    "SchoolCode" TEXT NULL,
    "SchoolName" TEXT NULL,
    "Unit" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "Details" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "Linkage" INTEGER NOT NULL,
    "RoundsSeen" INTEGER NOT NULL,
    "PreviousCaseId" INTEGER NULL,
    "ResolvedInRoundId" INTEGER NULL,
    "Result" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ClosedAt" TEXT NULL
);


CREATE TABLE "matched_stats" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_matched_stats" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "CountyCode" INTEGER NOT NULL,
    "SchoolCode" TEXT NULL,
    "Matched" INTEGER NOT NULL
);


CREATE TABLE "regions" (
    "Code" INTEGER NOT NULL CONSTRAINT "PK_regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ParentCode" INTEGER NULL,
    "Level" INTEGER NOT NULL
);


CREATE TABLE "rounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_rounds" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "SchoolYear" TEXT NOT NULL,
    "Term" TEXT NOT NULL,
    "ReferenceDate" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "ProvinceCode" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "PreviousRoundId" INTEGER NULL,
    "StudentsFile" TEXT NULL,
    "PovertyFile" TEXT NULL,
    "AidFile" TEXT NULL,
    "LastError" TEXT NULL,
    "CaseCount" INTEGER NOT NULL,
    "MatchedCount" INTEGER NOT NULL,
    "ResolvedCount" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "CreatedBy" TEXT NOT NULL
);


CREATE TABLE "schools" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_schools" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CountyCode" INTEGER NOT NULL
);


CREATE TABLE "users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "RegionCode" INTEGER NOT NULL,
    "SchoolCode" TEXT NULL,
    "FailedSignIns" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "Active" INTEGER NOT NULL
);


CREATE TABLE "attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_attachments" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "StoredName" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_attachments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);


CREATE TABLE "case_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_case_events" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Result" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_case_events_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_attachments_CaseId" ON "attachments" ("CaseId");


CREATE INDEX "IX_audit_log_At" ON "audit_log" ("At");


CREATE INDEX "IX_case_events_CaseId" ON "case_events" ("CaseId");


CREATE INDEX "IX_cases_Category_PersonKey" ON "cases" ("Category", "PersonKey");


CREATE INDEX "IX_cases_RoundId_CountyCode_Category" ON "cases" ("RoundId", "CountyCode", "Category");


CREATE INDEX "IX_cases_SchoolCode" ON "cases" ("SchoolCode");


CREATE INDEX "IX_matched_stats_RoundId_CountyCode" ON "matched_stats" ("RoundId", "CountyCode");


CREATE INDEX "IX_schools_CountyCode" ON "schools" ("CountyCode");


CREATE UNIQUE INDEX "IX_users_UserName" ON "users" ("UserName");


