using Bidui.Core.Dates;
using Bidui.Core.Identity;
using Bidui.Core.Names;
using Bidui.Core.Regions;
using Bidui.Core.Schooling;

namespace Bidui.Core.Tests;

/// <summary>The per-row paths run ten million times per province: their common case must not allocate.</summary>
public class AllocationTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void Hot_paths_do_not_allocate_on_common_input()
    {
        var keys = new OtherDocumentKeys();
        Assert.Equal(Expected, RunAll(keys)); // warms up static tables and the JIT, and checks the answers

        long before = GC.GetAllocatedBytesForCurrentThread();
        int hits = 0;
        for (int i = 0; i < 100; i++)
            hits += RunAll(keys);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(100 * Expected, hits);
        Assert.Equal(0, allocated);
    }

    private const int Expected = 21;

    // Counts the right answers; xunit's asserts allocate, so none are used inside the measured loop.
    private static int RunAll(OtherDocumentKeys keys)
    {
        int hits = 0;
        hits += ResidentId.Parse("11010519491231002X", Today).HasKey ? 1 : 0;
        hits += ResidentId.Parse("１１０１０５１９４９１２３１００２ｘ", Today).HasKey ? 1 : 0;
        hits += ResidentId.Parse("'110105 1949 1231 002X", Today).HasKey ? 1 : 0;
        hits += ResidentId.Parse("110105491231002", Today).HasKey ? 1 : 0;
        hits += ResidentId.Parse("110105194912310021", Today).Problem == IdProblem.WrongCheckCharacter ? 1 : 0;
        hits += DocumentTypes.IsResidentId("居民身份证") ? 1 : 0;
        hits += keys.GetOrAdd("护照", "E12345678") != 0 ? 1 : 0;
        hits += PersonName.ComparisonForm("张伟") == "张伟" ? 1 : 0;
        hits += PersonName.ComparisonForm("阿依古丽·买买提") == "阿依古丽·买买提" ? 1 : 0;
        hits += SexText.Parse("男") == Sex.Male ? 1 : 0;
        hits += FlexibleDate.TryParse("2023-03-05", out _) ? 1 : 0;
        hits += FlexibleDate.TryParse("2023年3月5日", out _) ? 1 : 0;
        hits += FlexibleDate.TryParse("45000", out _) ? 1 : 0;
        hits += SchoolStages.FromStageCell("小学") == SchoolStage.Primary ? 1 : 0;
        hits += SchoolStages.FromGrade("七年级") == SchoolStage.Junior ? 1 : 0;
        hits += EnrollmentStatus.IsEnrolled("在读") ? 1 : 0;
        hits += SchoolingStatement.Parse("03 小学").Stage == SchoolStage.Primary ? 1 : 0;
        hits += SchoolingStatement.Parse("在校生（小学）").Stage == SchoolStage.Primary ? 1 : 0;
        hits += RegionTable.Default.ResolveForDispatch(110103).Code == 110101 ? 1 : 0;
        hits += RegionTable.Default.Find(430102) is not null ? 1 : 0;
        hits += Age.On(new DateOnly(2010, 9, 1), new DateOnly(2026, 8, 31)) == 15 ? 1 : 0;
        return hits;
    }
}
