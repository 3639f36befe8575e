using Bidui.Matching.Categories;
using static Bidui.Matching.Tests.EngineFixture;

namespace Bidui.Matching.Tests.Probabilistic;

/// <summary>The probabilistic tier inside the engine, on hand-made rows with a fixed model.</summary>
public class LinkageTierTests
{
    private static readonly string Child = Id("430121", "20160301", "001");  // 10 on the reference day, male
    private static readonly string Twin = Id("430121", "20160301", "003");

    private static EngineFixture Tier() => new(linkage: true, model: TestModels.Typical());

    [Fact]
    public void A_register_row_whose_id_excel_destroyed_is_linked_to_the_enrolled_child()
    {
        var f = Tier();
        int p = f.Poverty("刘子涵", "4.30121E+17", birth: "2016-03-01", sex: "男");
        int s = f.Student("刘子涵", Child, county: "430121");
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal((p, s), (m.Person!.Row, m.Student!.Row));
        Assert.Contains("概率匹配", m.Note, StringComparison.Ordinal);
        Assert.Empty(r.Of(Category.DropoutSuspect));
        var invalid = Assert.Single(r.Of(Category.InvalidId));
        Assert.Equal(Child, invalid.SuggestedId); // 建议号码
        Assert.Single(r.Of(Category.AidMissing));  // now known to be an enrolled poverty child without aid
        Assert.Empty(r.Of(Category.Review));
    }

    [Fact]
    public void A_registry_row_with_a_mistyped_digit_is_linked_and_the_child_is_no_dropout_suspect()
    {
        var f = Tier();
        int p = f.Poverty("刘子涵", Child);
        string typo = Child[..10] + (Child[10] == '0' ? '5' : '0') + Child[11..]; // check no longer right
        int s = f.Student("劉子涵", typo, county: "430121", birth: "2016-03-01", sex: "男"); // traditional script too
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal((p, s), (m.Person!.Row, m.Student!.Row));
        Assert.Empty(r.Of(Category.DropoutSuspect));
        Assert.Equal(Child, Assert.Single(r.Of(Category.InvalidId)).SuggestedId);
    }

    [Fact]
    public void A_twin_with_another_given_name_is_not_taken_for_the_child()
    {
        var f = Tier();
        f.Poverty("刘子涵", "", birth: "2016-03-01", sex: "男");        // the register lost the number
        int s = f.Student("刘子轩", Twin, county: "430121");            // the twin brother is enrolled, the child is not
        var r = f.Finish();

        Assert.Empty(r.Of(Category.Matched));
        Assert.DoesNotContain(r.Of(Category.Review), row => row.Student!.Row == s && row.MatchProbability >= 0.99);
    }

    [Fact]
    public void Two_children_alike_to_the_model_go_to_review_not_to_matched()
    {
        var f = Tier();
        int p = f.Poverty("刘子涵", "", birth: "2016-03-01", sex: "男");
        int s1 = f.Student("刘子涵", Child, county: "430121");
        int s2 = f.Student("刘子涵", Twin, county: "430121"); // a namesake born the same day in the same county
        var r = f.Finish();

        Assert.Empty(r.Of(Category.Matched));
        var review = r.Of(Category.Review);
        Assert.Equal([s1, s2], review.Select(x => x.Student!.Row).Order().ToArray());
        Assert.All(review, x => Assert.Equal(p, x.Person!.Row));
        Assert.All(review, x => Assert.Contains("姓名一致 +", x.Detail, StringComparison.Ordinal));
        Assert.All(review, x => Assert.InRange(x.MatchProbability, 0.2, 1));
    }

    [Fact]
    public void One_student_is_never_linked_to_two_register_rows()
    {
        var f = Tier();
        f.Poverty("刘子涵", "", birth: "2016-03-01", sex: "男");
        f.Poverty("刘子涵", "4.30121E+17", birth: "2016-03-01", sex: "男"); // the same child twice, both without a number
        f.Student("刘子涵", Child, county: "430121");
        var r = f.Finish();

        Assert.True(r.Of(Category.Matched).Count <= 1);
        Assert.Equal(r.Of(Category.Matched).Count + r.Of(Category.Review).Count(x => x.Student!.Row == 2),
            r.Of(Category.Matched).Count + r.Of(Category.Review).Count);
    }

