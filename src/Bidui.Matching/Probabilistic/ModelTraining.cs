using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bidui.Matching.Probabilistic;

/// <summary>
/// Estimates the tier's model from the run's own data (<see cref="ModelEstimator"/> does the
/// arithmetic): u from random person × student pairs, m from the exactly matched pairs and by EM over
/// the candidates; and counts how often the candidates' names occur (term frequency).
/// </summary>
internal sealed class ModelTraining(TierNodes nodes, LinkRecords records)
{
    private const int TrainingExactPairs = 100_000;
    private const int RandomPairs = 200_000;
    private const int NameSample = 200_000;

    /// <param name="candidates">The level vectors of the tier's candidate pairs.</param>
    /// <param name="matchedPersons">Register indexes of the persons matched exactly.</param>
    public LinkageModel Estimate(IEnumerable<Pattern> candidates, List<int> matchedPersons, long namePopulation)
    {
        var candidateCounts = new PatternCounts();
        foreach (var p in candidates)
            candidateCounts.Add(p);
        var training = new PatternCounts();

        // Exactly matched pairs (blocked on the ID) teach what a true pair looks like on the other
        // comparisons, read from the person's columns rather than the ID; evenly spaced and weighted
        // so that the sample stands for all of them.
        int step = Math.Max(1, matchedPersons.Count / TrainingExactPairs);
        for (int k = 0; k < matchedPersons.Count; k += step)
        {
            var p = nodes.Register[matchedPersons[k]];
            nodes.Enrolments.TryGetFirst(p.Key, out int entry);
            training.Add(PairComparer.Compare(LinkRecords.PersonWithoutId(p), records.Enrolment(entry)), Math.Min(step, matchedPersons.Count - k));
        }

        // u: random pairs of a person and a student, nearly all two different people.
        var random = new PatternCounts();
        int persons = nodes.PersonCount, students = nodes.StudentCount;
        if (persons > 0 && students > 0)
        {
            var rng = new Random(20261129); // fixed: the same inputs give the same model
            long n = Math.Min(RandomPairs, (long)persons * students);
            for (long k = 0; k < n; k++)
            {
                int a = rng.Next(persons), b = rng.Next(students);
                random.Add(PairComparer.Compare(nodes.PersonRecord(records, a), nodes.StudentRecord(records, b)));
            }
        }
        double allPairs = (double)persons * students;
        return ModelEstimator.Estimate(ModelEstimator.EstimateU(random), training, candidateCounts, allPairs, random.Total, namePopulation);
    }

    /// <summary>
    /// How often each needed name occurs, counted on an evenly spaced sample of at most 200,000 poverty
    /// rows (the population the tf stands for): common names, the ones to mark down, are counted well;
    /// a name met at most once in the sample is "rarer than we can tell" and keeps the average weight.
    /// </summary>
    public NameFrequencyTable NameFrequencies(IEnumerable<string> needed)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in needed)
            counts[name] = 0;
        long rows = nodes.PersonCount;
        int step = (int)Math.Max(1, rows / NameSample);
        long sampled = 0;
        if (counts.Count > 0)
        {
            for (long k = 0; k < rows; k += step, sampled++)
            {
                // Keyed by the name as written: a name in another script or with a space is missed,
                // which only makes it look a little rarer.
                ref int n = ref CollectionsMarshal.GetValueRefOrNullRef(counts, nodes.Person((int)k).Name);
                if (!Unsafe.IsNullRef(ref n))
                    n++;
            }
        }
        return new NameFrequencyTable(counts, sampled, rows);
    }
}

/// <summary>How often a name occurs among the register's rows (term frequency of an agreeing name).</summary>
internal sealed class NameFrequencyTable(Dictionary<string, int> counts, long sampled, long population)
{
    public long Population => population;

    /// <summary>tf of a name; 0 (average weight) when seen at most once in the sample or not asked for.</summary>
    public double Of(string name) =>
        counts.TryGetValue(name, out int n) && n >= 2 ? n / (double)sampled : 0;
}
