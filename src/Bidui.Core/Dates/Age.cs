namespace Bidui.Core.Dates;

public static class Age
{
    /// <summary>Whole years completed on <paramref name="reference"/>; a 29 February birthday completes a year on 1 March in common years.</summary>
    public static int On(DateOnly birth, DateOnly reference)
    {
        int age = reference.Year - birth.Year;
        if (reference.Month < birth.Month || (reference.Month == birth.Month && reference.Day < birth.Day))
            age--;
        return age;
    }
}
