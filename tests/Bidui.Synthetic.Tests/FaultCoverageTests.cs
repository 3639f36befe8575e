using System.Text.RegularExpressions;
using Bidui.Synthetic.Building;
using Bidui.Synthetic.Model;
using Bidui.Synthetic.Tests.Support;

namespace Bidui.Synthetic.Tests;

/// <summary>Every fault and every case the lists are about occurs in the small demo at seed 1.</summary>
[Collection(SmallDemoCollection.Name)]
public sealed class FaultCoverageTests(SmallDemo demo)
{
    private static readonly Lazy<World> SmallWorld = new(() =>
        WorldBuilder.Build(new DemoOptions(DemoSize.Small, 1, SmallDemo.Reference, SmallDemo.Today), _ => { }));

    public static TheoryData<string> AllFaults() => new(Enum.GetValues<Fault>().Where(f => f != Fault.None).Select(f => f.ToString()));

    [Theory]
    [MemberData(nameof(AllFaults))]
    public void Every_fault_occurs(string faultName)
    {
        var fault = Enum.Parse<Fault>(faultName);
        var w = SmallWorld.Value;
        int students = w.Students.AsSpan().ToArray().Count(r => r.Kind == RowKind.Data && r.Fault == fault);
        int poverty = w.Poverty.AsSpan().ToArray().Count(r => r.Kind == RowKind.Data && r.Fault == fault);
        int aid = w.Aid.AsSpan().ToArray().Count(r => r.Kind == RowKind.Data && r.Fault == fault);
        Assert.True(students + poverty + aid > 0, $"{fault} never occurs");
        switch (fault)
        {
            case Fault.Legacy15:
                Assert.True(poverty > 0 && students == 0 && aid == 0);
                break;
            case Fault.NameConflict:
                Assert.True(students > 0 && poverty == 0 && aid == 0);
                break;
            case Fault.BorrowedNumber:
                // A child's only student row under the 户主's number: the head is the row's person, the child is not enrolled.
                Assert.True(students >= 2 && poverty == 0 && aid == 0);
                foreach (var (row, child) in w.BorrowedNumbers)
                {
                    var r = w.Students[row];
                    Assert.Equal(Fault.BorrowedNumber, r.Fault);
                    Assert.Equal(w.HouseholdOf[child], w.HouseholdOf[r.Person]);
                    Assert.DoesNotContain(w.Students.AsSpan().ToArray(), s => s.Kind == RowKind.Data && s.Person == child);
                }

                break;
            case Fault.DotVariant:
            case Fault.Traditional:
            case Fault.SpacedName:
            case Fault.BirthConflict:
            case Fault.SexConflict:
                Assert.True(students > 0 && poverty > 0, $"{fault}: students {students}, poverty {poverty}");
                break;
            default:
                Assert.True(students > 0 && poverty > 0 && aid > 0, $"{fault}: students {students}, poverty {poverty}, aid {aid}");
                break;
        }
    }

    [Fact]
    public void The_world_holds_the_cases_the_lists_are_about()
    {
        var w = SmallWorld.Value;
        var students = w.Students.AsSpan().ToArray();
        var poverty = w.Poverty.AsSpan().ToArray();

        // Other documents of every type, one written twice with case and space variants; abolished and unknown school codes.
        var documents = students.Where(r => r.Kind == RowKind.Data).Select(r => w.People.Document(r.Person)).Where(d => d > 0).ToHashSet();
        Assert.Equal([1, 2, 3], documents.Order());
        Assert.Contains(students, r => (r.Flags & StudentFlags.DocVariant) != 0);
        Assert.Contains(students, r => (r.Flags & StudentFlags.AbolishedCode) != 0);
        Assert.Contains(students, r => (r.Flags & StudentFlags.UnknownCode) != 0);
        Assert.Contains(students, r => (r.Flags & StudentFlags.StageBlank) != 0);
        Assert.Contains(students, r => (r.Flags & StudentFlags.TypeBlank) != 0);

        // Every 学籍状态, every 人员状态, every 在校生状况 style and kind.
        Assert.Equal(Enum.GetValues<EnrolStatus>().Order(), students.Where(r => r.Kind == RowKind.Data).Select(r => r.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<LifeStatus>().Order(), poverty.Where(r => r.Kind == RowKind.Data).Select(r => r.Life).Distinct().Order());
        Assert.Equal(Enum.GetValues<StatementKind>().Order(), poverty.Where(r => r.Kind == RowKind.Data).Select(r => r.Statement).Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 6), w.Counties.SelectMany(c => c.TownshipStatementStyle).Distinct().Order());
        Assert.Equal(
            [Stage.Preschool, Stage.Primary, Stage.Middle, Stage.High, Stage.Vocational, Stage.HigherVocational, Stage.Higher],
            poverty.Where(r => r.Statement == StatementKind.InSchool).Select(r => r.StatementStage).Distinct().Order());
        Assert.Equal(Enum.GetValues<AidProject>().Order(), w.Aid.AsSpan().ToArray().Where(r => r.Kind == RowKind.Data).Select(r => r.Project).Distinct().Order());

        // Deceased children: some still enrolled (matched, but in no action list), some not.
        var enrolled = students.Where(r => r.Kind == RowKind.Data && Stages.IsEnrolled(r.Status)).Select(r => r.Person).ToHashSet();
        var deceasedChildren = poverty.Where(r => r.Kind == RowKind.Data && r.Life != LifeStatus.Normal && r.Relation is Relation.Son or Relation.Daughter or Relation.Grandson or Relation.Granddaughter).ToList();
        Assert.Contains(deceasedChildren, r => enrolled.Contains(r.Person));
        Assert.Contains(deceasedChildren, r => !enrolled.Contains(r.Person));

        // Uyghur names with a middle dot, and households of 2 to 6.
        Assert.Contains(poverty, r => r.Kind == RowKind.Data && Names.IsUyghur(w.People.Name(r.Person)));
        var sizes = poverty.Where(r => r.Kind == RowKind.Data && r.Relation != Relation.Other).GroupBy(r => r.Household).Select(g => g.Count()).ToList();
        Assert.InRange(sizes.Max(), 5, 6);
        Assert.Equal(1, sizes.Min());
    }

