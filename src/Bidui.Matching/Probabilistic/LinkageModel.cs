using System.Globalization;
using System.Text;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// A Fellegi–Sunter model: for each comparison and level, m = P(level | same person) and
/// u = P(level | different persons); a pair's match weight is the sum of log2(m/u) over its
/// comparisons plus the prior log-odds. Level 0 (missing) weighs nothing. A name that agrees exactly
/// weighs log2(m / tf), tf being how often that very name occurs (term-frequency adjustment), so
/// 张伟 counts for less than a rare name.
/// </summary>
public sealed class LinkageModel
{
    /// <summary>m[comparison][level].</summary>
    public required double[][] M { get; init; }
    /// <summary>u[comparison][level], from random pairs.</summary>
    public required double[][] U { get; init; }
    /// <summary>P(match) for a candidate pair of the tier's blocking, estimated by EM.</summary>
    public required double Prior { get; init; }
    /// <summary>A pair at or above this probability is a match (when no rival comes close).</summary>
    public double AcceptAt { get; init; } = DefaultAcceptAt;
    /// <summary>A pair at or above this probability and below <see cref="AcceptAt"/> goes to review.</summary>
    public double ReviewAt { get; init; } = DefaultReviewAt;
    /// <summary>How many bits a pair must lead every rival for its person or student by to be accepted.</summary>
    public double RivalMargin { get; init; } = DefaultRivalMargin;
    public ModelProvenance Provenance { get; init; } = new();

    public const double DefaultAcceptAt = 0.99, DefaultReviewAt = 0.05, DefaultRivalMargin = 4;

    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    /// <summary>
    /// log2(m/u) of one level; 0 for missing. Levels are ordered from closest to farthest, and a
    /// farther level of an ordered comparison never weighs more than a closer one: a level too rare to be seen in either sample
    /// (two counties in different provinces, say) must not turn into evidence for a match.
    /// </summary>
    public double LevelWeight(int comparison, int level)
    {
        if (level == Comparison.Missing)
            return 0;
        if (!Comparison.Definitions[comparison].Ordered)
            return Math.Log2(M[comparison][level] / U[comparison][level]);
        double w = double.PositiveInfinity;
        for (int l = 1; l <= level; l++)
            w = Math.Min(w, Math.Log2(M[comparison][l] / U[comparison][l]));
        return w;
    }

    /// <summary>
    /// The weight of one comparison of a pair. <paramref name="nameFrequency"/> is the tf of an exactly
    /// agreeing name: how often another record carries it. A name rarer than average (or unseen)
    /// weighs as the average agreement does; only common names are marked down.
    /// </summary>
    public double Contribution(int comparison, int level, double nameFrequency)
    {
        if (comparison == Comparison.Name && level == Comparison.NameLevel.Equal)
            return Math.Log2(M[comparison][level] / Math.Max(nameFrequency, U[comparison][level]));
        return LevelWeight(comparison, level);
    }

    /// <summary>The match weight: prior log-odds plus every comparison's contribution.</summary>
    public double Weight(Pattern p, double nameFrequency)
    {
        double w = PriorWeight;
        for (int c = 0; c < Comparison.Count; c++)
            w += Contribution(c, p.Level(c), nameFrequency);
        return w;
    }

    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>Each comparison's contribution in words a county officer reads, e.g. "姓名同音 +4.1；出生日期一致 +6.3".</summary>
    public string Explain(Pattern p, double nameFrequency)
    {
        var sb = new StringBuilder();
        for (int c = 0; c < Comparison.Count; c++)
        {
            int level = p.Level(c);
            if (level == Comparison.Missing && !Comparison.Definitions[c].ShowNull)
                continue; // a comparison that applies to few pairs says nothing when it does not
            if (sb.Length > 0)
                sb.Append('；');
            sb.Append(Comparison.LevelNames[c][level]);
            if (level != Comparison.Missing)
                sb.Append(' ').Append(Contribution(c, level, nameFrequency).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The model as a file a linkage specialist reads without the code (<see cref="LinkageModelFile"/>).</summary>
    public string ToJson() => LinkageModelFile.Write(this);

    /// <summary>Reads a saved model; throws <see cref="InvalidDataException"/> with the reason when it is not one.</summary>
    public static LinkageModel FromJson(string json) => LinkageModelFile.Read(json);
}

/// <summary>Where a model's parameters came from (shown in the model report).</summary>
public sealed record ModelProvenance
{
    public long RandomPairs { get; init; }
    public long TrainingPairs { get; init; }
    public long CandidatePairs { get; init; }
    public int EmIterations { get; init; }
    public long NamePopulation { get; init; }
}
