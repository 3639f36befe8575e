using System.Globalization;
using System.Net;
using System.Text;
using Bidui.Web.Demo;
using Bidui.Workflow.Store;
using Bidui.Workflow.Tests;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Web.Tests;

/// <summary>Bulk feedback through the page: errors per row, nothing applied until all rows are valid or the user asks.</summary>
[Collection(SqliteWeb.Name)]
public sealed class FeedbackPageTests(SqliteWebApp f)
{
    [Fact]
    public async Task Returned_workbook_is_checked_row_by_row_before_anything_is_applied()
    {
        using var client = await SignedInClient.SignInAsync(f.BaseAddress, "shaodong.xc", DemoAccounts.Password);
        var template = await client.GetAsync("/Feedback?handler=Template&RoundId=1");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(file, await template.Content.ReadAsByteArrayAsync());
        var rows = TestStores.ReadSheet(file);
        File.Delete(file);
        Assert.True(rows.Count >= 2, "the rural office has open cases");
        long good = long.Parse(rows[0]["任务编号"], CultureInfo.InvariantCulture), bad = long.Parse(rows[1]["任务编号"], CultureInfo.InvariantCulture);

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

    private static async Task<string> UploadAsync(SignedInClient client, string csv, bool applyValid)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("1"), "RoundId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Workbook", "反馈.csv" },
        };
        if (applyValid) content.Add(new StringContent("true"), "ApplyValidRows");
        var response = await client.PostMultipartAsync("/Feedback", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<CaseState> StateAsync(long id)
    {
        await using var db = f.Context();
        return await db.Cases.Where(c => c.Id == id).Select(c => c.State).SingleAsync();
    }
}
