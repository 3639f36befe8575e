namespace Bidui.Core.Dates;

/// <summary>An inclusive range of ages.</summary>
public readonly record struct AgeBand(int Min, int Max)
{
    /// <summary>SPEC 3: compulsory school age is 6 ≤ age ≤ 15.</summary>
    public static AgeBand CompulsorySchool { get; } = new(6, 15);

    public bool Contains(int age) => age >= Min && age <= Max;
}
