namespace Bidui.Core.Identity;

/// <summary>
/// Outcome of judging one ID cell. <see cref="Key"/> is the 17 leading digits as a number (the check
/// character is implied by them), set for a valid ID and for a converted 15-digit one; 0 otherwise.
/// </summary>
public readonly record struct ResidentIdResult(IdProblem Problem, long Key, DateOnly BirthDate, Sex Sex, int RegionCode)
{
    public bool HasKey => Key != 0;
}
