using System.Globalization;
using Bidui.Synthetic.Linkage;

namespace Bidui.Accuracy;

/// <summary>Precision, recall and F1 of pairs against the truth of who each row is.</summary>
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
        var person = Evaluation.Entities(files.PovertyTruthPath);
        var student = Evaluation.Entities(files.StudentTruthPath);
        // A true pair: an entity with a row in each file (the engine links a person's first row to an enrolment).
        var truth = person.Values.ToHashSet();
        truth.IntersectWith(student.Values);
        bool Correct((int P, int S) pair) => person[pair.P] == student[pair.S];
        Score Judge(string label, IEnumerable<(int, int)> pairs)
        {
            var list = pairs.Distinct().ToList();
            int correct = list.Where(Correct).Select(p => person[p.Item1]).Distinct().Count();
            return new Score(label, list.Count, correct, truth.Count);
        }

        var exactFound = exact.Accepted.Where(Correct).Select(p => person[p.Poverty]).ToHashSet();
        var tierOnly = tier.Accepted.Where(p => !exactFound.Contains(person[p.Poverty]) || !Correct(p)).ToList();
        var missed = truth.Where(e => !exactFound.Contains(e)).ToHashSet();
        int missedAccepted = tier.Accepted.Where(Correct).Select(p => person[p.Poverty]).Count(missed.Contains);
        int missedAcceptedOrReview = tier.Accepted.Concat(tier.Review).Where(Correct).Select(p => person[p.Poverty]).Distinct().Count(missed.Contains);

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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"true pairs missed by exact matching: {missed.Count:N0}; accepted {missedAccepted:N0} ({Share(missedAccepted, missed.Count):P2}); accepted or in review {missedAcceptedOrReview:N0} ({Share(missedAcceptedOrReview, missed.Count):P2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review list: {tier.Review.Count:N0} pairs, of which {tier.Review.Count(Correct):N0} true"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare time: exact only {exact.Elapsed.TotalSeconds:0.00} s, with the probabilistic tier {tier.Elapsed.TotalSeconds:0.00} s ({tier.Elapsed / exact.Elapsed:0.00}x)"));
    }

    private static double Share(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
