using Bidui.Inputs;
using Bidui.Matching.Engine;
using Bidui.Matching.Records;

namespace Bidui.Pipeline;

/// <summary>
/// Streams one bound input into the engine: maps columns to cells once, then per row hands the
/// engine spans straight from the reader (no per-row copies here) and keeps the row accounting.
/// </summary>
internal static class InputLoader
{
    private const int ReportEvery = 50_000;

    public static InputAccount LoadPoverty(BoundTable t, ComparisonEngine engine, IProgressStep step) =>
        Load(t, RowFeed.Poverty(t), engine, step);

    public static InputAccount LoadAid(BoundTable t, ComparisonEngine engine, IProgressStep step) =>
        Load(t, RowFeed.Aid(t), engine, step);

    public static InputAccount LoadRegister(BoundTable t, int index, string label, ComparisonEngine engine, IProgressStep step) =>
        Load(t, RowFeed.Register(t, index, label), engine, step);

    public static InputAccount LoadStudents(BoundTable t, ComparisonEngine engine, IProgressStep step) =>
        Load(t, RowFeed.Students(t), engine, step);

    // The register and the registry are fed on the engine's own thread, which may prefetch their keys;
    // aid and the other registers are fed from a thread of their own (CompareJob) and look nothing up while they stream.
    private static InputAccount Load(BoundTable t, RowFeed feed, ComparisonEngine engine, IProgressStep step) =>
        Load(t, feed.Dataset, step, feed.Ordinals, row => feed.Add(row, engine), new IdCells(feed.IdType, feed.Id, engine.Settings.Today),
            feed.Dataset is Dataset.Aid or Dataset.Register ? null : engine.Prefetch, feed.Label);

    /// <summary>The loop every input shares: blank rows are counted here, the rest go to <paramref name="addRow"/>, which says loaded or rejected.</summary>
    /// <param name="ordinals">The columns <paramref name="addRow"/> reads (-1 for a column the file lacks).</param>
    /// <param name="ids">When given, resident IDs are judged on the reading thread (with read-ahead).</param>
    internal static InputAccount Load(BoundTable t, Dataset dataset, IProgressStep step, int[] ordinals, Func<ITabularReader, bool> addRow,
        IdCells? ids = null, Action<long>? prefetch = null, string? label = null)
    {
        var r = t.Reader;
        var account = new InputAccount(dataset, r.FilePath, r.FormatName, t.HeaderRowNumber, label);
        long nextReport = ReportEvery;
        void Row(ITabularReader row)
        {
            if (row.IsBlank)
            {
                account.Blank();
                return;
            }
            if (addRow(row)) account.Loaded(); else account.Rejected();
            if (account.RowsRead >= nextReport)
            {
                step.Report(account.RowsRead);
                nextReport += ReportEvery;
            }
        }

        // Rows are parsed on a second thread while the engine consumes them.
        ReadAhead.ForEachRow(t, ordinals, Row, ids, prefetch);
        account.RequireRows(r.SheetName);
        return account;
    }
}
