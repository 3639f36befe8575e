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
    private const int BirthBucketStudents = 100_000;
    private const int NameSample = 200_000;

    /// <param name="candidates">The level vectors of the tier's candidate pairs.</param>
    /// <param name="matchedPersons">Register indexes of the persons matched exactly.</param>
    /// <param name="householdMemberShare">
    /// u of <see cref="Comparison.NumberOwner"/>'s household level: for a row whose number is another
    /// register person's, the chance that a random person is of that person's household (counted, not sampled).
    /// </param>
    public LinkageModel Estimate(IEnumerable<Pattern> candidates, List<int> matchedPersons, long namePopulation, double householdMemberShare)
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
            training.Add(PairComparer.Compare(records.PersonWithoutId(p), records.Enrolment(entry), training: true),
                Math.Min(step, matchedPersons.Count - k));
        }

        // u: random pairs of a person and a student, nearly all two different people. The ID numbers'
        // levels are counted among random pairs born the same day (by the numbers): the birth date is
        // compared on its own, and a number's birth part must not count twice — agreeing region and birth
        // digits are what every same-day child of the county shares, no sign of one child.
        var random = new PatternCounts();
        var idLevels = new long[Comparison.LevelCount(Comparison.Id)];
        var studentNumberLevels = new long[Comparison.LevelCount(Comparison.StudentNumber)];
        int persons = nodes.PersonCount, students = nodes.StudentCount;
        if (persons > 0 && students > 0)
        {
            var rng = new Random(20261129); // fixed: the same inputs give the same model
            var byBirth = StudentsByNumberBirth(rng);
            var withStudentNumber = StudentsWithOwnStudentNumber();
            long n = Math.Min(RandomPairs, (long)persons * students);
            // A county's few thousand records are each drawn dozens of times: built once (building one, with its
            // name form and number, cost more than comparing two; 0.6 s of a 3,000-student compare). Above the
            // sample's size a record is rarely drawn twice, and nothing is kept.
            var personRecords = persons <= RandomPairs ? new LinkRecord?[persons] : null;
            var studentRecords = students <= RandomPairs ? new LinkRecord?[students] : null;
            LinkRecord Person(int i) => personRecords is null ? nodes.PersonRecord(records, i) : personRecords[i] ??= nodes.PersonRecord(records, i);
            LinkRecord Student(int i) => studentRecords is null ? nodes.StudentRecord(records, i) : studentRecords[i] ??= nodes.StudentRecord(records, i);
            for (long k = 0; k < n; k++)
            {
                var person = Person(rng.Next(persons));
                random.Add(PairComparer.Compare(person, Student(rng.Next(students)), training: true));
                if (IdDigits.Birth(person.Id) is not 0 and var birth && byBirth.TryGetValue(birth, out var sameDay))
                    idLevels[PairComparer.CompareIdsOf(person, sameDay[rng.Next(sameDay.Count)])]++;
                if (withStudentNumber.Count > 0)
                    studentNumberLevels[PairComparer.CompareStudentNumber(person.Id, withStudentNumber[rng.Next(withStudentNumber.Count)])]++;
            }
        }
        var u = ModelEstimator.EstimateU(random);
        u[Comparison.Id] = ModelEstimator.UOf(Comparison.Id, idLevels);
        u[Comparison.StudentNumber] = ModelEstimator.UOf(Comparison.StudentNumber, studentNumberLevels);
        double household = Math.Clamp(householdMemberShare > 0 ? householdMemberShare : 4.0 / Math.Max(persons, 1), 1e-12, 0.5);
        u[Comparison.NumberOwner] = [1, household, 1 - household];
        double allPairs = (double)persons * students;
        return ModelEstimator.Estimate(u, training, candidateCounts, allPairs, random.Total, namePopulation);
    }

    // A random sample of the students, by the birth date their number carries.
    private Dictionary<int, List<LinkRecord>> StudentsByNumberBirth(Random rng)
    {
        var byBirth = new Dictionary<int, List<LinkRecord>>();
        int students = nodes.StudentCount;
        for (int k = 0; k < Math.Min(BirthBucketStudents, students); k++)
        {
            var r = nodes.StudentRecord(records, rng.Next(students));
            if (IdDigits.Birth(r.Id) is not 0 and var birth)
            {
                if (!byBirth.TryGetValue(birth, out var list))
                    byBirth[birth] = list = [];
                list.Add(r);
            }
        }
        return byBirth;
    }

    // The 学籍号 digits of the students whose 学籍号 is not a copy of their ID.
    private List<string> StudentsWithOwnStudentNumber() =>
        [.. records.EnrolmentStudentNumbers.Values, .. nodes.WeakStudents.Select(w => w.StudentNumber).OfType<string>()];

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
