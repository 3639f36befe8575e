namespace Bidui.Reports;

/// <summary>How a column's values are stored in a workbook. IDs, codes and row numbers of people are Text.</summary>
public enum CellKind : byte
{
    Text,
    Integer,
    Decimal,
}

/// <summary>A column of a sheet: its (Chinese) header and how its values are stored.</summary>
public sealed record SheetColumn(string Header, CellKind Kind = CellKind.Text)
{
    /// <summary>The values a person may pick (a drop-down on every row); null: free text.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>A column the recipient fills in (核查结果, 备注): its header is marked in another colour.</summary>
    public bool ForInput { get; init; }

    /// <summary>Prose: a wide column whose text wraps.</summary>
    public bool Wrap { get; init; }
}

/// <summary>One logical sheet; <see cref="Rows"/> is enumerated once, streaming.</summary>
public sealed record SheetSpec(string Name, IReadOnlyList<SheetColumn> Columns, IEnumerable<string?[]> Rows)
{
    /// <summary>An autofilter on the header row (lists); off for a sheet of prose.</summary>
    public bool Filter { get; init; } = true;
}

public sealed record ReportInput(string Dataset, string File, string Format, long RowsRead, long RowsBlank, long RowsRejected, long RowsLoaded);

/// <summary>A list in the report. <paramref name="AsksForAction"/>: someone must verify its rows (else it is kept for
/// the record, like 比对成功, and is neither charted nor totalled); the caller decides, this project knows no list.</summary>
public sealed record ReportCategory(string Code, string ChineseName, string WhoActs, long Count, bool AsksForAction = true);

public sealed record ReportCountyRow(string CountyCode, string CountyName, IReadOnlyDictionary<string, long> CountsByCategory);

public sealed record ReportModel(
    string Title,
    DateTimeOffset GeneratedAt,
    DateOnly ReferenceDate,
    IReadOnlyList<ReportInput> Inputs,
    IReadOnlyList<ReportCategory> Categories,
    IReadOnlyList<ReportCountyRow> Counties,
    IReadOnlyList<string> Notes)
{
    /// <summary>The money of the aid rows; null when no aid file was compared.</summary>
    public ReportFunds? Funds { get; init; }
    /// <summary>The comparison's county indicators, scores and ranks (docs/ASSESSMENT.md); null to leave the section out.</summary>
    public ReportAssessment? Assessment { get; init; }
}

/// <summary>Money of one county or project: paid, at risk, and the amount of each aid-row list (by list code).</summary>
public sealed record ReportMoneyRow(string Code, string Name, decimal Paid, decimal AtRisk, IReadOnlyDictionary<string, decimal> ByList);

/// <summary>One group of counties (key counties, the others): what the key-county comparison shows.</summary>
public sealed record ReportCountyGroup(string Name, long Counties, long PovertyPersons, long Matched, decimal AidToMatched, long AidMissing)
{
    public decimal AidPerMatched => Matched == 0 ? 0 : Math.Round(AidToMatched / Matched, 2, MidpointRounding.AwayFromZero);
    public decimal AidMissingPer100 => Matched == 0 ? 0 : Math.Round(AidMissing * 100m / Matched, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The funds section of the report: totals, the amount per aid-row list (code, name, amount), money at
/// risk by responsible county and by project, and the key counties against the rest (null without a list).
/// </summary>
public sealed record ReportFunds(
    decimal Total,
    decimal AtRisk,
    IReadOnlyList<(string Code, string Name, decimal Amount)> ByList,
    IReadOnlyList<ReportMoneyRow> Counties,
    IReadOnlyList<ReportMoneyRow> Projects,
    IReadOnlyList<ReportCountyGroup>? KeyCounties);
