using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Tests;

/// <summary>
/// Bulk feedback through the page: a background job checks the workbook row by row and applies
/// nothing until all rows are valid or the user asks; bounded rows and errors; unreadable files
/// named as the user named them.
/// </summary>
public abstract partial class FeedbackPageTests<TFixture>(TFixture f) where TFixture : WebAppFixture
{
    [SkippableFact]
    public async Task Returned_workbook_is_checked_row_by_row_before_anything_is_applied()
    {
        TestStores.Require(f.Available);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "shaodong.xc", DemoAccounts.Password);
        // The template downloads as the page's form asks for it (GET with the handler as a field).
        var template = await client.GetAsync("/Feedback?handler=Template&RoundId=1");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(file, await template.Content.ReadAsByteArrayAsync());
        var rows = TestStores.ReadSheet(file);
        File.Delete(file);
        Assert.True(rows.Count >= 2, "the rural office has open cases");
        long good = long.Parse(rows[^1]["任务编号"], CultureInfo.InvariantCulture), bad = long.Parse(rows[^2]["任务编号"], CultureInfo.InvariantCulture);

        string csv = $"任务编号,核查结果,核查说明\n{good},其他,已电话核实\n{bad},乱写的结果,\n";
        string refused = await UploadAsync(client, csv, applyValid: false);
        Assert.Contains("未提交任何结果", refused, StringComparison.Ordinal);
        Assert.Contains("不在本清单的可选结果中", refused, StringComparison.Ordinal);
        Assert.Equal(CaseState.Open, await StateAsync(good));

        string applied = await UploadAsync(client, csv, applyValid: true);
        Assert.Contains("已提交 1 条", applied, StringComparison.Ordinal);
        Assert.Equal(CaseState.Submitted, await StateAsync(good));
        Assert.Equal(CaseState.Open, await StateAsync(bad));
    }

    [SkippableFact]
    public async Task Errors_shown_and_rows_read_are_capped()
    {
        TestStores.Require(f.Available);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "shaodong.xc", DemoAccounts.Password);
        var many = new StringBuilder("任务编号,核查结果\n");
        for (int i = 0; i < 250; i++) many.Append(CultureInfo.InvariantCulture, $"{900000000 + i},其他\n");
        string page = await UploadAsync(client, many.ToString(), applyValid: false);
        Assert.Contains("错误 250 行", page, StringComparison.Ordinal);
        Assert.Equal(200, RowPattern().Matches(page).Count);
        Assert.Contains("另有 50 行错误未列出", page, StringComparison.Ordinal);

        var tooMany = new StringBuilder("任务编号,核查结果\n");
        for (int i = 0; i <= Bidui.Workflow.Feedback.FeedbackWorkbook.MaxRows; i++) tooMany.Append("x,其他\n");
        string refused = await UploadAsync(client, tooMany.ToString(), applyValid: true);
        Assert.Contains("超过 20,000 行", refused, StringComparison.Ordinal);
        Assert.True(refused.Length < 20_000, $"the page holds {refused.Length} characters");
    }

    [SkippableFact]
    public async Task An_unreadable_workbook_is_named_as_the_user_named_it_never_by_a_server_path()
    {
        TestStores.Require(f.Available);
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "shaodong.xc", DemoAccounts.Password);
        // A zip's signature and then nothing a zip holds: a damaged xlsx.
        string page = await UploadAsync(client, "PK\u0003\u0004这不是工作簿", applyValid: false, fileName: "反馈（损坏）.xlsx");
        Assert.Contains("无法读取工作簿", page, StringComparison.Ordinal);
        Assert.Contains("反馈（损坏）.xlsx", page, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Store.DataDirectory, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), page, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp/", page, StringComparison.Ordinal);
    }

    /// <summary>Uploads, follows the redirect to the job, and polls until the job is done; returns the page with the outcome.</summary>
    private static async Task<string> UploadAsync(SignedInClient client, string content, bool applyValid, string fileName = "反馈.csv")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("1"), "RoundId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Workbook", fileName },
        };
        if (applyValid) form.Add(new StringContent("true"), "ApplyValidRows");
        var response = await client.PostMultipartAsync("/Feedback", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string location = response.Headers.Location!.OriginalString;
        Assert.Contains("job=", location, StringComparison.Ordinal);
        for (int i = 0; i < 600; i++)
        {
            string page = await client.GetStringAsync(location);
            if (!page.Contains("id=\"feedback-progress\"", StringComparison.Ordinal)) return page;
            await Task.Delay(100);
        }
        throw new TimeoutException("the feedback job did not finish");
    }

    private async Task<CaseState> StateAsync(long id)
    {
        await using var db = f.Context();
        return await db.Cases.Where(c => c.Id == id).Select(c => c.State).SingleAsync();
    }

    [GeneratedRegex("<td class=\"bad\">")]
    private static partial Regex RowPattern();
}

[Collection(SqliteWeb.Name)]
public sealed class SqliteFeedbackPageTests(SqliteWebApp f) : FeedbackPageTests<SqliteWebApp>(f);

[Collection(PostgresWeb.Name)]
public sealed class PostgresFeedbackPageTests(PostgresWebApp f) : FeedbackPageTests<PostgresWebApp>(f);
