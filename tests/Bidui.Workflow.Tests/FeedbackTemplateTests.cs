using System.Globalization;
using System.IO.Compression;
using Bidui.Inputs;
using Bidui.Matching.Categories;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Feedback;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The feedback template as a county education office gets it: a sheet per list with its results as a drop-down, the return
/// reason, its schools' cases marked so it can answer for them; filled in by another writer (NPOI) and uploaded back.
/// </summary>
public abstract class FeedbackTemplateTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    private FeedbackWorkbook Workbook(BiduiDbContext db)
    {
        var audit = new AuditLog(db, f.Clock);
        return new FeedbackWorkbook(db, new CaseQueries(db, f.Clock), new CaseWorkflow(db, audit, f.Clock, f.Store), audit);
    }

    [SkippableFact]
    public async Task County_education_template_has_drop_downs_return_reasons_and_its_schools_cases_and_is_accepted_back()
    {
        TestStores.Require(f.Available);
        Case school, returned;
        await using (var all = f.Context(UserScope.System))
        {
            // Picked by position among 邵东市's school cases, not by state: cases of their own, whatever other tests did.
            var schoolCases = all.Cases.Where(c => c.RoundId == f.RoundId && c.CountyCode == DemoRoundFixture.Shaodong && c.Unit == Unit.School).OrderByDescending(c => c.Id);
            school = await schoolCases.Skip(3).FirstAsync();
            returned = await schoolCases.Skip(4).FirstAsync();
            Assert.Equal((Unit.School, CaseState.Open, CaseState.Open), (school.Unit, school.State, returned.State));
        }
        await using (var db = f.Context(f.ShaodongEducation.Scope))
        {
            var workflow = new CaseWorkflow(db, new AuditLog(db, f.Clock), f.Clock, f.Store);
            await workflow.SubmitAsync(f.ShaodongEducation, returned.Id, VerificationResults.For(returned.Category)[0], null);
            await workflow.ReturnAsync(f.ShaodongEducation, returned.Id, "请附离校证明");
        }

        string path = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        await using (var db = f.Context(f.ShaodongEducation.Scope))
            await Workbook(db).WriteTemplateAsync(f.ShaodongEducation, f.RoundId, path);

        // One sheet per list, then the guide and the choices; each list sheet's 核查结果 column has that list's drop-down.
        var sheets = TabularFile.SheetNames(path);
        Assert.Equal(["填写说明", "可选核查结果"], sheets.TakeLast(2));
        Assert.Contains(CategoryNames.Chinese(school.Category), sheets);
        Assert.Contains("疑似失学辍学", sheets);
        using (var zip = ZipFile.OpenRead(path))
        {
            int number = sheets.ToList().IndexOf("疑似失学辍学") + 1;
            using var reader = new StreamReader(zip.GetEntry($"xl/worksheets/sheet{number}.xml")!.Open());
            string xml = reader.ReadToEnd();
            Assert.Contains("<dataValidation", xml, StringComparison.Ordinal);
            Assert.Contains("确认辍学已劝返复学", xml, StringComparison.Ordinal);
        }

        XSSFWorkbook book;
        using (var input = File.OpenRead(path))
            book = new XSSFWorkbook(input);
        (IRow Row, Dictionary<string, int> Header) Find(string sheetName, long id)
        {
            var sheet = book.GetSheet(sheetName);
            var header = Enumerable.Range(0, sheet.GetRow(0).LastCellNum).ToDictionary(i => sheet.GetRow(0).GetCell(i).StringCellValue, i => i);
            for (int r = 1; r <= sheet.LastRowNum; r++)
                if (sheet.GetRow(r).GetCell(header["任务编号"]).StringCellValue == id.ToString(CultureInfo.InvariantCulture)) return (sheet.GetRow(r), header);
            throw new InvalidOperationException($"case {id} is not in sheet {sheetName}");
        }
        var (schoolRow, schoolHeader) = Find(CategoryNames.Chinese(school.Category), school.Id);
        Assert.Equal("是", schoolRow.GetCell(schoolHeader["学校任务"]).StringCellValue);
        var (returnedRow, header) = Find(CategoryNames.Chinese(returned.Category), returned.Id);
        Assert.Equal("请附离校证明", returnedRow.GetCell(header["退回原因"]).StringCellValue);
        Assert.Equal("是", returnedRow.GetCell(header["学校任务"]).StringCellValue);
        Assert.Equal("已退回", returnedRow.GetCell(header["状态"]).StringCellValue);
        Assert.Equal(VerificationResults.For(returned.Category)[0], returnedRow.GetCell(header["原核查结果"]).StringCellValue);
        Assert.True(returnedRow.GetCell(header["核查结果"]) is null or { CellType: CellType.Blank }, "a returned case's answer starts empty");

        void Set(IRow row, Dictionary<string, int> h, string column, string value) => (row.GetCell(h[column]) ?? row.CreateCell(h[column])).SetCellValue(value);
        Set(schoolRow, schoolHeader, "核查结果", VerificationResults.For(school.Category)[0]);
        Set(schoolRow, schoolHeader, "核查说明", "学校未反馈，县资助中心核实");
        // A value pasted over the drop-down: refused with the sheet, row and column.
        Set(returnedRow, header, "核查结果", "不在下拉框里");
        using (var output = File.Create(path))
            book.Write(output);

        await using (var db = f.Context(f.ShaodongEducation.Scope))
        {
            var refused = await Workbook(db).UploadAsync(f.ShaodongEducation, f.RoundId, path, applyValidRows: false);
            Assert.Equal((2, 1, false), (refused.Rows, refused.Valid, refused.AppliedAny));
            var error = Assert.Single(refused.Errors);
            Assert.Equal(returnedRow.RowNum + 1, error.RowNumber);
            string letter = ((char)('A' + header["核查结果"])).ToString();
            Assert.Contains($"工作表“{CategoryNames.Chinese(returned.Category)}”：“核查结果”列（{letter} 列）：", error.Message, StringComparison.Ordinal);

            var applied = await Workbook(db).UploadAsync(f.ShaodongEducation, f.RoundId, path, applyValidRows: true);
            Assert.Equal(1, applied.Applied);
        }
        await using (var check = f.Context(UserScope.System))
        {
            var answered = await check.Cases.SingleAsync(c => c.Id == school.Id);
            Assert.Equal((CaseState.Submitted, VerificationResults.For(school.Category)[0], Unit.School), (answered.State, answered.Result, answered.Unit));
            Assert.True(await check.CaseEvents.AnyAsync(e => e.CaseId == school.Id && e.UserName == f.ShaodongEducation.UserName && e.Action == AuditActions.Submit));
        }
        File.Delete(path);

        // A school's own template has no 学校任务 column; the rural office's holds no school case.
        string own = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        await using (var db = f.Context(f.School.Scope))
            await Workbook(db).WriteTemplateAsync(f.School, f.RoundId, own);
        Assert.False(TestStores.ReadSheet(own).FirstOrDefault()?.ContainsKey("学校任务") ?? false);
        File.Delete(own);
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteFeedbackTemplateTests(SqliteDemoRound f) : FeedbackTemplateTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresFeedbackTemplateTests(PostgresDemoRound f) : FeedbackTemplateTests<PostgresDemoRound>(f);
