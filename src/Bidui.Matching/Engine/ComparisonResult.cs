using Bidui.Matching.Categories;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

/// <summary>Every computed list, the rejected rows and the notes of one comparison.</summary>
public sealed class ComparisonResult
{
    internal ComparisonResult(ComparisonSettings settings, IReadOnlyDictionary<Category, IReadOnlyList<ResultRow>> lists,
        IReadOnlyList<RejectedRow> rejects, IReadOnlyList<string> notes)
    {
        Settings = settings;
        Lists = lists;
        Rejects = rejects;
        Notes = notes;
    }

    public ComparisonSettings Settings { get; }
    /// <summary>Only the categories that were computed (aid lists only with an aid file).</summary>
    public IReadOnlyDictionary<Category, IReadOnlyList<ResultRow>> Lists { get; }
    public IReadOnlyList<RejectedRow> Rejects { get; }
    public IReadOnlyList<string> Notes { get; }
    /// <summary>The notes that count something, as numbers (the first lines of <see cref="Notes"/>), so that partial results can be added up.</summary>
    public IReadOnlyList<CountedNote> CountedNotes { get; init; } = [];
    /// <summary>The probabilistic tier's model (given or estimated); null with --exact-only.</summary>
    public Probabilistic.LinkageModel? Model { get; init; }
}

/// <summary>A note that counts rows or people: "{Count} {Unit}：{Text}".</summary>
public sealed record CountedNote(int Count, string Unit, string Text)
{
    public override string ToString() => $"{Count} {Unit}：{Text}";
}
