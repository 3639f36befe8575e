using Bidui.Matching.Categories;
using Bidui.Matching.Records;
using static Bidui.Matching.Tests.EngineFixture;

namespace Bidui.Matching.Tests;

public class SourceRowListTests
{
    private static readonly string Child10 = Id("430121", "20160301");
    private static readonly string Girl10 = Id("430121", "20160301", "002");

    [Fact]
    public void Invalid_ids_are_listed_per_dataset_with_their_reason_and_take_no_part_in_matching()
    {
        var f = new EngineFixture();
        string wrongCheck = Child10[..17] + (Child10[17] == '0' ? '1' : '0');
        int p = f.Poverty("张伟", wrongCheck);
        int a = f.Aid("张伟", "");
        int s = f.Student("张伟", "4.30121E+17");
        var r = f.Finish();
        var rows = r.Of(Category.InvalidId);
        Assert.Equal(
            [(Dataset.Students, s, "科学计数法损坏"), (Dataset.Poverty, p, "校验码错误"), (Dataset.Aid, a, "证件号码为空")],
            rows.Select(x => (x.Source!.Value, x.SourceRow, x.Reason)));
        Assert.Empty(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.DropoutSuspect));
        Assert.Empty(r.Of(Category.AidIneligible));
    }

    [Fact]
    public void Other_document_types_are_never_invalid_and_match_only_the_same_type_and_number()
    {
        var f = new EngineFixture();
        f.Poverty("约翰", "e12345678", type: "护照", birth: "2016-03-01");
        f.Student("约翰", "E 12345678", type: "护照");
        f.Student("约翰", "E12345678", type: "港澳居民来往内地通行证");
        var r = f.Finish();
        Assert.Empty(r.Of(Category.InvalidId));
        Assert.Single(r.Of(Category.Matched));
        Assert.Empty(r.Of(Category.DuplicateEnrollment));
    }

    [Fact]
    public void Other_document_person_without_birth_date_gets_no_age_and_a_note()
    {
        var f = new EngineFixture();
        f.Poverty("约翰", "E12345678", type: "护照");
        var r = f.Finish();
        Assert.Empty(r.Of(Category.DropoutSuspect));
        Assert.Contains(r.Notes, n => n.Contains("无法计算年龄", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2016-03-01", "男", null)]
    [InlineData("2016/3/1", "", null)]
    [InlineData("2016-03-02", "男", "出生日期与证件号码不符")]
    [InlineData("20160301", "女", "性别与证件号码不符")]
    [InlineData("2015年3月1日", "女", "出生日期、性别与证件号码不符")]
    [InlineData("不详", "未知", null)]
    public void Field_conflict_when_birth_date_or_sex_contradict_a_valid_id(string birth, string sex, string? reason)
    {
        var f = new EngineFixture();
        int s = f.Student("张伟", Child10, birth: birth, sex: sex);   // sequence 001: male
        var rows = f.Finish().Of(Category.FieldConflict);
        if (reason is null)
        {
            Assert.Empty(rows);
            return;
        }
        var row = Assert.Single(rows);
        Assert.Equal((Dataset.Students, s, reason), (row.Source!.Value, row.SourceRow, row.Reason));
    }

    [Fact]
    public void Duplicate_enrolment_lists_every_enrolled_row_of_the_key()
    {
        var f = new EngineFixture();
        int a = f.Student("张伟", Child10);
        f.Student("张伟", Child10, status: "转出");
        int c = f.Student("张伟", Child10, status: "休学");
        f.Student("李娜", Girl10);
        var rows = f.Finish().Of(Category.DuplicateEnrollment);
        Assert.Equal([a, c], rows.Select(x => x.Student!.Row));
        Assert.All(rows, x => Assert.Equal(2, x.DuplicateCount));
    }

    [Fact]
    public void Aid_lists_duplicate_ineligible_and_not_enrolled()
    {
        var f = new EngineFixture();
        f.Poverty("张伟", Child10);
        int a1 = f.Aid("张伟", Child10);
        int a2 = f.Aid("张伟", Child10);
        f.Aid("张伟", Child10, term: "春季学期");
        int stranger = f.Aid("李娜", Girl10);
        f.Student("李娜", Girl10);
        var r = f.Finish();
        Assert.Equal([a1, a2], r.Of(Category.AidDuplicate).Select(x => x.Aid!.Row));
        Assert.Equal([stranger], r.Of(Category.AidIneligible).Select(x => x.Aid!.Row));
        Assert.Equal(3, r.Of(Category.AidNotEnrolled).Count);   // 张伟 is not enrolled
        Assert.DoesNotContain(r.Of(Category.AidNotEnrolled), x => x.Aid!.Row == stranger);
    }

    [Fact]
    public void A_row_with_neither_name_nor_id_is_rejected_and_in_no_list()
    {
        var f = new EngineFixture();
        Assert.False(f.RejectableStudent("某小学"));
        var r = f.Finish();
        var reject = Assert.Single(r.Rejects);
        Assert.Equal(Dataset.Students, reject.Source);
        Assert.Empty(r.Of(Category.InvalidId));
    }

    [Fact]
    public void An_abolished_county_code_is_dispatched_to_its_successor_with_a_note()
    {
        // 110103 (崇文区) was merged into 110101 (东城区) in 2010.
        var f = new EngineFixture();
        f.Poverty("张伟", Child10, county: "110103");
        var row = Assert.Single(f.Finish().Of(Category.DropoutSuspect));
        Assert.Equal(110101, row.Responsible.Code);
        Assert.Contains("110103", row.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Aid_row_goes_to_the_county_of_its_school_in_the_registry()
    {
        var f = new EngineFixture();
        f.Aid("李娜", Girl10, schoolCode: "2143000009");
        f.Student("王五", Id("430102", "20150101"), county: "430102", schoolCode: "2143000009");
        var row = Assert.Single(f.Finish().Of(Category.AidIneligible));
        Assert.Equal(430102, row.Responsible.Code);
    }
}