    [Fact]
    public void Aid_paid_under_the_registry_number_counts_for_the_linked_person()
    {
        var f = Tier();
        f.Poverty("刘子涵", "4.30121E+17", birth: "2016-03-01", sex: "男");
        f.Student("刘子涵", Child, county: "430121");
        f.Aid("刘子涵", Child);
        var r = f.Finish();

        Assert.Single(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.AidMissing));
        Assert.Empty(r.Of(Category.AidIneligible)); // the payment went to a poverty child after all
    }

    [Fact]
    public void Aid_paid_under_a_mistyped_number_still_counts_as_paid()
    {
        var f = Tier();
        f.Poverty("刘子涵", Child);
        f.Student("刘子涵", Child, county: "430121");
        string typo = Child[..17] + (Child[17] == '0' ? '1' : '0'); // wrong check character
        int a = f.Aid("刘子涵", typo);
        var r = f.Finish();

        Assert.Single(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.AidMissing));
        var invalid = Assert.Single(r.Of(Category.InvalidId));
        Assert.Equal((Records.Dataset.Aid, a, Child), (invalid.Source!.Value, invalid.SourceRow, invalid.SuggestedId));
    }

    [Fact]
    public void Exact_only_leaves_the_lists_of_the_exact_rules()
    {
        var f = new EngineFixture(linkage: false);
        f.Poverty("刘子涵", "4.30121E+17", birth: "2016-03-01", sex: "男");
        f.Student("刘子涵", Child, county: "430121");
        var r = f.Finish();

        Assert.Empty(r.Of(Category.Matched));
        Assert.False(r.Lists.ContainsKey(Category.Review));
        Assert.Equal("", Assert.Single(r.Of(Category.InvalidId)).SuggestedId);
        Assert.Null(r.Model);
    }

    [Fact]
    public void Two_valid_different_numbers_are_two_people_whatever_the_names()
    {
        var f = Tier();
        f.Poverty("刘子涵", Child);
        f.Student("刘子涵", Twin, county: "430121");
        var r = f.Finish();

        Assert.Empty(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.Review));
        Assert.Single(r.Of(Category.DropoutSuspect));
    }

    [Fact]
    public void Without_a_saved_model_the_engine_estimates_one()
    {
        var f = new EngineFixture(linkage: true);
        // Thirty children found by their numbers, each with a distinct name of one or two given characters.
        const string Given = "子梓轩涵浩宇晨欣怡佳俊杰雨婷思";
        var names = new List<(string, string)>();
        for (int i = 0; i < 30; i++)
        {
            string id = Id("430121", "20160301", (100 + 2 * i + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            string name = "刘" + Given[i % Given.Length] + (i >= Given.Length ? "明" : "");
            f.Poverty(name, id);
            names.Add((name, id));
        }
        foreach (var (name, id) in names)
            f.Student(name, id); // the register comes first
        var r = f.Finish();

        Assert.NotNull(r.Model);
        Assert.Equal(30, r.Model!.Provenance.TrainingPairs);
        Assert.True(r.Model.LevelWeight(Matching.Probabilistic.Comparison.Name, Matching.Probabilistic.Comparison.NameLevel.Equal) > 0);
        Assert.Equal(30, r.Of(Category.Matched).Count);
    }
}

/// <summary>The four failure classes of issue 12, each on hand-made rows with a fixed model.</summary>
public class LinkageFaultTests
{
    private static readonly string Father = Id("430121", "19800115", "011");
    private static readonly string Child = Id("430121", "20160301", "001");
    private static readonly string Sister = Id("430121", "20130520", "002");
    private static readonly string Twin = Id("430121", "20160301", "003");

    private static EngineFixture Tier(bool exactOnly = false) => new(linkage: !exactOnly, model: exactOnly ? null : TestModels.Typical());

    private static void Household(EngineFixture f, bool twin = false)
    {
        f.Poverty("刘建国", Father, household: "H1", relation: "户主");
        f.Poverty("刘子涵", Child, household: "H1", relation: "子女");
        f.Poverty("刘梓萱", Sister, household: "H1", relation: "子女");
        if (twin)
            f.Poverty("刘子轩", Twin, household: "H1", relation: "子女");
    }

    [Fact]
    public void A_child_registered_under_the_head_of_households_number_is_found_and_the_exact_pair_marked_borrowed()
    {
        var f = Tier();
        Household(f);
        int row = f.Student("刘子涵", Father, grade: "四年级", birth: "2016-03-01", sex: "男", county: "430121");
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal(("刘子涵", row), (m.Person!.Name, m.Student!.Row));
        Assert.Contains("概率匹配", m.Note, StringComparison.Ordinal);
        var conflict = Assert.Single(r.Of(Category.IdentityConflict));
        Assert.Equal(("刘建国", row, "疑似借用他人证件号码"), (conflict.Person!.Name, conflict.Student!.Row, conflict.Reason));
        Assert.Contains("刘子涵", conflict.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Of(Category.DropoutSuspect), d => d.Person!.Name == "刘子涵");
        Assert.Contains(r.Of(Category.DropoutSuspect), d => d.Person!.Name == "刘梓萱"); // the sister is still not enrolled
    }

    [Fact]
    public void Without_the_tier_the_same_rows_keep_the_exact_rules()
    {
        var f = Tier(exactOnly: true);
        Household(f);
        f.Student("刘子涵", Father, grade: "四年级", birth: "2016-03-01", sex: "男", county: "430121");
        var r = f.Finish();

        Assert.Equal("刘建国", Assert.Single(r.Of(Category.Matched)).Person!.Name);
        Assert.Equal("姓名不一致", Assert.Single(r.Of(Category.IdentityConflict)).Reason);
        Assert.Contains(r.Of(Category.DropoutSuspect), d => d.Person!.Name == "刘子涵");
    }

    [Fact]
    public void A_twin_under_the_other_twins_number_is_relinked_and_the_other_keeps_its_own_row()
    {
        var f = Tier();
        Household(f, twin: true);
        int borrowed = f.Student("刘子涵", Twin, grade: "四年级", county: "430121"); // the columns left empty
        int own = f.Student("刘子轩", Twin, grade: "四年级", county: "430121");
        var r = f.Finish();

        var matched = r.Of(Category.Matched).ToDictionary(x => x.Person!.Name, x => x.Student!.Row);
        Assert.Equal(borrowed, matched["刘子涵"]);
        Assert.Equal(own, matched["刘子轩"]);
        Assert.Equal("疑似借用他人证件号码", Assert.Single(r.Of(Category.IdentityConflict)).Reason);
    }

    [Fact]
    public void A_misspelt_name_under_its_own_number_stays_with_its_owner()
    {
        var f = Tier();
        Household(f);
        f.Student("刘子寒", Child, grade: "四年级", birth: "2016-03-01", county: "430121"); // 涵 → 寒: the same child
        var r = f.Finish();

        Assert.Equal("刘子涵", Assert.Single(r.Of(Category.Matched)).Person!.Name);
        Assert.Equal("姓名不一致", Assert.Single(r.Of(Category.IdentityConflict)).Reason);
        Assert.Empty(r.Of(Category.Review));
    }

    [Fact]
    public void A_child_schooled_in_another_county_with_a_number_excel_destroyed_is_linked()
    {
        var f = Tier();
        int p = f.Poverty("刘子涵", "4.30121E+17", birth: "2016-03-01", sex: "男", county: "430121");
        int s = f.Student("刘子涵", Child, county: "430102"); // 芙蓉区, in the same city
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal((p, s), (m.Person!.Row, m.Student!.Row));
    }

    [Fact]
    public void The_student_number_holds_the_number_the_id_column_lost_and_a_reversed_dotted_name_is_the_same_name()
    {
        var f = Tier();
        int p = f.Poverty("买买提·艾力", Child, county: "430121");
        int s = f.Student("艾力。买买提", "4.30121E+17", county: "430121", studentNumber: "G" + Child);
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal((p, s), (m.Person!.Row, m.Student!.Row));
        Assert.Equal(Child, Assert.Single(r.Of(Category.InvalidId)).SuggestedId);
    }

    [Fact]
    public void A_number_excel_zeroed_does_not_make_a_same_day_child_of_the_county_the_person()
    {
        var f = Tier();
        f.Poverty("刘子涵", Child, county: "430121");                       // not enrolled
        string zeroed = Twin[..15] + "000";                                  // another family's child, same day and county
        f.Student("王佳怡", zeroed, birth: "2016-03-01", sex: "女", county: "430121");
        var r = f.Finish();

        Assert.Empty(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.Review));
    }

    [Fact]
    public void A_day_and_month_swapped_birth_date_and_a_zeroed_number_still_find_the_child()
    {
        var f = Tier();
        int p = f.Poverty("刘子涵", Child, county: "430121");
        int s = f.Student("刘子涵", Child[..15] + "000", birth: "2016-01-03", sex: "男", county: "430121");
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal((p, s), (m.Person!.Row, m.Student!.Row));
    }
}

