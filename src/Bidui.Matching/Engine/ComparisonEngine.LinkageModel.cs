using System.Globalization;
using Bidui.Core.Identity;
using Bidui.Core.Names;
using Bidui.Matching.Categories;
using Bidui.Matching.Probabilistic;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

/// <summary>Estimating the probabilistic tier's model from the run's own data, and the name frequencies it uses.</summary>
public sealed partial class ComparisonEngine
{
    private LinkageModel EstimateModel(IEnumerable<Pattern> candidatePatterns, List<int> matched, long namePopulation)
    {
        var candidates = new PatternCounts();
        foreach (var p in candidatePatterns)
            candidates.Add(p);
        var training = new PatternCounts();

        // Exactly matched pairs (blocked on the ID) teach what a true pair looks like on the other
        // comparisons, read from the person's columns rather than the ID; evenly spaced and weighted
        // so that the sample stands for all of them.
        int step = Math.Max(1, matched.Count / TrainingExactPairs);
        for (int k = 0; k < matched.Count; k += step)
        {
            var p = _poverty[matched[k]];
            _enrolledKeys.TryGetFirst(p.Key, out int entry);
            training.Add(PairComparer.Compare(PersonWithoutId(p), EntryLink(_enrolled[entry])), Math.Min(step, matched.Count - k));
        }

        // u: random pairs of a person and a student, nearly all two different people.
        var random = new PatternCounts();
        int persons = _poverty.Count + _weakPersons.Count, students = _enrolled.Count + _weakStudents.Count;
        if (persons > 0 && students > 0)
        {
            var rng = new Random(20261129); // fixed: the same inputs give the same model
            long n = Math.Min(RandomPairs, (long)persons * students);
            for (long k = 0; k < n; k++)
            {
                int a = rng.Next(persons), b = rng.Next(students);
                var person = PersonLink(a < _poverty.Count ? _poverty[a] : _weakPersons[a - _poverty.Count]);
                var student = b < _enrolled.Count ? EntryLink(_enrolled[b]) : WeakStudentLink(_weakStudents[b - _enrolled.Count]);
                random.Add(PairComparer.Compare(person, student));
            }
        }
        double allPairs = (double)persons * students;
        return ModelEstimator.Estimate(ModelEstimator.EstimateU(random), training, candidates, allPairs, random.Total, namePopulation);
    }

    private const int NameSample = 200_000;

    /// <summary>
    /// How often each needed name occurs, counted on an evenly spaced sample of at most 200,000 poverty
    /// rows (the population the tf stands for): common names, the ones to mark down, are counted well;
    /// a name met at most once in the sample is "rarer than we can tell" and keeps the average weight.
    /// </summary>
    private NameFrequencyTable NameFrequencies(IEnumerable<string> needed)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in needed)
            counts[name] = 0;
        long rows = _poverty.Count + _weakPersons.Count;
        int step = (int)Math.Max(1, rows / NameSample);
        long sampled = 0;
        if (counts.Count > 0)
        {
            for (long k = 0; k < rows; k += step, sampled++)
            {
                var p = k < _poverty.Count ? _poverty[(int)k] : _weakPersons[(int)(k - _poverty.Count)];
                // Keyed by the name as written: a name in another script or with a space is missed,
                // which only makes it look a little rarer.
                ref int n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(counts, p.Name);
                if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref n))
                    n++;
            }
        }
        return new NameFrequencyTable(counts, sampled, rows);
    }

    private sealed class NameFrequencyTable(Dictionary<string, int> counts, long sampled, long population)
    {
        public long Population => population;

        /// <summary>tf of a name; 0 (average weight) when seen at most once in the sample or not asked for.</summary>
        public double Of(string name) =>
            counts.TryGetValue(name, out int n) && n >= 2 ? n / (double)sampled : 0;
    }

    private static string LinkNote(double probability) =>
        string.Create(CultureInfo.InvariantCulture, $"概率匹配（匹配概率 {probability:P1}）");
}
