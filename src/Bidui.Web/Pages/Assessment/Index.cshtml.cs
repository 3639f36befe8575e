using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Bidui.Assessment.Indicators;
using Bidui.Assessment.Scoring;
using Bidui.Inputs;
using Bidui.Pipeline.Publish;
using Bidui.Workflow.Access;
using Bidui.Workflow.Assessment;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Rounds;
using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bidui.Web.Pages.Assessment;

/// <summary>
/// 考核评估 of the province or a prefecture: every county ranked, sortable, key counties on their own, the trend
/// over rounds; the province uploads its key counties, exports 考核评估表.xlsx and publishes the open-data package.
/// </summary>
public sealed class IndexModel(AssessmentService assessments, RoundService rounds, AssessmentSettings settings, AssessmentWorkbook workbook,
    AuditLog audit, StoreOptions store) : AssessmentPageModel(assessments, rounds)
{
    [BindProperty(SupportsGet = true)] public int? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }

    public int RegionCode { get; private set; }
    public string RegionName { get; private set; } = "";
    public IReadOnlyList<CountyScore> Counties { get; private set; } = [];
    public IReadOnlyList<(int Code, string Name)> Prefectures { get; private set; } = [];
    public string ChartJson { get; private set; } = "{}";
    public string? Error { get; private set; }

    public static IReadOnlyList<IndicatorInfo> Shown => IndicatorInfo.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayView(Actor.Role)) return Forbid();
        if (SeesOneCounty(Actor)) return Redirect($"/Assessment/County?County={Actor.RegionCode}" + (RoundId is { } r ? $"&RoundId={r}" : ""));
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        await LoadAsync(RoundId, ct);
        RegionCode = Region is { } asked && Actor.Scope.Contains(asked) && asked % 100 == 0 ? asked : Actor.RegionCode;
        RegionName = Bidui.Workflow.Rounds.RegionSeeder.Name(Bidui.Core.Regions.RegionTable.Default, RegionCode);
        if (Assessment is null) return;
        var (min, max) = UserScope.RegionRange(RegionCode);
        Counties = [.. Assessment.Result.Counties.Where(c => c.County >= min && c.County <= max && Actor.Scope.Contains(c.County))
            .OrderBy(c => c.ProvinceRank ?? int.MaxValue).ThenBy(c => c.County)];
        // Every prefecture the user may see, whichever is shown now (the province's or a prefecture's own view).
        if (Actor.RegionCode % 10000 == 0)
            Prefectures = [.. Assessment.Result.Counties.Where(c => Actor.Scope.Contains(c.County)).Select(c => (c.Prefecture, c.PrefectureName)).Distinct().OrderBy(p => p.Prefecture)];
        ChartJson = TrendJson(Assessment, Counties.Select(c => c.County).ToHashSet(), RegionName);
    }

    /// <summary>
    /// Totals over rounds: a line per county when they are few enough to read, else the mean of the region and of
    /// its key counties.
    /// </summary>
    internal static string TrendJson(RoundAssessment a, IReadOnlySet<int> counties, string regionName)
    {
        const int MaxLines = 12;
        var rounds = a.Trend.Select(t => t.RoundName).ToList();
        static double? Mean(IEnumerable<CountyScore> scores)
        {
            var totals = scores.Where(s => s.Total is not null).Select(s => s.Total!.Value).ToList();
            return totals.Count == 0 ? null : Math.Round(totals.Average(), 2);
        }
        object[] series = counties.Count <= MaxLines
            ? [.. counties.Order().Select(c => new
            {
                name = a.County(c)?.CountyName ?? c.ToString(CultureInfo.InvariantCulture),
                values = a.Trend.Select(t => t.Counties.TryGetValue(c, out var s) && s.Total is { } v ? (double?)Math.Round(v, 2) : null),
            })]
            : [new { name = regionName + "各县平均", values = a.Trend.Select(t => Mean(t.Counties.Values.Where(s => counties.Contains(s.County)))) },
               new { name = "重点帮扶县平均", values = a.Trend.Select(t => Mean(t.Counties.Values.Where(s => counties.Contains(s.County) && s.IsKey))) }];
        return JsonSerializer.Serialize(new { title = "总分趋势", rounds, series }).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!MayView(Actor.Role) || SeesOneCounty(Actor)) return Forbid();
        await ShowAsync(ct);
        if (Assessment is null) return NotFound();
        var path = TempFile(".xlsx");
        try
        {
            await workbook.WriteAsync(Actor, Assessment, Counties, path, ct);
            return File(await System.IO.File.ReadAllBytesAsync(path, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AssessmentWorkbook.FileName);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public async Task<IActionResult> OnPostKeyCountiesAsync(IFormFile? file, CancellationToken ct)
    {
        if (!RoleInfo.ManagesRounds(Actor.Role)) return Forbid();
        if (file is null || file.Length == 0)
        {
            Error = "请选择重点帮扶县名单文件。";
            await ShowAsync(ct);
            return Page();
        }
        // Kept under its own extension only: the reader judges the content, the user's name is data.
        string ext = Path.GetExtension(Path.GetFileName(file.FileName)).ToLowerInvariant();
        var path = TempFile(ext is ".csv" or ".xlsx" or ".xls" or ".txt" ? ext : ".dat");
        try
        {
            await using (var target = System.IO.File.Create(path))
                await file.CopyToAsync(target, ct);
            var counties = settings.ReplaceKeyCounties(path);
            await audit.WriteAsync(Actor.UserName, "上传重点帮扶县名单", "考核评估", $"{Path.GetFileName(file.FileName)}；{counties.Count} 个县", ct);
            TempData["Message"] = $"重点帮扶县名单已更新：{counties.Count} 个县。";
            return Redirect("/Assessment" + (RoundId is { } r ? $"?RoundId={r}" : ""));
        }
        catch (InputFileException e)
        {
            Error = e.Message.Replace(path, file.FileName, StringComparison.Ordinal) + "（原名单未改变）";
            await ShowAsync(ct);
            return Page();
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>`bidui publish` for the round, as a zip: counts and rates only, with disclosure control (docs/PUBLISH.md).</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!RoleInfo.ManagesRounds(Actor.Role)) return Forbid();
        await LoadAsync(RoundId, ct);
        if (Assessment is null) return NotFound();
        string results = Path.Combine(store.RoundDirectory(Assessment.Round.Id), "results");
        string folder = Path.Combine(store.DataDirectory, "exports", Guid.NewGuid().ToString("N"));
        string zip = folder + ".zip";
        try
        {
            var outcome = await Task.Run(() => PublishJob.Run(results, folder), ct);
            ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Optimal, includeBaseDirectory: false, System.Text.Encoding.UTF8);
            await audit.WriteAsync(Actor.UserName, "发布公开数据", "批次 " + Assessment.Round.Id.ToString(CultureInfo.InvariantCulture),
                $"{outcome.Cells} 个单元格，公开 {outcome.Published}，抑制 {outcome.Primary + outcome.Secondary}（小计数 {outcome.Primary}，补充抑制 {outcome.Secondary}）", ct);
            return File(await System.IO.File.ReadAllBytesAsync(zip, ct), "application/zip", $"公开数据_{Assessment.Round.Id}.zip");
        }
        catch (InputFileException e)
        {
            Error = "不能发布：" + e.Message;
            await ShowAsync(ct);
            return Page();
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            System.IO.File.Delete(zip);
        }
    }

    private string TempFile(string extension)
    {
        var dir = Path.Combine(store.DataDirectory, "exports");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
    }

    public string CountyUrl(int county) => $"/Assessment/County?RoundId={Assessment?.Round.Id}&County={county}";
}
