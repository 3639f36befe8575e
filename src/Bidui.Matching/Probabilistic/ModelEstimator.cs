namespace Bidui.Matching.Probabilistic;

/// <summary>Counts of level vectors (patterns) of a set of pairs.</summary>
public sealed class PatternCounts
{
    private readonly long[] _counts = new long[Comparison.PatternCount];

    public long Total { get; private set; }

    public void Add(Pattern p, long n = 1)
    {
        _counts[p.Value] += n;
        Total += n;
    }

    public IEnumerable<(Pattern Pattern, long Count)> NonZero()
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] > 0)
                yield return (new Pattern(i), _counts[i]);
        }
    }
}

/// <summary>
/// Estimates a <see cref="LinkageModel"/> as Splink does: u from random pairs (almost all of which are
/// different persons), then m by expectation–maximisation over blocked pairs with u held fixed, then
/// the prior of the tier's candidate pairs with m and u held fixed.
/// </summary>
public static class ModelEstimator
{
    public const int MaxIterations = 100;

    /// <summary>
    /// The comparisons whose m the exactly matched pairs cannot teach (their numbers agree, their 学籍号 is a
    /// copy of the number, no number is another's): learnt by EM over the tier's candidates, with the first
    /// (the ID number, <see cref="Comparison.Id"/>) also counting the exact pairs' agreement.
    /// </summary>
    public static readonly int[] LearntByEm = [Comparison.Id, Comparison.StudentNumber, Comparison.NumberOwner];

    /// <summary>u per comparison and level; a level never seen among the random pairs gets half a pair (so log2(m/u) stays finite).</summary>
    public static double[][] EstimateU(PatternCounts randomPairs)
    {
        var counts = NewTable(0);
        foreach (var (p, n) in randomPairs.NonZero())
            for (int c = 0; c < Comparison.Count; c++)
                counts[c][p.Level(c)] += n;
        return Normalise(counts, 0.5);
    }

    /// <summary>
    /// u of one comparison from how often each of its levels occurred in a sample of non-matching pairs
    /// drawn for it alone (index = level; the null level is left out); half a pair for a level never seen.
    /// </summary>
    public static double[] UOf(int comparison, IReadOnlyList<long> levelCounts)
    {
        var table = NewTable(0);
        for (int level = 1; level < levelCounts.Count; level++)
            table[comparison][level] = levelCounts[level];
        return Normalise(table, 0.5)[comparison];
    }

    /// <summary>
    /// m and the prior, Splink-style in two sessions. (1) Pairs blocked on a valid ID (the exact tier's
    /// matches, all but certainly the same person) give m of name, birth date, age for grade, sex and
    /// location, which the ID blocking leaves free. (2) EM over the tier's candidate pairs (blocked on
    /// name, birth date, county and household) estimates m of <see cref="LearntByEm"/> and the prior with
    /// the other m and every u held fixed; its matches join the exact pairs (whose IDs agree) in m of the ID.
    /// </summary>
    /// <param name="exactPairs">Level vectors of exactly matched pairs (a sample, weighted to stand for all).</param>
    /// <param name="candidates">The tier's candidate pairs.</param>
    /// <param name="allPairs">Persons × students: the prior is the share of matches among all pairs.</param>
    public static LinkageModel Estimate(double[][] u, PatternCounts exactPairs, PatternCounts candidates, double allPairs,
        long randomPairs, long namePopulation)
    {
        var initial = InitialM();
        var counts = NewTable(0);
        foreach (var (p, n) in exactPairs.NonZero())
            for (int c = 0; c < Comparison.Count; c++)
                counts[c][p.Level(c)] += n;
        var m = WithPrior(counts, initial);
        foreach (int c in LearntByEm)
            m[c] = initial[c];

        var rows = candidates.NonZero().ToArray();
        double exact = exactPairs.Total;
        double lambda = Math.Clamp((exact + 1) / Math.Max(allPairs, 1), 1e-15, 0.5);
        int iteration = 0;
        for (; iteration < MaxIterations && rows.Length > 0; iteration++)
        {
            var emCounts = LearntByEm.Select(c => new double[Comparison.LevelCount(c)]).ToArray();
            emCounts[0][Comparison.IdLevel.Equal] = exact; // the exact pairs' numbers agree
            double matches = 0;
            foreach (var (p, n) in rows)
            {
                double g = Posterior(p, m, u, lambda) * n;
                matches += g;
                for (int k = 0; k < LearntByEm.Length; k++)
                    emCounts[k][p.Level(LearntByEm[k])] += g;
            }
            var next = WithPrior(emCounts, [.. LearntByEm.Select(c => initial[c])]);
            double nextLambda = Math.Clamp((exact + matches) / Math.Max(allPairs, 1), 1e-15, 0.5);
            double change = Math.Max(MaxChange([.. LearntByEm.Select(c => m[c])], next), Math.Abs(Math.Log(nextLambda / lambda)));
            for (int k = 0; k < LearntByEm.Length; k++)
                m[LearntByEm[k]] = next[k];
            lambda = nextLambda;
            if (change < 1e-7)
                break;
        }

        return new LinkageModel
        {
            M = m,
            U = u,
            Prior = lambda,
            Provenance = new ModelProvenance
            {
                RandomPairs = randomPairs,
                TrainingPairs = exactPairs.Total,
                CandidatePairs = candidates.Total,
                EmIterations = iteration,
                NamePopulation = namePopulation,
            },
        };
    }

