using Bidui.Core.Schooling;

namespace Bidui.Matching.Supervision;

/// <summary>Who a project may pay (SPEC §1.5 对象).</summary>
public enum AudienceKind : byte
{
    /// <summary>困难: a person in P or in any register (the default).</summary>
    Needy,
    /// <summary>全体: every enrolled student of the project's stages.</summary>
    All,
    /// <summary>脱贫: P only.</summary>
    Poverty,
    /// <summary>A list of register labels and/or 脱贫.</summary>
    List,
}

/// <summary>How long one payment's 标准 covers (SPEC §1.5 周期).</summary>
public enum AidPeriod : byte
{
    Term,
    Year,
}

/// <summary>
/// One row of the aid project catalogue (SPEC §1.5, §4.7). <see cref="Key"/> is the name with all
/// white space removed: the form aid rows are looked up by.
/// </summary>
public sealed record AidProject
{
    public required string Name { get; init; }
    public required string Key { get; init; }
    /// <summary>Row of the catalogue file, as Excel shows it.</summary>
    public int Row { get; init; }
    /// <summary>The stages the project pays; empty: any stage.</summary>
    public IReadOnlyList<SchoolStage> Stages { get; init; } = [];
    public AudienceKind Audience { get; init; } = AudienceKind.Needy;
    /// <summary>For <see cref="AudienceKind.List"/>: the items in catalogue order (脱贫 and register labels).</summary>
    public IReadOnlyList<string> AudienceItems { get; init; } = [];
    /// <summary>标准: the amount range of one payment; null when the cell is empty (no check).</summary>
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public AidPeriod Period { get; init; } = AidPeriod.Term;

    /// <summary>SPEC §4.7: twice the maximum for 学期, the maximum for 学年.</summary>
    public decimal? YearlyStandard => Maximum is { } max ? Period == AidPeriod.Term ? 2 * max : max : null;

    public bool PaysStage(SchoolStage stage) => Stages.Count == 0 || Stages.Contains(stage);

    /// <summary>The stages in words for a 原因: 小学、初中.</summary>
    public string StagesText => string.Join("、", Stages.Select(s => s.ToChinese()));

    /// <summary>What a project absent from the catalogue (or every project without one) is: 困难, any stage, no amount check.</summary>
    public static AidProject Default(string name) => new() { Name = name, Key = AidCatalog.KeyOf(name) };
}
