using Bidui.Matching.Categories;
using static Bidui.Matching.Tests.EngineFixture;

namespace Bidui.Matching.Tests;

public class PersonListTests
{
    private static readonly string Child10 = Id("430121", "20160301");   // 10 on 2026-08-31
    private static readonly string Child16 = Id("430121", "20100301");   // 16
    private static readonly string Child6 = Id("430121", "20200831");    // turns 6 on the reference day

    [Fact]
    public void Enrolled_person_is_matched_and_without_aid_is_aid_missing()
    {
        var f = new EngineFixture();
        int p = f.Poverty("张伟", Child10);
        int s = f.Student("张伟", Child10);
        var r = f.Finish();

        var m = Assert.Single(r.Of(Category.Matched));
        Assert.Equal((p, s), (m.Person!.Row, m.Student!.Row));
        var a = Assert.Single(r.Of(Category.AidMissing));
        Assert.Equal((p, s), (a.Person!.Row, a.Student!.Row));
        Assert.Empty(r.Of(Category.DropoutSuspect));
    }

    [Fact]
    public void Aid_row_with_the_key_clears_aid_missing()
    {
        var f = new EngineFixture();
        f.Poverty("张伟", Child10);
        f.Aid("张伟", Child10);
        f.Student("张伟", Child10);
        var r = f.Finish();
        Assert.Single(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.AidMissing));
        Assert.Empty(r.Of(Category.AidIneligible));
        Assert.Empty(r.Of(Category.AidNotEnrolled));
    }

    [Fact]
    public void Without_an_aid_file_no_aid_list_is_computed()
    {
        var f = new EngineFixture(withAid: false);
        f.Poverty("张伟", Child10);
        f.Student("张伟", Child10);
        var r = f.Finish();
        Assert.False(r.Lists.ContainsKey(Category.AidMissing));
        Assert.False(r.Lists.ContainsKey(Category.AidDuplicate));
        Assert.False(r.Lists.ContainsKey(Category.Review));
        Assert.Single(r.Of(Category.Matched));
    }

    [Fact]
    public void Deceased_enrolled_person_is_matched_but_gets_no_aid_missing()
    {
        var f = new EngineFixture();
        f.Poverty("张伟", Child10, status: "死亡");
        f.Student("张伟", Child10);
        var r = f.Finish();
        Assert.Single(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.AidMissing));
    }

    [Theory]
    [InlineData("20160301", "正常", true)]
    [InlineData("20200831", "正常", true)]   // 6 on the day itself
    [InlineData("20200901", "正常", false)]  // 5
    [InlineData("20100301", "正常", false)]  // 16
    [InlineData("20110831", "正常", true)]   // 15 on the day
    [InlineData("20160301", "死亡", false)]
    [InlineData("20160301", "注销", false)]
    public void Dropout_suspect_is_a_compulsory_age_living_person_not_enrolled(string birth, string status, bool listed)
    {
        var f = new EngineFixture();
        f.Poverty("李娜", Id("430121", birth), status: status);
        var r = f.Finish();
        Assert.Equal(listed ? 1 : 0, r.Of(Category.DropoutSuspect).Count);
    }

    [Fact]
    public void A_student_row_that_is_not_enrolled_does_not_count_as_enrolment()
    {
        var f = new EngineFixture();
        f.Poverty("李娜", Child10);
        f.Student("李娜", Child10, status: "辍学");
        var r = f.Finish();
        Assert.Empty(r.Of(Category.Matched));
        Assert.Single(r.Of(Category.DropoutSuspect));
        Assert.Empty(r.Of(Category.DuplicateEnrollment));
    }

    [Fact]
    public void Empty_status_counts_as_enrolled()
    {
        var f = new EngineFixture();
        f.Poverty("李娜", Child10);
        f.Student("李娜", Child10, status: "");
        Assert.Single(f.Finish().Of(Category.Matched));
    }

    [Fact]
    public void Stage_comes_from_grade_when_the_stage_cell_is_empty()
    {
        var f = new EngineFixture();
        f.Poverty("李娜", Child10, schooling: "初中");
        f.Student("李娜", Child10, stage: "", grade: "八年级");
        var r = f.Finish();
        Assert.Empty(r.Of(Category.StatusMismatch));
        Assert.Equal("初中", Assert.Single(r.Of(Category.Matched)).Student!.StageText);
    }

    [Theory]
    [InlineData("非在校生", true, "登记非在校但有学籍")]
    [InlineData("失学辍学", true, "登记非在校但有学籍")]
    [InlineData("在校生（初中）", true, "学段不一致")]
    [InlineData("03 小学", true, null)]
    [InlineData("小学", false, "登记在校但未查到学籍")]
    [InlineData("本科", false, null)]
    [InlineData("", false, null)]
    [InlineData("学龄前儿童", false, null)]
    public void Status_mismatch_follows_the_register_statement(string schooling, bool enrolled, string? reason)
    {
        var f = new EngineFixture();
        int p = f.Poverty("王芳", Child16, schooling: schooling);
        if (enrolled)
            f.Student("王芳", Child16, stage: "小学");
        var rows = f.Finish().Of(Category.StatusMismatch);
        if (reason is null)
        {
            Assert.Empty(rows);
            return;
        }
        var row = Assert.Single(rows);
        Assert.Equal(reason, row.Reason);
        Assert.Equal(p, row.Person!.Row);
        Assert.Equal(enrolled, row.Student is not null);
    }

    [Fact]
    public void The_first_poverty_row_represents_the_person_and_all_rows_are_duplicates()
    {
        var f = new EngineFixture();
        int first = f.Poverty("赵敏", Child6);
        int second = f.Poverty("赵敏", Child6);
        f.Poverty("钱多", Child16);
        var r = f.Finish();
        Assert.Equal(first, Assert.Single(r.Of(Category.DropoutSuspect)).Person!.Row);
        Assert.Equal([first, second], r.Of(Category.DuplicatePoverty).Select(x => x.Person!.Row));
        Assert.All(r.Of(Category.DuplicatePoverty), x => Assert.Equal(2, x.DuplicateCount));
    }

    [Fact]
    public void Identity_conflict_compares_names_in_their_comparison_form()
    {
        var f = new EngineFixture();
        int p = f.Poverty("张伟", Child10);
        f.Student("張偉", Child10);                   // traditional: same person
        int s2 = f.Student("张玮", Child10, status: "转出"); // other name, any status
        var r = f.Finish();
        var c = Assert.Single(r.Of(Category.IdentityConflict));
        Assert.Equal((p, s2), (c.Person!.Row, c.Student!.Row));
    }

    [Fact]
    public void Legacy_15_digit_number_is_listed_and_still_matches()
    {
        // 430121 + 160301 is not in 19yy... use a 1990 birth: 15-digit 430121900301001 → 43012119900301001x.
        string legacy = "430121900301001";
        string full = Id("430121", "19900301");
        var f = new EngineFixture();
        int p = f.Poverty("刘洋", full);
        int s = f.Student("刘洋", legacy);
        var r = f.Finish();
        Assert.Equal((p, s), Assert.Single(r.Of(Category.Matched)) is var m ? (m.Person!.Row, m.Student!.Row) : default);
        var inv = Assert.Single(r.Of(Category.InvalidId));
        Assert.Equal("15位旧号码", inv.Reason);
        Assert.Empty(r.Of(Category.FieldConflict));
    }
}
