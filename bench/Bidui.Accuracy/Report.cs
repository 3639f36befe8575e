using System.Globalization;
using Bidui.Synthetic.Linkage;

namespace Bidui.Accuracy;

/// <summary>Precision, recall and F1 of pairs against the truth of who each row is, overall and per fault class.</summary>
internal static class Report
{
    private sealed record Score(string Label, int Predicted, int Correct, int Truth)
    {
        public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
        public double Recall => Truth == 0 ? 1 : (double)Correct / Truth;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public static void Print(LinkageFiles files, RunResult exact, RunResult tier)
    {
        var person = Evaluation.Truth(files.PovertyTruthPath);
        var student = Evaluation.Truth(files.StudentTruthPath);
        // A true pair: an entity with a row in each file (the engine links a person's first row to an enrolment).
        var truth = person.Values.Select(t => t.Entity).ToHashSet();
        truth.IntersectWith(student.Values.Select(t => t.Entity));
        bool Correct((int P, int S) pair) => person[pair.P].Entity == student[pair.S].Entity;
        Score Judge(string label, IEnumerable<(int, int)> pairs)
        {
            var list = pairs.Distinct().ToList();
            int correct = list.Where(Correct).Select(p => person[p.Item1].Entity).Distinct().Count();
            return new Score(label, list.Count, correct, truth.Count);
        }

        var exactFound = exact.Accepted.Where(Correct).Select(p => person[p.Poverty].Entity).ToHashSet();
        var tierOnly = tier.Accepted.Where(p => !exactFound.Contains(person[p.Poverty].Entity) || !Correct(p)).ToList();
        var missed = truth.Where(e => !exactFound.Contains(e)).ToHashSet();
        var accepted = tier.Accepted.Where(Correct).Select(p => person[p.Poverty].Entity).ToHashSet();
        var acceptedOrReview = tier.Accepted.Concat(tier.Review).Where(Correct).Select(p => person[p.Poverty].Entity).ToHashSet();

        var scores = new[]
        {
            Judge("exact only (--exact-only)", exact.Accepted),
            Judge("exact + probabilistic, accepted", tier.Accepted),
            Judge("exact + probabilistic, accepted + review", tier.Accepted.Concat(tier.Review)),
            Judge("probabilistic links alone", tierOnly) with { Truth = missed.Count },
        };
        Console.WriteLine();
        Console.WriteLine($"{"",-44}{"pairs",10}{"correct",10}{"precision",11}{"recall",9}{"F1",9}");
        foreach (var s in scores)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Label,-44}{s.Predicted,10:N0}{s.Correct,10:N0}{s.Precision,11:P2}{s.Recall,9:P2}{s.F1,9:P2}"));
        Console.WriteLine();
        int missedAccepted = missed.Count(accepted.Contains), missedEither = missed.Count(acceptedOrReview.Contains);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"true pairs exact keys cannot link: {missed.Count:N0}; accepted {missedAccepted:N0} ({Share(missedAccepted, missed.Count):P2}); accepted or in review {missedEither:N0} ({Share(missedEither, missed.Count):P2})"));
        // Children registered under a relative's valid number (the registry row's id:borrowed_* fault).
        var borrowed = student.Values.Where(t => truth.Contains(t.Entity) && t.Faults.Any(f => f.StartsWith("id:borrowed_", StringComparison.Ordinal)))
            .Select(t => t.Entity).ToHashSet();
        int borrowedAccepted = borrowed.Count(accepted.Contains), borrowedEither = borrowed.Count(acceptedOrReview.Contains);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"children under a relative's number: {borrowed.Count:N0}; accepted {borrowedAccepted:N0} ({Share(borrowedAccepted, borrowed.Count):P2}); accepted or in review {borrowedEither:N0} ({Share(borrowedEither, borrowed.Count):P2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review list: {tier.Review.Count:N0} pairs, of which {tier.Review.Count(Correct):N0} true; {100.0 * tier.Review.Count / person.Count:0.00} per 100 poverty persons"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare time: exact only {exact.Elapsed.TotalSeconds:0.00} s, with the probabilistic tier {tier.Elapsed.TotalSeconds:0.00} s ({tier.Elapsed / exact.Elapsed:0.00}x)"));

        PrintFaultClasses(person, student, truth, exactFound, accepted, acceptedOrReview, tier.Accepted.Where(p => !Correct(p)).ToList());
    }

    /// <summary>
    /// Per fault class (the truth's 故障 tags of either row of a true pair): how many true pairs carry it,
    /// and the share found by exact keys, accepted by the tier, accepted or in review; and the wrong
    /// accepted pairs whose rows carry it.
    /// </summary>
    private static void PrintFaultClasses(Dictionary<int, (int Entity, string[] Faults)> person, Dictionary<int, (int Entity, string[] Faults)> student,
        HashSet<int> truth, HashSet<int> exactFound, HashSet<int> accepted, HashSet<int> acceptedOrReview, List<(int Poverty, int Student)> wrong)
    {
        var faultsOf = new Dictionary<int, HashSet<string>>();
        void Note(int entity, string[] faults)
        {
            if (!truth.Contains(entity))
                return;
            if (!faultsOf.TryGetValue(entity, out var set))
                faultsOf[entity] = set = [];
            foreach (var f in faults)
                set.Add(ClassOf(f));
        }
        // Each true entity has one register row and one registry row.
        foreach (var t in person.Values)
            Note(t.Entity, t.Faults);
        foreach (var t in student.Values)
            Note(t.Entity, t.Faults);

        var classes = faultsOf.Values.SelectMany(s => s).Distinct().Order(StringComparer.Ordinal).ToList();
        var wrongByClass = new Dictionary<string, int>();
        foreach (var (p, s) in wrong)
            foreach (var c in person[p].Faults.Concat(student[s].Faults).Select(ClassOf).Distinct())
                wrongByClass[c] = wrongByClass.GetValueOrDefault(c) + 1;

        Console.WriteLine();
        Console.WriteLine($"{"fault class (either row of a true pair)",-40}{"pairs",8}{"exact",9}{"accepted",10}{"acc+rev",9}{"wrong acc.",11}");
        foreach (var c in classes.Prepend("(none)"))
        {
            var entities = c == "(none)" ? truth.Where(e => !faultsOf.TryGetValue(e, out var s) || s.Count == 0).ToList()
                : [.. faultsOf.Where(kv => kv.Value.Contains(c)).Select(kv => kv.Key)];
            int n = entities.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c,-40}{n,8:N0}{Share(entities.Count(exactFound.Contains), n),9:P1}{Share(entities.Count(accepted.Contains), n),10:P1}{Share(entities.Count(acceptedOrReview.Contains), n),9:P1}{wrongByClass.GetValueOrDefault(c),11:N0}"));
        }
    }

    // Batch faults count with their row kind; the columns filled from a borrowed number with the borrowing.
    private static string ClassOf(string fault) => fault switch
    {
        "id:excel_batch_exponent" => "id:exponent",
        "id:excel_batch_truncated" => "id:truncated000",
        _ => fault,
    };

    private static double Share(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
