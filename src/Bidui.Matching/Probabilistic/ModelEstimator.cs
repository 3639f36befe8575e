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

    /// <summary>u per comparison and level; a level never seen among the random pairs gets half a pair (so log2(m/u) stays finite).</summary>
    public static double[][] EstimateU(PatternCounts randomPairs)
    {
        var counts = NewTable(0);
        foreach (var (p, n) in randomPairs.NonZero())
            for (int c = 0; c < Comparison.Count; c++)
                counts[c][p.Level(c)] += n;
        return Normalise(counts, 0.5);
    }

    /// <param name="training">Pairs to learn m from: the tier's candidates and the exactly matched pairs.</param>
    /// <param name="candidates">The tier's candidate pairs only: their match share is the prior.</param>
    public static LinkageModel Estimate(double[][] u, PatternCounts training, PatternCounts candidates, long randomPairs,
        long namePopulation)
    {
        var m = InitialM();
        var rows = training.NonZero().ToArray();
        double lambda = 0.5;
        int iteration = 0;
        for (; iteration < MaxIterations && rows.Length > 0; iteration++)
        {
            var expected = NewTable(0);
            double matches = 0, total = 0;
            foreach (var (p, n) in rows)
            {
                double g = Posterior(p, m, u, lambda) * n;
                matches += g;
                total += n;
                for (int c = 0; c < Comparison.Count; c++)
                    expected[c][p.Level(c)] += g;
            }
            var next = Normalise(expected, 0.01);
            double change = MaxChange(m, next);
            m = next;
            lambda = Math.Clamp(matches / total, 1e-9, 1 - 1e-9);
            if (change < 1e-6)
                break;
        }

        return new LinkageModel
        {
            M = m,
            U = u,
            Prior = CandidatePrior(candidates, m, u),
            Provenance = new ModelProvenance
            {
                RandomPairs = randomPairs,
                TrainingPairs = training.Total,
                CandidatePairs = candidates.Total,
                EmIterations = iteration,
                NamePopulation = namePopulation,
            },
        };
    }

    // The share of matches among the candidates: the fixed point of "mean posterior" with m, u fixed.
    private static double CandidatePrior(PatternCounts candidates, double[][] m, double[][] u)
    {
        var rows = candidates.NonZero().ToArray();
        if (rows.Length == 0)
            return 0.01;
        double lambda = 0.1;
        for (int i = 0; i < MaxIterations; i++)
        {
            double sum = 0;
            foreach (var (p, n) in rows)
                sum += Posterior(p, m, u, lambda) * n;
            double next = Math.Clamp(sum / candidates.Total, 1e-6, 1 - 1e-6);
            if (Math.Abs(next - lambda) < 1e-9)
                return next;
            lambda = next;
        }
        return lambda;
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
