using Bidui.Matching.Probabilistic;
using static Bidui.Matching.Probabilistic.Comparison;

namespace Bidui.Matching.Tests.Probabilistic;

public class LinkageModelTests
{
    private static readonly Pattern NameBirthSexCounty =
        Pattern.Of(Missing, NameLevel.Equal, BirthLevel.Equal, SexLevel.Equal, LocationLevel.SameCounty);

    [Fact]
    public void A_common_name_counts_for_less_than_a_rare_one()
    {
        var model = TestModels.Typical();
        double common = model.Weight(NameBirthSexCounty, nameFrequency: 0.003); // 张伟
        double rare = model.Weight(NameBirthSexCounty, nameFrequency: 0); // no other row carries it
        Assert.True(rare - common > 6, $"rare {rare:0.0} vs common {common:0.0}");
        Assert.True(LinkageModel.Probability(rare) > 0.99);
    }

    [Fact]
    public void Missing_values_weigh_nothing_and_disagreement_weighs_against()
    {
        var model = TestModels.Typical();
        for (int c = 0; c < Comparison.Count; c++)
            Assert.Equal(0, model.LevelWeight(c, Missing));
        Assert.True(model.LevelWeight(Comparison.Name, NameLevel.Different) < -10);
        // Beyond the birth date the number shares with every same-day child of the county (counted on its own).
        Assert.True(model.LevelWeight(Comparison.Id, IdLevel.OneDigit) > 3);
        Assert.True(model.LevelWeight(Comparison.Id, IdLevel.SameRegionAndBirth) < -10); // another child born that day there
    }

    [Fact]
    public void A_farther_level_never_weighs_more_than_a_closer_one()
    {
        var model = TestModels.Typical();
        // u of "different provinces" is tiny in a one-province sample; it must not become evidence for a match.
        Assert.True(model.LevelWeight(Comparison.Location, LocationLevel.Elsewhere)
            <= model.LevelWeight(Comparison.Location, LocationLevel.SameProvince));
        for (int c = 0; c < Comparison.Count; c++)
        {
            if (!Definitions[c].Ordered)
                continue; // the ID number's levels are kinds of damage: each weighs what it says
            for (int level = 2; level < LevelCount(c); level++)
                Assert.True(model.LevelWeight(c, level) <= model.LevelWeight(c, level - 1));
        }
        Assert.True(model.LevelWeight(Comparison.Id, IdLevel.BirthPartBroken) > model.LevelWeight(Comparison.Id, IdLevel.Equal));
    }

    [Fact]
    public void The_explanation_names_every_comparison_with_its_contribution()
    {
        var model = TestModels.Typical();
        var p = Pattern.Of(IdLevel.OneDigit, NameLevel.SamePinyin, BirthLevel.Equal, SexLevel.Equal, Missing);
        string text = model.Explain(p, 0);
        Assert.Contains("证件号码相差一位（或多、少一位） +", text, StringComparison.Ordinal);
        Assert.Contains("姓名同音 +", text, StringComparison.Ordinal);
        Assert.Contains("出生日期一致 +", text, StringComparison.Ordinal);
        Assert.Contains("户籍县或学校所在县缺失", text, StringComparison.Ordinal); // missing, and said so
        Assert.DoesNotContain("学籍号", text, StringComparison.Ordinal);        // applies to few pairs: silent when it does not
        Assert.Equal(Definitions.Count(d => d.ShowNull), text.Split('；').Length);
    }

    [Fact]
    public void A_saved_model_reads_back_the_same_and_a_broken_one_is_refused()
    {
        var model = TestModels.Typical();
        var back = LinkageModel.FromJson(model.ToJson());
        Assert.Equal(model.M, back.M);
        Assert.Equal(model.U, back.U);
        Assert.Equal(model.Prior, back.Prior);
        Assert.Throws<InvalidDataException>(() => LinkageModel.FromJson("{"));
        var old = Assert.Throws<InvalidDataException>(() => LinkageModel.FromJson("""{"M":[[1]],"U":[[1]],"Prior":0.1}"""));
        Assert.Contains("bidui model", old.Message, StringComparison.Ordinal); // the first, position-indexed format
    }

