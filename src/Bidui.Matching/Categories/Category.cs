namespace Bidui.Matching.Categories;

/// <summary>The result lists of SPEC §4, in the order they are reported.</summary>
public enum Category : byte
{
    Matched,
    AidMissing,
    DropoutSuspect,
    StatusMismatch,
    IdentityConflict,
    FieldConflict,
    InvalidId,
    DuplicateEnrollment,
    DuplicatePoverty,
    AidDuplicate,
    AidIneligible,
    AidStageMismatch,
    AidAmountAnomaly,
    AidNotEnrolled,
    Review,
}
