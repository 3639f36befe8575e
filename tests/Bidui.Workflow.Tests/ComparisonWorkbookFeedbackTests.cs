using System.Text.Json;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Feedback;
using Bidui.Workflow.Store;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// Issue 13: a county returns its workbook from the comparison's 按县分发 folder, 核查结果 and 备注 filled in
/// in a spreadsheet program, to the web workflow's bulk feedback as it is; its rows find their cases by
/// list and provenance row numbers.
/// </summary>
public abstract class ComparisonWorkbookFeedbackTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    [SkippableFact]
    public async Task A_county_workbook_filled_in_a_spreadsheet_is_accepted_as_it_is()
    {
        TestStores.Require(f.Available);
        // The last open dropout cases of 邵东市 (other tests take the first ones).
        List<Case> open;
        await using (var db = f.Context(UserScope.System))
            open = await db.Cases.Where(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Shaodong && c.Category == "dropout_suspect"
                && c.State == CaseState.Open).OrderByDescending(c => c.Id).Take(2).ToListAsync();
        Assert.Equal(2, open.Count);
        string PovertyRow(Case c) => JsonSerializer.Deserialize<Dictionary<string, string>>(c.Details)!["乡村振兴行号"];

        string county = Directory.GetFiles(Path.Combine(f.Store.RoundDirectory(f.RoundId), "results", "按县分发"), $"{DemoRoundFixture.Shaodong}_*.xlsx").Single();
        string filled = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        using (var input = File.OpenRead(county))
        {
            var book = new XSSFWorkbook(input);
            Assert.Equal("说明", book.GetSheetName(0));
            var sheet = book.GetSheet("疑似失学辍学");
            var headerRow = sheet.GetRow(0);
            var header = Enumerable.Range(0, headerRow.LastCellNum).ToDictionary(i => headerRow.GetCell(i).StringCellValue, i => i);
            // The drop-down offers exactly what the web workflow accepts.
            var validation = Assert.Single(sheet.GetDataValidations());
            Assert.Contains("省外就读无学籍", validation.ValidationConstraint.ExplicitListValues);
            var rows = Enumerable.Range(1, sheet.LastRowNum).Select(sheet.GetRow).Where(r => r is not null)
                .ToDictionary(r => r.GetCell(header["乡村振兴行号"]).NumericCellValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
            void Set(IRow row, string column, string value) => (row.GetCell(header[column]) ?? row.CreateCell(header[column])).SetCellValue(value);
            Set(rows[PovertyRow(open[0])], "核查结果", "省外就读无学籍");
            Set(rows[PovertyRow(open[0])], "备注", "在广东东莞就读");
            Set(rows[PovertyRow(open[1])], "核查结果", "乱写的结果");
            // A row whose provenance was typed over cannot be matched to a case.
            var other = rows.Keys.First(k => k != PovertyRow(open[0]) && k != PovertyRow(open[1]));
            rows[other].GetCell(header["乡村振兴行号"]).SetCellValue(999999);
            Set(rows[other], "核查结果", "死亡");
            using var output = File.Create(filled);
            book.Write(output);
        }

        await using var db2 = f.Context(f.ShaodongEducation.Scope);
        var audit = new AuditLog(db2, f.Clock);
        var workbook = new FeedbackWorkbook(db2, new CaseQueries(db2, f.Clock), new CaseWorkflow(db2, audit, f.Clock, f.Store), audit);
        var outcome = await workbook.UploadAsync(f.ShaodongEducation, f.RoundId, filled, applyValidRows: true);

        Assert.True(outcome.Rows == 3, string.Join("\n", outcome.Errors.Select(r => $"{r.RowNumber} {r.CaseId} {r.Result} {r.Valid} {r.Message}")));
        Assert.Equal((1, 1), (outcome.Valid, outcome.Applied));
        // Only errors are listed: the valid row is seen applied below.
        Assert.Equal(2, outcome.Errors.Count);
        Assert.Single(outcome.Errors, r => r.CaseId == open[1].Id);
        Assert.Single(outcome.Errors, r => r.CaseId is null && r.Message.Contains("找不到这一行", StringComparison.Ordinal));
        Assert.All(outcome.Errors, r => Assert.StartsWith("工作表“疑似失学辍学”", r.Message, StringComparison.Ordinal));
        await using var check = f.Context(UserScope.System);
        var done = await check.Cases.SingleAsync(c => c.Id == open[0].Id);
        Assert.Equal((CaseState.Submitted, "省外就读无学籍", "在广东东莞就读"), (done.State, done.Result, done.Note));
        Assert.Equal(CaseState.Open, (await check.Cases.SingleAsync(c => c.Id == open[1].Id)).State);
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteComparisonWorkbookFeedbackTests(SqliteDemoRound f) : ComparisonWorkbookFeedbackTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresComparisonWorkbookFeedbackTests(PostgresDemoRound f) : ComparisonWorkbookFeedbackTests<PostgresDemoRound>(f);