    [Fact]
    public void The_model_file_names_every_comparison_and_level_with_its_m_u_and_weight()
    {
        var model = TestModels.Typical();
        using var doc = System.Text.Json.JsonDocument.Parse(model.ToJson());
        var root = doc.RootElement;
        Assert.Equal(model.Prior, root.GetProperty("probability_two_random_records_match").GetDouble());
        var name = root.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("output_column_name").GetString() == "name");
        Assert.Equal("姓名", name.GetProperty("comparison_description").GetString());
        Assert.Equal("name", name.GetProperty("tf_adjustment_column").GetString());
        var pinyin = name.GetProperty("comparison_levels").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "same_pinyin");
        Assert.Equal("姓名同音", pinyin.GetProperty("label_for_charts").GetString());
        Assert.Equal(model.M[Comparison.Name][NameLevel.SamePinyin], pinyin.GetProperty("m_probability").GetDouble());
        Assert.Equal(model.U[Comparison.Name][NameLevel.SamePinyin], pinyin.GetProperty("u_probability").GetDouble());
        Assert.Equal(model.LevelWeight(Comparison.Name, NameLevel.SamePinyin), pinyin.GetProperty("match_weight").GetDouble(), 3);
        Assert.True(name.GetProperty("comparison_levels")[0].GetProperty("is_null_level").GetBoolean());
    }

    [Fact]
    public void Levels_are_read_by_name_whatever_their_order_and_an_unknown_level_is_named()
    {
        var model = TestModels.Typical();
        var root = System.Text.Json.Nodes.JsonNode.Parse(model.ToJson())!;
        var levels = root["comparisons"]![1]!["comparison_levels"]!.AsArray();
        var reversed = levels.Select(l => l!.DeepClone()).Reverse().ToList();
        levels.Clear();
        foreach (var l in reversed)
            levels.Add(l);
        var back = LinkageModel.FromJson(root.ToJsonString());
        Assert.Equal(model.M[Comparison.Name], back.M[Comparison.Name]);

        levels[0]!["name"] = "nickname";
        var e = Assert.Throws<InvalidDataException>(() => LinkageModel.FromJson(root.ToJsonString()));
        Assert.Contains("nickname", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void U_comes_from_the_share_of_each_level_among_random_pairs()
    {
        var random = new PatternCounts();
        random.Add(Pattern.Of(IdLevel.Different, NameLevel.Different, BirthLevel.Different, SexLevel.Equal, LocationLevel.SameCounty), 900);
        random.Add(Pattern.Of(IdLevel.Different, NameLevel.SurnameOnly, BirthLevel.Different, SexLevel.Different, LocationLevel.SamePrefecture), 100);
        var u = ModelEstimator.EstimateU(random);
        Assert.InRange(u[Comparison.Gender][SexLevel.Equal], 0.899, 0.901);
        Assert.InRange(u[Comparison.Name][NameLevel.SurnameOnly], 0.099, 0.101);
        Assert.True(u[Comparison.Name][NameLevel.Equal] is > 0 and < 0.001); // never seen: half a pair, not zero
    }

    [Fact]
    public void Em_learns_the_id_levels_of_true_pairs_from_the_candidates()
    {
        var u = TestModels.Typical().U;
        var exact = new PatternCounts();
        exact.Add(Pattern.Of(IdLevel.Equal, NameLevel.Equal, BirthLevel.Equal, SexLevel.Equal, LocationLevel.SameCounty), 9000);
        exact.Add(Pattern.Of(IdLevel.Equal, NameLevel.SamePinyin, BirthLevel.Equal, SexLevel.Equal, LocationLevel.SameCounty), 100);
        var candidates = new PatternCounts();
        // 300 true pairs whose ID lost a digit, 700 namesakes-of-a-kind that share only the birth date and county.
        candidates.Add(Pattern.Of(IdLevel.OneDigit, NameLevel.Equal, BirthLevel.Equal, SexLevel.Equal, LocationLevel.SameCounty), 300);
        candidates.Add(Pattern.Of(IdLevel.Different, NameLevel.Different, BirthLevel.Equal, SexLevel.Equal, LocationLevel.SameCounty), 700);

        var model = ModelEstimator.Estimate(u, exact, candidates, allPairs: 1e10, randomPairs: 1000, namePopulation: 0);

        // Among all true pairs (9,100 exact + 300 found), about 3 % have the one-digit level.
        Assert.InRange(model.M[Comparison.Id][IdLevel.OneDigit], 0.025, 0.04);
        Assert.InRange(model.M[Comparison.Name][NameLevel.SamePinyin], 0.008, 0.015);
        // The prior: about (9,100 + 300) matches among 10^10 pairs.
        Assert.InRange(model.Prior, 0.8e-6, 1.1e-6);
        Assert.True(model.Provenance.EmIterations >= 1);
        var namesake = Pattern.Of(IdLevel.Different, NameLevel.Different, BirthLevel.Equal, SexLevel.Equal, LocationLevel.SameCounty);
        Assert.True(LinkageModel.Probability(model.Weight(namesake, 0)) < 0.01);
    }
}
