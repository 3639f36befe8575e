using System.Reflection;

namespace Bidui.Synthetic;

/// <summary>A county-level division of GB/T 2260.</summary>
/// <param name="Code">6-digit code.</param>
/// <param name="Name">Name, e.g. 隆回县.</param>
/// <param name="Prefecture">Prefecture-level division, e.g. 邵阳市.</param>
/// <param name="InUse">Whether the code is in use.</param>
/// <param name="AbolishedYear">Year it was abolished (0 when in use).</param>
/// <param name="Successors">In-use codes that took over (abolished codes only; dated partial transfers left out).</param>
internal sealed record Region(int Code, string Name, string Prefecture, bool InUse, int AbolishedYear, int[] Successors)
{
    public int Province => Code / 10_000;

    public string ProvinceName => Province switch
    {
        43 => "湖南省",
        44 => "广东省",
        52 => "贵州省",
        _ => throw new InvalidOperationException($"No province name for {Code}."),
    };

    /// <summary>Districts are named after their city in school names (邵阳市双清区第一中学).</summary>
    public bool IsDistrict => Name.EndsWith('区');
}

/// <summary>
/// The embedded county table (Data/regions.csv, see the README for the command that made it from
/// shared/data/areacodes.csv): in-use county-level codes of 湖南 (43), 广东 (44) and 贵州 (52), and
/// the abolished county-level codes of 湖南.
/// </summary>
internal static class Regions
{
    /// <summary>A code that is in no edition of GB/T 2260 (checked against areacodes.csv).</summary>
    public const int UnknownCode = 430599;

    private static readonly Lazy<IReadOnlyList<Region>> AllRegions = new(Load);

    public static IReadOnlyList<Region> All => AllRegions.Value;

    public static IReadOnlyList<Region> InUse(int province)
        => [.. All.Where(r => r.InUse && r.Province == province)];

    public static Region ByCode(int code) => All.First(r => r.Code == code && r.InUse);

    /// <summary>
    /// The abolished code a county had before <paramref name="code"/> (abolished in or after 2000),
    /// e.g. 430521 邵东县 until 2019 for 430582 邵东市; null when there is none.
    /// </summary>
    public static Region? Predecessor(int code) => Predecessors.Value.GetValueOrDefault(code);

    private static readonly Lazy<Dictionary<int, Region>> Predecessors = new(() =>
    {
        var map = new Dictionary<int, Region>();
        foreach (var r in All.Where(r => !r.InUse && r.AbolishedYear >= 2000).OrderBy(r => r.AbolishedYear))
        {
            foreach (var s in r.Successors)
            {
                map[s] = r;
            }
        }

        return map;
    });

    private static List<Region> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Bidui.Synthetic.Data.regions.csv")
            ?? throw new InvalidOperationException("The embedded region table is missing.");
        using var reader = new StreamReader(stream);
        var list = new List<Region>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            int[] successors = f[3] == "在用"
                ? []
                : [.. f[5].Split(';', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.Contains('[', StringComparison.Ordinal)).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            list.Add(new Region(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                f[1],
                f[2],
                f[3] == "在用",
                f[4].Length == 0 ? 0 : int.Parse(f[4], CultureInfo.InvariantCulture),
                successors));
        }

        return list;
    }
}
