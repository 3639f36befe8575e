using Bidui.Matching.Categories;
using Bidui.Matching.Records;

namespace Bidui.Matching.Engine;

/// <summary>
/// The order the engine gives each list, as one number per row, so that lists from engines that each
/// saw some of the keys can be merged into the order one engine over all rows would have given (each
/// engine's list is already in this order: it emits rows in file order).
/// </summary>
public static class ListOrder
{
    public static long KeyOf(Category category, ResultRow row) => category switch
    {
        // Person lists and duplicate_poverty follow the register, one row per person or poverty row.
        Category.Matched or Category.AidMissing or Category.DropoutSuspect or Category.StatusMismatch or Category.DuplicatePoverty
            => row.Person!.Row,
        Category.IdentityConflict or Category.DuplicateEnrollment => row.Student!.Row,
        // Source rows: 学籍, 乡村振兴, 资助, the registers in the order given, then row.
        Category.InvalidId or Category.FieldConflict => ((long)row.SourceOrder << 32) | (uint)row.SourceRow,
        Category.AidDuplicate or Category.AidIneligible or Category.AidStageMismatch or Category.AidAmountAnomaly or Category.AidNotEnrolled
            => row.Aid!.Row,
        _ => throw new NotSupportedException($"The list {category} is not made by a partitioned run."),
    };
}
