using Bidui.Matching.Probabilistic;

namespace Bidui.Matching.Tests.Probabilistic;

public class LinkAssignmentTests
{
    private const double Accept = 0.99, Review = 0.2, Margin = 4;

    private static LinkDecision[] Decide(params ScoredPair[] pairs) => LinkAssignment.Decide(pairs, Accept, Review, Margin);

    [Fact]
    public void A_strong_pair_without_rivals_is_accepted_and_a_weak_one_rejected()
    {
        var d = Decide(new ScoredPair(1, 10, 20), new ScoredPair(2, 20, -5));
        Assert.Equal([LinkDecision.Accepted, LinkDecision.Rejected], d);
    }

    [Fact]
    public void Between_the_thresholds_a_pair_goes_to_review()
    {
        // p = 0.5 at weight 0; accepted only from about 6.6 bits (p 0.99).
        var d = Decide(new ScoredPair(1, 10, 0), new ScoredPair(2, 20, 6));
        Assert.Equal([LinkDecision.Review, LinkDecision.Review], d);
    }

    [Fact]
    public void One_person_is_never_linked_to_two_students()
    {
        // Person 1 fits student 10 far better than student 11: one link, the weaker alternative is dropped.
        var d = Decide(new ScoredPair(1, 10, 30), new ScoredPair(1, 11, 12));
        Assert.Equal([LinkDecision.Accepted, LinkDecision.Rejected], d);
    }

    [Fact]
    public void Two_persons_are_never_linked_to_one_student()
    {
        var d = Decide(new ScoredPair(1, 10, 12), new ScoredPair(2, 10, 30));
        Assert.Equal([LinkDecision.Rejected, LinkDecision.Accepted], d);
    }

    [Fact]
    public void Two_candidates_alike_to_the_model_go_to_review_not_to_a_guess()
    {
        // Twins, or a namesake born the same day: both strong, within the margin of each other.
        var d = Decide(new ScoredPair(1, 10, 25), new ScoredPair(1, 11, 23));
        Assert.Equal([LinkDecision.Review, LinkDecision.Review], d);
        Assert.Equal(2, d.Count(x => x == LinkDecision.Review));
    }

    [Fact]
    public void A_rival_already_linked_elsewhere_does_not_block()
    {
        // Student 11 is person 2's (weight 40); person 1 then has only student 10 left.
        var d = Decide(new ScoredPair(2, 11, 40), new ScoredPair(1, 11, 24), new ScoredPair(1, 10, 23));
        Assert.Equal([LinkDecision.Accepted, LinkDecision.Rejected, LinkDecision.Accepted], d);
    }

    [Fact]
    public void The_outcome_does_not_depend_on_the_order_of_the_pairs()
    {
        ScoredPair[] pairs = [new(1, 10, 20), new(1, 11, 19), new(2, 11, 30), new(3, 12, 5), new(4, 13, 15)];
        var forward = Decide(pairs);
        var backward = Decide([.. pairs.Reverse()]).Reverse().ToArray();
        Assert.Equal(forward, backward);
    }
}