public class LinkageStudentNumberTests
{
    [Fact]
    public void A_row_under_a_number_not_in_the_register_is_found_by_its_student_number()
    {
        var f = new EngineFixture(linkage: true, model: TestModels.Typical());
        string own = Id("430321", "20210613", "001"), sisters = Id("430321", "20160417", "002");
        int p = f.Poverty("王博", own, county: "430321", household: "H2");
        f.Poverty("王瑶晨", "4.3032E+17", county: "430321", household: "H2", birth: "2016-04-17"); // her own copy went through Excel
        int s = f.Student("王博", sisters, stage: "学前", grade: "中班", county: "430321", birth: "2021-06-13", sex: "男", studentNumber: "G" + own);
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal((p, s), (m.Person!.Row, m.Student!.Row));
    }

    [Fact]
    public void Two_rows_under_one_number_not_in_the_register_are_each_a_candidate()
    {
        // The sister's register copy went through Excel; her number is on her own row and on her brother's.
        var f = new EngineFixture(linkage: true, model: TestModels.Typical());
        string own = Id("430321", "20210613", "001"), sisters = Id("430321", "20160417", "002");
        int brother = f.Poverty("王博", own, county: "430321", household: "H2");
        int sister = f.Poverty("王瑶晨", "4.3032E+17", county: "430321", household: "H2", birth: "2016-04-17", sex: "女");
        int hisRow = f.Student("王博", sisters, stage: "学前", grade: "大班", county: "430321", birth: "2021-06-13", sex: "男", studentNumber: "G" + own);
        int herRow = f.Student("王瑶晨", sisters, grade: "五年级", county: "430321", birth: "2016-04-17", sex: "女", studentNumber: "G" + sisters);
        var r = f.Finish();

        var matched = r.Of(Category.Matched).Select(x => (x.Person!.Row, x.Student!.Row)).Order().ToArray();
        Assert.Equal([(brother, hisRow), (sister, herRow)], matched);
    }
}
