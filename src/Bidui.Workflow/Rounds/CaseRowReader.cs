using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Bidui.Core.Identity;
using Bidui.Inputs;
using Bidui.Workflow.Store;

namespace Bidui.Workflow.Rounds;

/// <summary>One list row as the importer writes it: a plain row, reused from row to row (no entity, no tracking).</summary>
internal sealed class CaseRow
{
    public string Category { get; set; } = "";
    public int SourceRow { get; set; }
    public string PersonKey { get; set; } = "";
    public string PersonName { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public string? StudentNo { get; set; }
    public int CountyCode { get; set; }
    public string CountyName { get; set; } = "";
    public string? SchoolCode { get; set; }
    public string? SchoolName { get; set; }
    public string? Township { get; set; }
    public string? Village { get; set; }
    public Unit Unit { get; set; }
    public string? Reason { get; set; }
    public string Details { get; set; } = "{}";
    public Linkage Linkage { get; set; }
    public int RoundsSeen { get; set; } = 1;
    public long? PreviousCaseId { get; set; }

    /// <summary>A copy to keep (the reader reuses this row for the next one).</summary>
    public CaseRow Clone() => (CaseRow)MemberwiseClone();
}

/// <summary>Reads one list CSV written by CompareJob, row by row, into one reused <see cref="CaseRow"/>.</summary>
internal static class CaseRowReader
{
    private static readonly string[] NameColumns = ["姓名", "学籍姓名", "资助姓名"];
    private static readonly string[] IdColumns = ["证件号码", "学籍身份证件号", "资助身份证件号"];
    private static readonly string[] SchoolCodeColumns = ["学校标识码", "资助学校标识码"];
    private static readonly string[] SchoolNameColumns = ["学校名称", "资助学校名称", "所在单位"];
    private static readonly string[] StudentNoColumns = ["学籍号", "全国学籍号"];

    public static IEnumerable<CaseRow> Read(string path, string category, Round round, DateOnly today)
    {
        using var reader = TabularFile.Open(path);
        if (!reader.Read()) yield break;
        var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
        var index = headers.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        // Details hold each header once, in the order first seen, with its last cell (as a dictionary would).
        var detailColumns = headers.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.Ordinal).Select(g => (Header: g.Key, At: g.Last().i)).ToArray();
        var encodedHeaders = detailColumns.Select(c => JsonEncodedText.Encode(c.Header)).ToArray();
        // The lists mark text a spreadsheet would run as a formula (SPEC §5); the case shows it as it was.
        string Text(int i) => Bidui.Reports.FormulaSafety.Unescape(reader.GetString(i));
        string Cell(string column) => index.TryGetValue(column, out int i) ? Text(i).Trim() : "";
        string First(string[] columns)
        {
            foreach (var column in columns)
                if (Cell(column) is { Length: > 0 } value) return value;
            return "";
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        // Chinese text as itself, not \uXXXX: half the bytes to store. Still escaped: the HTML-sensitive characters
        // (the JSON is parsed before it is shown, never placed in a page as it is).
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        var row = new CaseRow { Category = category };
        while (reader.Read())
        {
            if (reader.IsBlank) continue;
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            for (int c = 0; c < detailColumns.Length; c++) json.WriteString(encodedHeaders[c], Text(detailColumns[c].At));
            json.WriteEndObject();
            json.Flush();

            string name = First(NameColumns);
            string id = First(IdColumns);
            string schoolCode = First(SchoolCodeColumns);
            int county = CountyOf(Cell("责任县代码"), round.ProvinceCode);
            var (township, village) = TownshipOf(Cell("户籍县级代码"), county, Cell("乡镇"), Cell("村"));
            _ = int.TryParse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture, out int sourceRow);
            if (sourceRow == 0) _ = int.TryParse(Cell("来源行号"), NumberStyles.None, CultureInfo.InvariantCulture, out sourceRow);
            row.SourceRow = sourceRow;
            // Cells longer than their column (a school name in the code column, a paragraph in 乡镇) are cut to fit: the
            // whole cell stays in the details the case page shows. PostgreSQL refused the whole import for one such cell.
            row.PersonKey = Fit(PersonKey(name, id, today), MaxPersonKey)!;
            row.PersonName = name;
            row.IdNumber = id;
            row.StudentNo = Fit(First(StudentNoColumns) is { Length: > 0 } no ? no.ToUpperInvariant() : null, MaxStudentNo);
            row.CountyCode = county;
            row.CountyName = Cell("责任县") is { Length: > 0 } cn ? cn : "（责任县不明）";
            row.SchoolCode = Fit(schoolCode.Length > 0 ? schoolCode : null, MaxSchoolCode);
            row.SchoolName = Fit(First(SchoolNameColumns) is { Length: > 0 } sn ? sn : null, MaxSchoolName);
            row.Township = Fit(township, MaxPlace);
            row.Village = Fit(village, MaxPlace);
            row.Unit = UnitOf(category, Cell("来源数据"), schoolCode.Length > 0);
            row.Reason = Cell("原因") is { Length: > 0 } r ? r : null;
            row.Details = Encoding.UTF8.GetString(buffer.WrittenSpan);
            row.Linkage = Linkage.New;
            row.RoundsSeen = 1;
            row.PreviousCaseId = null;
            yield return row;
        }
    }

    // The store's column sizes (BiduiDbContext): cases' PersonKey, StudentNo, SchoolCode, Township, Village; schools' Name.
    internal const int MaxPersonKey = 200, MaxStudentNo = 40, MaxSchoolCode = 20, MaxPlace = 100, MaxSchoolName = 200;

    /// <summary>The value cut to at most <paramref name="max"/> characters, never between the halves of a surrogate pair.</summary>
    internal static string? Fit(string? value, int max)
    {
        if (value is null || value.Length <= max) return value;
        int end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..end];
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
