using System.Globalization;
using System.Text.Json;
using Bidui.Core.Identity;
using Bidui.Inputs;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Rounds;

/// <summary>Reads one list CSV written by CompareJob and turns each row into an unsaved case.</summary>
internal static class CaseRowReader
{
    private static readonly string[] NameColumns = ["姓名", "学籍姓名", "资助姓名"];
    private static readonly string[] IdColumns = ["证件号码", "学籍身份证件号", "资助身份证件号"];
    private static readonly string[] SchoolCodeColumns = ["学校标识码", "资助学校标识码"];
    private static readonly string[] SchoolNameColumns = ["学校名称", "资助学校名称", "所在单位"];

    public static IEnumerable<Case> Read(string path, string category, Round round, DateOnly today, DateTime now)
    {
        using var reader = TabularFile.Open(path);
        if (!reader.Read()) yield break;
        var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
        var index = headers.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        // The lists mark text a spreadsheet would run as a formula (SPEC §5); the case shows it as it was.
        string Text(int i) => Bidui.Reports.FormulaSafety.Unescape(reader.GetString(i));
        string Cell(string column) => index.TryGetValue(column, out int i) ? Text(i).Trim() : "";
        string First(string[] columns) => columns.Select(Cell).FirstOrDefault(v => v.Length > 0) ?? "";

        while (reader.Read())
        {
            if (reader.IsBlank) continue;
            var details = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < headers.Length; i++) details[headers[i]] = Text(i);
            string name = First(NameColumns);
            string id = First(IdColumns);
            int county = CountyOf(Cell("责任县代码"), round.ProvinceCode);
            string schoolCode = First(SchoolCodeColumns);
            var (township, village) = TownshipOf(Cell("户籍县级代码"), county, Cell("乡镇"), Cell("村"));
            _ = int.TryParse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture, out int sourceRow);
            if (sourceRow == 0) _ = int.TryParse(Cell("来源行号"), NumberStyles.None, CultureInfo.InvariantCulture, out sourceRow);
            yield return new Case
            {
                RoundId = round.Id,
                Category = category,
                SourceRow = sourceRow,
                PersonKey = PersonKey(name, id, today),
                PersonName = name,
                IdNumber = id,
                CountyCode = county,
                CountyName = Cell("责任县") is { Length: > 0 } cn ? cn : "（责任县不明）",
                SchoolCode = schoolCode.Length > 0 ? schoolCode : null,
                SchoolName = First(SchoolNameColumns) is { Length: > 0 } sn ? sn : null,
                Township = township,
                Village = village,
                Unit = UnitOf(category, Cell("来源数据"), schoolCode.Length > 0),
                Reason = Cell("原因") is { Length: > 0 } r ? r : null,
                Details = JsonSerializer.Serialize(details),
                State = CaseState.Open,
                CreatedAt = now,
            };
        }
    }

    /// <summary>The responsible county; unknown goes to the province, whose administrator dispatches it.</summary>
    public static int CountyOf(string cell, int provinceCode) =>
        int.TryParse(cell.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int county) && county > 0 ? county : provinceCode * 10000;

    /// <summary>
    /// The household's 乡镇 and 村, kept only when the household is in the responsible county (a township
    /// account of that county then sees the case); a village without its township is not kept either.
    /// </summary>
    public static (string? Township, string? Village) TownshipOf(string householdCounty, int responsibleCounty, string township, string village)
    {
        if (township.Length == 0 || !int.TryParse(householdCounty, NumberStyles.None, CultureInfo.InvariantCulture, out int county) || county != responsibleCounty)
            return (null, null);
        return (Clip(township), village.Length > 0 ? Clip(village) : null);
    }

    private static string Clip(string s) => s.Length <= 100 ? s : s[..100];

    /// <summary>The normalised ID when valid; otherwise the name with the ID as written, so rounds still link.</summary>
    public static string PersonKey(string name, string id, DateOnly today)
    {
        var parsed = ResidentId.Parse(id, today);
        return parsed.HasKey ? ResidentId.Format(parsed.Key) : name + "|" + ResidentId.Normalize(id);
    }

    /// <summary>SPEC §4 "who acts", mapped to the units that exist here (docs/WORKFLOW.md).</summary>
    public static Unit UnitOf(string category, string source, bool hasSchool) => category switch
    {
        "aid_missing" or "duplicate_enrollment" or "aid_duplicate" or "aid_ineligible" or "aid_not_enrolled" or "aid_stage_mismatch" or "aid_amount_anomaly"
            => hasSchool ? Unit.School : Unit.Education,
        "status_mismatch" or "duplicate_poverty" => Unit.Rural,
        "invalid_id" or "field_conflict" => source == "乡村振兴" ? Unit.Rural : Unit.Education,
        _ => Unit.Education,
    };
}
