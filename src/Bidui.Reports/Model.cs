namespace Bidui.Reports;

/// <summary>How a column's values are stored in a workbook. IDs, codes and row numbers of people are Text.</summary>
public enum CellKind : byte
{
    Text,
    Integer,
    Decimal,
}

/// <summary>A column of a sheet: its (Chinese) header and how its values are stored.</summary>
public sealed record SheetColumn(string Header, CellKind Kind = CellKind.Text);

/// <summary>One logical sheet; <see cref="Rows"/> is enumerated once, streaming.</summary>
public sealed record SheetSpec(string Name, IReadOnlyList<SheetColumn> Columns, IEnumerable<string?[]> Rows);

public sealed record ReportInput(string Dataset, string File, string Format, long RowsRead, long RowsBlank, long RowsRejected, long RowsLoaded);

public sealed record ReportCategory(string Code, string ChineseName, string WhoActs, long Count);

public sealed record ReportCountyRow(string CountyCode, string CountyName, IReadOnlyDictionary<string, long> CountsByCategory);

public sealed record ReportModel(
    string Title,
    DateTimeOffset GeneratedAt,
    DateOnly ReferenceDate,
    IReadOnlyList<ReportInput> Inputs,
    IReadOnlyList<ReportCategory> Categories,
    IReadOnlyList<ReportCountyRow> Counties,
    IReadOnlyList<string> Notes);
