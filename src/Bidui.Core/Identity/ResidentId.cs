namespace Bidui.Core.Identity;

/// <summary>Chinese resident ID numbers (GB 11643-1999) as SPEC 2.1 judges them.</summary>
public static class ResidentId
{
    public static ResidentIdResult Parse(ReadOnlySpan<char> cell, DateOnly today) => throw new NotImplementedException();

    public static string Format(long key) => throw new NotImplementedException();

    public static char CheckCharacter(ReadOnlySpan<char> first17Digits) => throw new NotImplementedException();

    public static string Normalize(ReadOnlySpan<char> cell) => throw new NotImplementedException();

    public static bool IsProvinceCode(int twoDigits) => throw new NotImplementedException();
}
