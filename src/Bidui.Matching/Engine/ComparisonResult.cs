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
    /// <summary>The bases of the county indicators (rows, children of compulsory age, students of aid stages, invalid rows by owner).</summary>
    public CountyBases Bases { get; init; } = new();
    /// <summary>The money of the aid rows (SPEC §4.6); empty without an aid file.</summary>
    public Supervision.FundsTally Funds { get; init; } = new();
    /// <summary>The probabilistic tier's model (given or estimated); null with --exact-only.</summary>
    public Probabilistic.LinkageModel? Model { get; init; }

    /// <summary>
    /// One result from the results of engines that were each given all rows of some keys (exact tier):
    /// every list merged into one engine's order (<see cref="ListOrder"/>), rejects in file order
    /// (datasets as one engine lists them), counted notes added up.
    /// </summary>
    public static ComparisonResult Merge(IReadOnlyList<ComparisonResult> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        if (parts.Count == 1)
            return parts[0];
        var first = parts[0];
        if (!first.Settings.ExactOnly)
            throw new InvalidOperationException("Only results of the exact tier can be merged: the probabilistic tier compares across keys.");
        var lists = new Dictionary<Category, IReadOnlyList<ResultRow>>();
        foreach (var category in first.Lists.Keys)
            lists[category] = MergeList(category, parts.Select(p => p.Lists[category]).ToList());
        var rejects = parts.SelectMany(p => p.Rejects).OrderBy(RejectOrder).ThenBy(r => r.Row).ToList();
        var counted = SumNotes(parts.SelectMany(p => p.CountedNotes));
        return new ComparisonResult(first.Settings, lists, rejects, counted.Select(n => n.ToString()).ToList())
        {
            CountedNotes = counted, Funds = Supervision.FundsTally.Merge(parts.Select(p => p.Funds)),
            Bases = CountyBases.Merge(parts.Select(p => p.Bases)),
        };
    }

    private static List<ResultRow> MergeList(Category category, List<IReadOnlyList<ResultRow>> lists)
    {
        var merged = new List<ResultRow>(lists.Sum(l => l.Count));
        var at = new int[lists.Count];
        while (true)
        {
            int best = -1;
            long bestKey = 0;
            for (int i = 0; i < lists.Count; i++)
            {
                if (at[i] == lists[i].Count)
                    continue;
                long key = ListOrder.KeyOf(category, lists[i][at[i]]);
                if (best < 0 || key < bestKey)
                    (best, bestKey) = (i, key);
            }
            if (best < 0)
                return merged;
            merged.Add(lists[best][at[best]++]);
        }
    }

    /// <summary>Rejected rows are listed register, aid, the other registers, registry (the order the inputs are read).</summary>
    public static int RejectOrder(RejectedRow r) => r.Source switch
    {
        Dataset.Poverty => 0,
        Dataset.Aid => 1,
        Dataset.Register => 2 + r.RegisterIndex,
        _ => 2 + Engine.ComparisonEngine.MaxRegisters,
    };

    /// <summary>Adds up notes of the same kind; counted rows before counted people, then by text, as one engine lists them.</summary>
    public static List<CountedNote> SumNotes(IEnumerable<CountedNote> notes)
    {
        var sums = new List<CountedNote>();
        foreach (var n in notes)
        {
            int i = sums.FindIndex(s => s.Unit == n.Unit && s.Text == n.Text);
            if (i < 0)
                sums.Add(n);
            else
                sums[i] = sums[i] with { Count = sums[i].Count + n.Count };
        }
        return [.. sums.OrderBy(s => s.Unit == "人" ? 1 : 0).ThenBy(s => s.Text, StringComparer.Ordinal)];
    }
}

/// <summary>A note that counts rows or people: "{Count} {Unit}：{Text}".</summary>
public sealed record CountedNote(int Count, string Unit, string Text)
{
    public override string ToString() => $"{Count} {Unit}：{Text}";
}
