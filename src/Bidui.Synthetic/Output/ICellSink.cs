namespace Bidui.Synthetic.Output;

/// <summary>Receives the cells of a file row by row, whatever the format.</summary>
internal interface ICellSink
{
    /// <summary>True for a workbook: numbers and dates can be typed cells.</summary>
    bool IsSpreadsheet { get; }

    void Text(ReadOnlySpan<char> value);

    void Empty();

    /// <summary>A numeric cell (a workbook) or the number as text.</summary>
    void Number(double value);

    /// <summary>A date cell (a workbook) or yyyy-MM-dd.</summary>
    void Date(DateOnly value);

    void EndRow();
}
