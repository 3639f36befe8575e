namespace Bidui.Inputs;

/// <summary>The columns of one dataset of SPEC 1, with the aliases accepted for each.</summary>
public sealed partial class DatasetSchema
{
    private DatasetSchema(string datasetName, IReadOnlyList<ColumnSpec> columns, IReadOnlyList<IReadOnlyList<string>> requiredGroups)
    {
        DatasetName = datasetName;
        Columns = columns;
        RequiredGroups = requiredGroups;
    }

    /// <summary>学籍 / 乡村振兴 / 资助.</summary>
    public string DatasetName { get; }

    public IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>Each group: at least one of these canonical columns must be present.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredGroups { get; }

    public static DatasetSchema Students { get; } = null!;

    public static DatasetSchema Poverty { get; } = null!;

    public static DatasetSchema Aid { get; } = null!;

    /// <summary>
    /// Header text reduced for matching: NFKC, all white space removed (also U+3000 and line breaks),
    /// '*' removed, bracketed notes （…）(…)【…】[…] removed.
    /// </summary>
    public static string NormalizeHeader(string cell) => throw new NotImplementedException();
}
