using System.Globalization;
using System.Text.Json;
using Bidui.Assessment.Indicators;
using Bidui.Inputs;

namespace Bidui.Pipeline.Results;

/// <summary>One county's part of summary.json `counties`: rows per list and the bases of its indicators.</summary>
public sealed record CountySummary(
    IReadOnlyDictionary<string, long> Lists,
    long EducationRows,
    long RuralRows,
    long CompulsoryAge,
    long CompulsoryEnrolled,
    long AidStageStudents,
    long InvalidEducation,
    long InvalidRural,
    long ConflictEducation,
    long ConflictRural,
    decimal? AidPaid,
    decimal? MoneyAtRisk)
{
    public long List(string code) => Lists.GetValueOrDefault(code);

    /// <summary>What the indicators of docs/ASSESSMENT.md need of this county.</summary>
    public ComparisonCounts ToComparisonCounts(bool hasAid) => new()
    {
        DropoutSuspects = List("dropout_suspect"),
        CompulsoryAge = CompulsoryAge,
        HasAid = hasAid,
        AidMissing = List("aid_missing"),
        AidStageStudents = AidStageStudents,
        AidPaid = AidPaid,
        MoneyAtRisk = MoneyAtRisk,
        InvalidEducation = InvalidEducation,
        ConflictEducation = ConflictEducation,
        DuplicateEnrollment = List("duplicate_enrollment"),
        EducationRows = EducationRows,
        InvalidRural = InvalidRural,
        ConflictRural = ConflictRural,
        DuplicatePoverty = List("duplicate_poverty"),
        RuralRows = RuralRows,
    };
}

/// <summary>
/// A finished comparison's summary.json read back (SPEC §5 plus `counties`): what assessment and publish
/// start from. A folder without a summary.json, or one from before `counties` existed, is an input error.
/// </summary>
/// <param name="KeyCounties">The key counties the run was given (`--key-counties`, written under funds), else empty.</param>
public sealed record ResultsSummary(string Folder, DateOnly ReferenceDate, IReadOnlyDictionary<string, long> Categories,
    IReadOnlyDictionary<int, CountySummary> Counties, IReadOnlySet<int> KeyCounties)
{
    /// <summary>Whether aid was compared (aid_missing was computed).</summary>
    public bool HasAid => Categories.ContainsKey("aid_missing");

    public static ResultsSummary Read(string folder)
    {
        string path = Path.Combine(folder, ResultFiles.Summary);
        if (!File.Exists(path))
            throw new InputFileException($"结果目录“{folder}”中没有 summary.json：请指定 bidui compare 的输出目录（--out），且比对已完整结束。", path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            var date = DateOnly.ParseExact(root.GetProperty("reference_date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var categories = root.GetProperty("categories").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
            if (!root.TryGetProperty("counties", out var counties))
                throw new InputFileException($"“{path}”没有分县数据（counties）：它由旧版本的 Bidui 写出，请用当前版本重新运行 bidui compare。", path);
            var byCounty = new SortedDictionary<int, CountySummary>();
            foreach (var c in counties.EnumerateObject())
                byCounty[int.Parse(c.Name, CultureInfo.InvariantCulture)] = County(c.Value);
            var keyCounties = new HashSet<int>();
            if (root.TryGetProperty("funds", out var funds))
            {
                // Money per responsible county (SPEC §4.6, written by the funds outputs): the base of 资助精准率.
                foreach (var county in byCounty.Keys.ToList())
                    byCounty[county] = byCounty[county] with { AidPaid = 0, MoneyAtRisk = 0 };
                foreach (var f in funds.GetProperty("by_county").EnumerateArray())
                {
                    string code = f.GetProperty("county").GetString()!;
                    int county = code.Length == 0 ? 0 : int.Parse(code, CultureInfo.InvariantCulture);
                    if (byCounty.TryGetValue(county, out var cs))
                        byCounty[county] = cs with { AidPaid = f.GetProperty("paid").GetDecimal(), MoneyAtRisk = f.GetProperty("at_risk").GetDecimal() };
                }
                if (funds.TryGetProperty("key_counties", out var key) && key.TryGetProperty("counties", out var list))
                    keyCounties.UnionWith(list.EnumerateArray().Select(k => int.Parse(k.GetString()!, CultureInfo.InvariantCulture)));
            }
            return new ResultsSummary(folder, date, categories, byCounty, keyCounties);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputFileException($"“{path}”不是 bidui compare 写出的 summary.json（{e.Message}）：请指定比对的输出目录。", path);
        }
    }

    private static CountySummary County(JsonElement e)
    {
        long N(string name) => e.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        long Owner(string name, string owner) => e.TryGetProperty(name, out var v) && v.TryGetProperty(owner, out var o) ? o.GetInt64() : 0;
        return new CountySummary(
            e.GetProperty("lists").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
            N("education_rows"), N("rural_rows"), N("compulsory_age"), N("compulsory_enrolled"), N("aid_stage_students"),
            Owner("invalid_id", "education"), Owner("invalid_id", "rural"), Owner("field_conflict", "education"), Owner("field_conflict", "rural"),
            null, null);
    }

    /// <summary>Every known county's comparison indicators (county 0, unknown, left out).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<IndicatorValue>> Indicators() =>
        Counties.Where(kv => kv.Key != 0).ToDictionary(kv => kv.Key, kv => IndicatorCalculator.Comparison(kv.Value.ToComparisonCounts(HasAid)));
}
