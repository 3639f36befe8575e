using System.Diagnostics;
using System.Globalization;
using Bidui.Pipeline;
using Bidui.Synthetic.Linkage;

namespace Bidui.Accuracy;

/// <summary>One run of the comparison job and the pairs it produced, judged against the truth.</summary>
internal sealed record RunResult(IReadOnlyList<(int Poverty, int Student)> Accepted, IReadOnlyList<(int Poverty, int Student)> Review,
    TimeSpan Elapsed);

internal static class Evaluation
{
    public static readonly DateOnly ReferenceDate = new(2026, 8, 31);

    public static RunResult Run(LinkageFiles files, string outDir, bool exactOnly)
    {
        var clock = Stopwatch.StartNew();
        var outcome = CompareJob.Run(new CompareRequest(files.StudentsPath, files.PovertyPath, null, outDir)
        {
            ReferenceDate = ReferenceDate,
            Today = new DateOnly(2026, 11, 29),
            ExactOnly = exactOnly,
        });
        var elapsed = clock.Elapsed;
        if (outcome.Model is { } model)
            File.WriteAllText(Path.Combine(outDir, "model.json"), model.ToJson());
        var review = exactOnly ? [] : Pairs(Path.Combine(outDir, "review.csv"));
        return new RunResult(Pairs(Path.Combine(outDir, "matched.csv")), review, elapsed);
    }

    /// <summary>(乡村振兴行号, 学籍行号) of every row of a list.</summary>
    private static List<(int, int)> Pairs(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int p = Array.IndexOf(header, "乡村振兴行号"), s = Array.IndexOf(header, "学籍行号");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(c => (int.Parse(c[p], CultureInfo.InvariantCulture), int.Parse(c[s], CultureInfo.InvariantCulture)))];
    }

    /// <summary>Row number → (entity, faults written into the row) of a truth file.</summary>
    public static Dictionary<int, (int Entity, string[] Faults)> Truth(string truthCsv) =>
        File.ReadLines(truthCsv).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture),
                c => (int.Parse(c[1], CultureInfo.InvariantCulture), c.Length > 2 && c[2].Length > 0 ? c[2].Split(';') : Array.Empty<string>()));
}
