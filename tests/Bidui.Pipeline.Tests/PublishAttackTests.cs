using System.Text.Json;
using Bidui.Core.Regions;
using Bidui.Disclosure;
using Bidui.Pipeline.Publish;
using Bidui.Pipeline.Results;
using Bidui.Synthetic;

namespace Bidui.Pipeline.Tests;

/// <summary>
/// Attacks the open-data package as a reader would: from the published JSON alone it rebuilds every
/// relation the package states (合计 = Σ columns, a region = Σ its sub-regions, a total that is another
/// table's figure, rates), then (1) differences out every suppressed cell it can, (2) solves the linear
/// system exactly for any cell it determines, (3) bounds every suppressed cell by linear programming with
/// every hidden cell at least 1. It must recover none, and no small cell may be bounded below k.
/// </summary>
public sealed class PublishAttackTests : IDisposable
{
    private static readonly DateOnly Reference = new(2026, 8, 31);
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-publish-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Results(int seed, DemoSize size = DemoSize.Small)
    {
        var files = DemoGenerator.Generate(Path.Combine(_dir, $"in{size}{seed}"), new DemoOptions(size, seed, Reference, Today));
        string results = Path.Combine(_dir, $"results{size}{seed}");
        CompareJob.Run(new CompareRequest(files.StudentsPath, files.PovertyPath, files.AidPath, results) { ReferenceDate = Reference, Today = Today });
        return results;
    }

    /// <summary>A published cell: table, region row and column, and its value (null when suppressed).</summary>
    private sealed record Seen(string Table, string Region, int Column, long? Value);

