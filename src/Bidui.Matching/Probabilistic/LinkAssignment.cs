namespace Bidui.Matching.Probabilistic;

/// <summary>A scored candidate pair: <see cref="Person"/> and <see cref="Student"/> number the two sides' records.</summary>
public readonly record struct ScoredPair(int Person, int Student, double Weight)
{
    public double Probability => LinkageModel.Probability(Weight);
}

public enum LinkDecision
{
    Rejected,
    Accepted,
    Review,
}

/// <summary>
/// Decides which candidate pairs are matches, one to one: strongest first, a pair is accepted when it
/// reaches the acceptance probability, neither of its records is already linked, and it leads every
/// other open candidate of either record by the rival margin. A pair that reaches only the review
/// probability, or whose rival comes close (two children alike to the model), goes to review — never
/// two links for one person or one student.
/// </summary>
public static class LinkAssignment
{
    /// <param name="incumbent">
    /// The weight of a pair a student already has outside these candidates (the exact pair of a row whose
    /// number is another register person's): a rival that every candidate of the student must lead too.
    /// </param>
    public static LinkDecision[] Decide(IReadOnlyList<ScoredPair> pairs, double acceptAt, double reviewAt, double rivalMargin,
        Func<int, double>? incumbent = null)
    {
        var decisions = new LinkDecision[pairs.Count];
        var byPerson = Group(pairs, p => p.Person);
        var byStudent = Group(pairs, p => p.Student);
        var personTaken = new HashSet<int>();
        var studentTaken = new HashSet<int>();

        var order = Enumerable.Range(0, pairs.Count).OrderByDescending(i => pairs[i].Weight)
            .ThenBy(i => pairs[i].Person).ThenBy(i => pairs[i].Student).ToArray();
        foreach (int i in order)
        {
            var pair = pairs[i];
            if (pair.Probability < reviewAt)
                break;
            if (personTaken.Contains(pair.Person) || studentTaken.Contains(pair.Student))
                continue; // a weaker alternative of a link already made
            double rival = double.NegativeInfinity;
            foreach (int j in byPerson[pair.Person])
                if (j != i && !studentTaken.Contains(pairs[j].Student))
                    rival = Math.Max(rival, pairs[j].Weight);
            foreach (int j in byStudent[pair.Student])
                if (j != i && !personTaken.Contains(pairs[j].Person))
                    rival = Math.Max(rival, pairs[j].Weight);
            if (incumbent is not null)
                rival = Math.Max(rival, incumbent(pair.Student));

            if (pair.Probability >= acceptAt && pair.Weight - rival >= rivalMargin)
            {
                decisions[i] = LinkDecision.Accepted;
                personTaken.Add(pair.Person);
                studentTaken.Add(pair.Student);
            }
            else
            {
                decisions[i] = LinkDecision.Review;
            }
        }
        return decisions;
    }

    private static Dictionary<int, List<int>> Group(IReadOnlyList<ScoredPair> pairs, Func<ScoredPair, int> side)
    {
        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < pairs.Count; i++)
        {
            int key = side(pairs[i]);
            if (!groups.TryGetValue(key, out var list))
                groups.Add(key, list = []);
            list.Add(i);
        }
        return groups;
    }
}