    // Expected counts plus a weak prior shaped like the initial m (twenty pairs' worth), so that a level
    // the training never showed (a day-month swap among pairs matched on the ID) keeps a small, not a
    // vanishing, m.
    private const double PriorStrength = 20;

    private static double[][] WithPrior(double[][] counts, double[][] prior)
    {
        var result = new double[counts.Length][];
        for (int c = 0; c < counts.Length; c++)
        {
            result[c] = new double[counts[c].Length];
            double sum = 0;
            for (int level = 1; level < counts[c].Length; level++)
                sum += counts[c][level] + PriorStrength * prior[c][level];
            result[c][Comparison.Missing] = 1;
            for (int level = 1; level < counts[c].Length; level++)
                result[c][level] = (counts[c][level] + PriorStrength * prior[c][level]) / sum;
        }
        return result;
    }

    private static double Posterior(Pattern p, double[][] m, double[][] u, double lambda)
    {
        // In log space: products of five small numbers underflow nothing, but ratios stay exact.
        double logRatio = 0;
        for (int c = 0; c < Comparison.Count; c++)
        {
            int level = p.Level(c);
            if (level != Comparison.Missing)
                logRatio += Math.Log(m[c][level] / u[c][level]);
        }
        double odds = Math.Exp(logRatio) * lambda / (1 - lambda);
        return double.IsPositiveInfinity(odds) ? 1 : odds / (1 + odds);
    }

    // Closer levels start likelier among matches: 0.85 for agreement, the rest halving downwards.
    private static double[][] InitialM()
    {
        var m = NewTable(0);
        for (int c = 0; c < Comparison.Count; c++)
        {
            double share = 0.85;
            for (int level = 1; level < m[c].Length; level++)
            {
                m[c][level] = share;
                share = level == 1 ? 0.1 : share / 2;
            }
        }
        return Normalise(m, 0);
    }

    // Each comparison's non-missing levels sum to one (missing weighs nothing and is left at 1).
    private static double[][] Normalise(double[][] counts, double pseudo)
    {
        var result = NewTable(0);
        for (int c = 0; c < Comparison.Count; c++)
        {
            double sum = 0;
            for (int level = 1; level < counts[c].Length; level++)
                sum += counts[c][level] + pseudo;
            result[c][Comparison.Missing] = 1;
            for (int level = 1; level < counts[c].Length; level++)
                result[c][level] = sum > 0 ? (counts[c][level] + pseudo) / sum : 1.0 / (counts[c].Length - 1);
        }
        return result;
    }

    private static double[][] NewTable(double value) =>
        Enumerable.Range(0, Comparison.Count).Select(c => Enumerable.Repeat(value, Comparison.LevelCount(c)).ToArray()).ToArray();

    private static double MaxChange(double[][] a, double[][] b)
    {
        double max = 0;
        for (int c = 0; c < a.Length; c++)
            for (int l = 0; l < a[c].Length; l++)
                max = Math.Max(max, Math.Abs(a[c][l] - b[c][l]));
        return max;
    }
}