    [Theory]
    [InlineData(DemoSize.Small, 1, 10)]
    [InlineData(DemoSize.Small, 2, 10)]
    [InlineData(DemoSize.Small, 1, 25)]
    [InlineData(DemoSize.County, 1, 10)]
    public void The_attacker_recovers_no_suppressed_cell_of_the_demo_package(DemoSize size, int seed, int k)
    {
        string results = Results(seed, size);
        string outDir = Path.Combine(_dir, $"pub{size}{seed}-{k}");
        var outcome = PublishJob.Run(results, outDir, k);
        Assert.True(outcome.Primary > 0, "the demo has small cells: the attack must have something to attack");
        Assert.True(outcome.Secondary > 0);
        var truth = OpenDataBuilder.Build(ResultsSummary.Read(results), RegionTable.Default, k);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, PublishJob.Json)));
        var attack = Attack(doc.RootElement, truth, k);
        Assert.Equal(outcome.Primary + outcome.Secondary, attack.Hidden);
        Assert.Empty(attack.Differenced);
        Assert.Empty(attack.Determined);
        Assert.Empty(attack.Narrowed);
    }

    [Fact]
    public void The_same_attack_breaks_a_package_with_primary_suppression_only()
    {
        // Without complements the small cells fall to differencing: the attack is able to find what it looks for.
        string results = Results(1);
        string outDir = Path.Combine(_dir, "pub-primary-only");
        PublishJob.Run(results, outDir, 10);
        var truth = OpenDataBuilder.Build(ResultsSummary.Read(results), RegionTable.Default, 10);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, PublishJob.Json)))!;
        foreach (var t in json["tables"]!.AsArray())
        {
            var table = truth.Tables.Single(x => x.Code == t!["code"]!.GetValue<string>());
            foreach (var row in t!["rows"]!.AsArray())
            {
                int region = truth.Regions.ToList().FindIndex(r => r.Code == row!["region"]!.GetValue<string>());
                var values = row!["values"]!.AsArray();
                for (int c = 0; c < values.Count; c++)
                {
                    long v = truth.Problem.Values[table.Cells[region, c]];
                    if (values[c] is null && v >= 10)
                        values[c] = v; // put the complements back
                }
            }
        }
        using var doc = JsonDocument.Parse(json.ToJsonString());
        var attack = Attack(doc.RootElement, truth, 10);
        Assert.NotEmpty(attack.Differenced);
        Assert.NotEmpty(attack.Determined);
    }

    /// <summary>What the attack found: cells recovered by differencing, determined by the linear system, or bounded too tightly.</summary>
    private sealed record AttackResult(int Hidden, List<string> Differenced, List<string> Determined, List<string> Narrowed);

    private static AttackResult Attack(JsonElement root, OpenDataPackage truth, int k)
    {
        var parentOf = root.GetProperty("regions").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!,
            r => r.GetProperty("parent").ValueKind == JsonValueKind.Null ? null : r.GetProperty("parent").GetString());
        var cells = new List<Seen>();
        var id = new Dictionary<(string, string, int), int>();
        var equations = new List<(int Total, int[] Parts)>();
        var equalities = new List<(int, int)>();
        foreach (var t in root.GetProperty("tables").EnumerateArray())
        {
            string code = t.GetProperty("code").GetString()!;
            var columns = t.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            int? total = t.GetProperty("total_column").ValueKind == JsonValueKind.Null ? null : t.GetProperty("total_column").GetInt32();
            foreach (var row in t.GetProperty("rows").EnumerateArray())
            {
                string region = row.GetProperty("region").GetString()!;
                var values = row.GetProperty("values").EnumerateArray().ToList();
                for (int c = 0; c < columns.Count; c++)
                {
                    id[(code, region, c)] = cells.Count;
                    cells.Add(new Seen(code, region, c, values[c].ValueKind == JsonValueKind.Null ? null : values[c].GetInt64()));
                }
                if (total is { } tc)
                    equations.Add((id[(code, region, tc)], [.. Enumerable.Range(0, columns.Count).Where(c => c != tc).Select(c => id[(code, region, c)])]));
                // Rates: a published rate must never stand beside a hidden numerator or denominator.
                var rates = t.GetProperty("rates").EnumerateArray().ToList();
                var rateValues = row.GetProperty("rates").EnumerateArray().ToList();
                for (int r = 0; r < rates.Count; r++)
                {
                    if (rateValues[r].ValueKind == JsonValueKind.Null)
                        continue;
                    Assert.NotEqual(JsonValueKind.Null, values[rates[r].GetProperty("numerator_column").GetInt32()].ValueKind);
                    Assert.NotEqual(JsonValueKind.Null, values[rates[r].GetProperty("denominator_column").GetInt32()].ValueKind);
                    Assert.True(values[rates[r].GetProperty("denominator_column").GetInt32()].GetInt64() >= k);
                }
            }
            foreach (var parent in parentOf.Values.Where(p => p is not null).Distinct())
            {
                var children = parentOf.Where(kv => kv.Value == parent).Select(kv => kv.Key).ToList();
                for (int c = 0; c < columns.Count; c++)
                    equations.Add((id[(code, parent!, c)], [.. children.Select(ch => id[(code, ch, c)])]));
            }
            if (t.GetProperty("total_same_as").GetString() is { } same)
            {
                var parts = same.Split('/');
                var other = root.GetProperty("tables").EnumerateArray().Single(x => x.GetProperty("code").GetString() == parts[0]);
                int otherColumn = other.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(parts[1]);
                foreach (var region in parentOf.Keys)
                    equalities.Add((id[(code, region, total!.Value)], id[(parts[0], region, otherColumn)]));
            }
        }
        var hidden = Enumerable.Range(0, cells.Count).Where(i => cells[i].Value is null).ToList();
        int hiddenFigures = hidden.Count - equalities.Count(e => cells[e.Item1].Value is null);

        // The truth judges the attack (the attacker does not see it).
        long TrueValue(int cell)
        {
            var s = cells[cell];
            var table = truth.Tables.Single(t => t.Code == s.Table);
            int region = truth.Regions.ToList().FindIndex(r => r.Code == s.Region);
            return truth.Problem.Values[table.Cells[region, s.Column]];
        }

        // 1. Differencing: any relation with one unknown gives it; repeat until nothing more comes.
        var known = cells.Select(c => c.Value).ToArray();
        foreach (var (a, b) in equalities)
            (known[a], known[b]) = (known[a] ?? known[b], known[b] ?? known[a]);
        var relations = equations.Select(e => (e.Total, e.Parts)).ToList();
        bool progress = true;
        var recovered = new List<int>();
        while (progress)
        {
            progress = false;
            foreach (var (total, parts) in relations)
            {
                var unknown = parts.Prepend(total).Where(x => known[x] is null).Distinct().ToList();
                if (unknown.Count != 1)
                    continue;
                int u = unknown[0];
                long sum = parts.Where(p => p != u).Sum(p => known[p]!.Value);
                known[u] = u == total ? sum : known[total]!.Value - sum;
                recovered.Add(u);
                progress = true;
            }
        }
        var differenced = recovered.Select(u => cells[u].ToString()).ToList();
        // The later steps work on what a reader knows before differencing: differenced cells count as hidden there.
        known = cells.Select(c => c.Value).ToArray();
        foreach (var (a, b) in equalities)
            (known[a], known[b]) = (known[a] ?? known[b], known[b] ?? known[a]);

        // 2. and 3. The linear system over the hidden cells (equal cells merged), exactly and by bounds.
        var variable = new Dictionary<int, int>();
        var union = Enumerable.Range(0, cells.Count).ToArray();
        int Find(int x) => union[x] == x ? x : union[x] = Find(union[x]);
        foreach (var (a, b) in equalities)
            union[Find(a)] = Find(b);
        foreach (int h in hidden)
            variable.TryAdd(Find(h), variable.Count);
        var rows = new List<(double[] A, double B)>();
        foreach (var (total, parts) in relations)
        {
            var a = new double[variable.Count];
            double b = 0;
            foreach (var (cell, coef) in parts.Select(p => (p, -1.0)).Prepend((total, 1.0)))
            {
                if (variable.TryGetValue(Find(cell), out int v))
                    a[v] += coef;
                else
                    b -= coef * known[cell]!.Value;
            }
            if (a.Any(x => x != 0))
                rows.Add((a, b));
        }
        int rank = Rank(rows.Select(r => r.A).ToList());
        var determined = new List<string>();
        foreach (var (root2, v) in variable)
        {
            var unit = new double[variable.Count];
            unit[v] = 1;
            if (Rank([.. rows.Select(r => r.A), unit]) == rank)
                determined.Add(cells[root2].ToString());
        }
        var narrowed = new List<string>();
        // Bounds with every hidden cell ≥ 1 (a reader knows zeros are published): y = x − 1 ≥ 0.
        var lpA = rows.Select(r => r.A).ToArray();
        var lpB = rows.Select(r => r.B - r.A.Sum()).ToArray();
        foreach (var (cell, v) in variable)
        {
            var c = new double[variable.Count];
            c[v] = 1;
            var (s1, min) = LinearProgram.Minimize(lpA, lpB, c);
            c[v] = -1;
            var (s2, negMax) = LinearProgram.Minimize(lpA, lpB, c);
            Assert.Equal(LpStatus.Optimal, s1);
            double low = 1 + min, high = s2 == LpStatus.Unbounded ? double.PositiveInfinity : 1 - negMax;
            long value = TrueValue(cell);
            Assert.InRange(value, low - 1e-6, high + 1e-6);
            if (high - low < 1 - 1e-6 || (value < k && high < k - 1e-6))
                narrowed.Add($"{cells[cell]} in [{low}, {high}]");
        }
        return new AttackResult(hiddenFigures, differenced, determined, narrowed);
    }

    private static int Rank(List<double[]> rows)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToList();
        int rank = 0, columns = m.Count == 0 ? 0 : m[0].Length;
        for (int c = 0; c < columns && rank < m.Count; c++)
        {
            int pivot = Enumerable.Range(rank, m.Count - rank).OrderByDescending(r => Math.Abs(m[r][c])).First();
            if (Math.Abs(m[pivot][c]) < 1e-9)
                continue;
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (int r = 0; r < m.Count; r++)
            {
                if (r == rank || Math.Abs(m[r][c]) < 1e-12)
                    continue;
                double f = m[r][c] / m[rank][c];
                for (int j = c; j < columns; j++)
                    m[r][j] -= f * m[rank][j];
            }
            rank++;
        }
        return rank;
    }

    [Fact]
    public void The_package_holds_no_name_number_school_or_village()
    {
        string results = Results(1);
        string outDir = Path.Combine(_dir, "pub");
        PublishJob.Run(results, outDir);
        var matched = File.ReadAllLines(Path.Combine(results, "matched.csv")).Skip(1).Take(200).Select(l => l.Split(',')).ToList();
        string everything = string.Concat(Directory.GetFiles(outDir).Select(File.ReadAllText));
        foreach (var row in matched)
        {
            Assert.DoesNotContain(row[2], everything, StringComparison.Ordinal);   // 姓名
            Assert.DoesNotContain(row[3], everything, StringComparison.Ordinal);   // 证件号码
            Assert.DoesNotContain(row[11], everything, StringComparison.Ordinal);  // 村
            Assert.DoesNotContain(row[12], everything, StringComparison.Ordinal);  // 学校名称
        }
        Assert.Contains("echarts", File.ReadAllText(Path.Combine(outDir, PublishJob.Page)), StringComparison.Ordinal);
    }
}
