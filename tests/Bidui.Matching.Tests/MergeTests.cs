using Bidui.Core.Regions;
using Bidui.Matching.Categories;
using Bidui.Matching.Engine;
using Bidui.Matching.Records;
using static Bidui.Matching.Tests.EngineFixture;

namespace Bidui.Matching.Tests;

/// <summary>
/// Engines that each saw every row of some keys (partitions) merge into exactly what one engine
/// over all rows gives: the same rows in the same order, rejects in file order, notes added up.
/// </summary>
public class MergeTests
{
    private static ComparisonEngine NewEngine(bool linkage = false) => new(new ComparisonSettings
    {
        ReferenceDate = Reference, Today = Today, HasAid = true, ExactOnly = !linkage,
    }, RegionTable.Default);

    // (row, name, id, county): rows of six people, a duplicate, a row without a key and an unknown county code.
    private static readonly (int Row, string Name, string Id, string County)[] Register =
    [
        (2, "张伟", Id("430121", "20160301", "011"), "430121"),
        (3, "李娜", Id("430121", "20150301", "022"), "990101"),
        (4, "王芳", Id("430121", "20140301", "031"), "430121"),
        (5, "刘洋", Id("430121", "20130301", "041"), "990101"),
        (6, "张伟", Id("430121", "20160301", "011"), "430121"),
        (7, "陈静", "4301212013", "430121"),
        (8, "杨磊", Id("430121", "20120301", "051"), "430121"),
        (9, "", "", "430121"),
    ];

    private static readonly (int Row, string Name, string Id)[] Registry =
    [
        (2, "王芳", Id("430121", "20140301", "031")),
        (3, "张伟", Id("430121", "20160301", "011")),
        (4, "刘阳", Id("430121", "20130301", "041")),
        (5, "赵敏", "43012120"),
        (6, "张伟", Id("430121", "20160301", "011")),
        (7, "孙丽", Id("430121", "20110301", "061")),
    ];

    private static readonly (int Row, string Name, string Id)[] Payments =
    [
        (2, "张伟", Id("430121", "20160301", "011")),
        (3, "孙丽", Id("430121", "20110301", "061")),
        (4, "周杰", Id("430121", "20100301", "071")),
        (5, "周杰", Id("430121", "20100301", "071")),
    ];

    /// <summary>Feeds the rows whose key <paramref name="take"/> accepts (all when null), in file order.</summary>
    private static ComparisonResult Run(Func<string, int, bool>? take, bool linkage = false)
    {
        var e = NewEngine(linkage);
        foreach (var (row, name, id, county) in Register.Where(r => take?.Invoke(r.Id, r.Row) ?? true))
            e.AddPoverty(new PovertyCells { RowNumber = row, Name = name, IdNumber = id, CountyCode = county, PersonStatus = "正常" });
        foreach (var (row, name, id) in Payments.Where(r => take?.Invoke(r.Id, r.Row) ?? true))
            e.AddAid(new AidCells { RowNumber = row, Name = name, IdNumber = id, Project = "生活补助", SchoolYear = "2026-2027", Term = "秋季学期", Amount = "625" });
        foreach (var (row, name, id) in Registry.Where(r => take?.Invoke(r.Id, r.Row) ?? true))
            e.AddStudent(new StudentCells { RowNumber = row, Name = name, IdNumber = id, Stage = "小学", Status = "在读", SchoolCounty = "430121", SchoolName = "长沙县第一小学" });
        return e.Finish();
    }

    private static List<string> Rows(ComparisonResult r, Category c) =>
        r.Lists[c].Select(x => $"{x.Source}:{x.SourceRow}:{x.Person?.Row}:{x.Student?.Row}:{x.Aid?.Row}:{x.Reason}:{x.Note}").ToList();

    [Fact]
    public void Engines_split_by_key_merge_into_the_lists_of_one_engine()
    {
        var one = Run(null);
        // Split by the sequence number's middle digit: rows of one person stay together;
        // rows without a valid ID go by row number, the empty (rejected) row to the first engine.
        bool First(string id, int row) => id.Length == 18 ? (id[15] - '0') % 2 == 1 : id.Length == 0 || row % 2 == 0;
        var merged = ComparisonResult.Merge([Run(First), Run((id, row) => !First(id, row))]);

        Assert.Equal(one.Lists.Keys, merged.Lists.Keys);
        foreach (var c in one.Lists.Keys)
            Assert.Equal(Rows(one, c), Rows(merged, c));
        Assert.NotEmpty(one.Lists[Category.Matched]);
        Assert.NotEmpty(one.Lists[Category.DuplicatePoverty]);
        Assert.NotEmpty(one.Lists[Category.AidDuplicate]);
        Assert.NotEmpty(one.Lists[Category.InvalidId]);
        Assert.Equal(one.Rejects, merged.Rejects);
        Assert.Single(one.Rejects);
        Assert.Equal(one.Notes, merged.Notes);
        Assert.Contains(one.CountedNotes, n => n.Count >= 2); // the unknown county code, counted in both engines
    }

    [Fact]
    public void Results_of_the_probabilistic_tier_are_not_merged()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ComparisonResult.Merge([Run(null, linkage: true), Run(null, linkage: true)]));
        Assert.Contains("exact", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counted_notes_add_up_by_kind_rows_before_people_then_by_text()
    {
        var sums = ComparisonResult.SumNotes([new(2, "人", "甲"), new(3, "条清单记录", "乙"), new(4, "人", "甲"), new(1, "条清单记录", "丙")]);
        Assert.Equal(["1 条清单记录：丙", "3 条清单记录：乙", "6 人：甲"], sums.Select(n => n.ToString()));
    }
}