    [Fact]
    public void The_files_show_every_written_form()
    {
        var students = demo.Students.Rows.SelectMany(r => r.Cells).ToList();
        var poverty = demo.Poverty.Rows.SelectMany(r => r.Cells).ToList();
        var aid = demo.Aid.Rows.SelectMany(r => r.Cells).ToList();
        var all = students.Concat(poverty).Concat(aid).Select(c => c.Text).ToList();

        Assert.Contains(students, c => c.Numeric && c.Text.Contains("E+17", StringComparison.Ordinal)); // an ID typed as a number
        Assert.Contains(poverty, c => Regex.IsMatch(c.Text, @"^\d\.\d*E\+17$")); // what a CSV saved by Excel shows
        Assert.Contains(poverty, c => Regex.IsMatch(c.Text, @"^\d{15}$"));
        Assert.Contains(all, t => Regex.IsMatch(t, @"^\d{17}x$"));
        Assert.Contains(all, t => t.Length == 18 && t.All(ch => ch is >= '０' and <= '９' or 'Ｘ'));
        Assert.Contains(all, t => t.Contains('\u3000', StringComparison.Ordinal) && Regex.IsMatch(t, @"\d{6}"));
        Assert.Contains(all, t => Regex.IsMatch(t, @"^\d{6}[-－]\d{8}[-－]\d{3}[\dX]$"));
        Assert.Contains(all, t => Regex.IsMatch(t, @"^['`]\d{17}[\dX]$"));
        Assert.Contains(all, t => Regex.IsMatch(t, @"^\d{10}\*{4}\d{3}[\dX]$"));
        Assert.Contains(all, t => t.Contains('•', StringComparison.Ordinal));
        Assert.Contains(all, t => t.Contains('・', StringComparison.Ordinal));
        Assert.Contains(all, t => t.Length is >= 2 and <= 4 && t.Any(ch => Names.TraditionalMap.Values.Contains(ch)));
        Assert.Contains(all, t => Regex.IsMatch(t, @"^[A-Z]+ [A-Z ]+$"));
        Assert.Contains(all, t => Regex.IsMatch(t, @"^[hm] ?\d{3} ?\d{5}$"));
        Assert.Contains(all, t => t is "护照" or "港澳居民来往内地通行证" or "台湾居民来往大陆通行证");
        Assert.Contains(all, t => t is "03 小学" or "03-小学" or "04 初中" or "04-初中");
        Assert.Contains(all, t => t.StartsWith("在校生（", StringComparison.Ordinal));
        Assert.Contains(all, t => t.StartsWith("在校生-", StringComparison.Ordinal));
        Assert.Contains(all, t => t == "合计");

        // Dates of SPEC 2.4: every text form, date cells and serial numbers.
        foreach (var pattern in new[] { @"^\d{4}-\d{2}-\d{2}$", @"^\d{4}/\d{1,2}/\d{1,2}$", @"^\d{4}\.\d{1,2}\.\d{1,2}$", @"^(19|20)\d{6}$", @"^\d{4}年\d{1,2}月\d{1,2}日$" })
        {
            Assert.Contains(students.Concat(poverty), c => !c.Numeric && Regex.IsMatch(c.Text, pattern));
        }

        Assert.Contains(students, c => c.Numeric && int.TryParse(c.Text, out int serial) && serial is > 36_000 and < 47_000);
    }
}
