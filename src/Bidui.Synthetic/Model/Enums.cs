namespace Bidui.Synthetic.Model;

/// <summary>What a file row is: a person's record, a blank row, or a row without name and ID (rejected).</summary>
internal enum RowKind : byte
{
    Data,
    Blank,
    Rejected,
}

/// <summary>School stages; the first five are the registry and aid stages of SPEC 4.</summary>
internal enum Stage : byte
{
    None,
    Preschool,
    Primary,
    Middle,
    High,
    Vocational,
    HigherVocational,
    Higher,
}

/// <summary>学籍状态. The first five count as enrolled (SPEC 1.1; Blank is an empty cell).</summary>
internal enum EnrolStatus : byte
{
    Reading,
    Registered,
    AtSchool,
    Suspended,
    Blank,
    TransferredOut,
    Graduated,
    DroppedOut,
    Deceased,
}

/// <summary>What the poverty register's 在校生状况 says (SPEC 4.4).</summary>
internal enum StatementKind : byte
{
    /// <summary>Empty cell: no reason.</summary>
    Empty,

    /// <summary>学龄前儿童: not in school.</summary>
    PreschoolChild,

    /// <summary>非在校生: not in school.</summary>
    NotInSchool,

    /// <summary>失学辍学 / 失学或辍学: not in school.</summary>
    Dropout,

    /// <summary>In school at a stage (学前 … 高等教育).</summary>
    InSchool,
}

/// <summary>人员状态.</summary>
internal enum LifeStatus : byte
{
    Normal,
    Deceased,
    Removed,
}

/// <summary>与户主关系.</summary>
internal enum Relation : byte
{
    Head,
    Spouse,
    Son,
    Daughter,
    Father,
    Mother,
    DaughterInLaw,
    Grandson,
    Granddaughter,
    Other,
}

/// <summary>
/// The one defect injected into a row (at most one per row). The first group makes the ID invalid
/// (SPEC 2.1 reasons, in the order they are checked); the second leaves it valid after normalisation;
/// the rest touch the name or the 出生日期/性别 cells.
/// </summary>
internal enum Fault : byte
{
    None,
    EmptyId,
    Scientific,
    Legacy15,
    WrongLength,
    IllegalChar,
    BadProvince,
    BadBirthDate,
    BadCheck,
    LowerX,
    FullWidth,
    Spaces,
    IdeographicSpace,
    Hyphens,
    Apostrophe,
    Traditional,
    DotVariant,
    SpacedName,
    NameConflict,
    BirthConflict,
    SexConflict,

    /// <summary>
    /// A child's student row carrying the 户主's number (SPEC §4.3): the row's person is the head, whose
    /// number it holds; name, sex, birth date and 学籍号 are the child's (<see cref="World.BorrowedNumbers"/>).
    /// </summary>
    BorrowedNumber,
}

internal static class Faults
{
    /// <summary>Whether the row still has a key (a converted 15-digit number has one).</summary>
    public static bool KeepsKey(Fault fault) => fault is not (Fault.EmptyId or Fault.Scientific or Fault.WrongLength
        or Fault.IllegalChar or Fault.BadProvince or Fault.BadBirthDate or Fault.BadCheck);

    /// <summary>The invalid_id reason of SPEC 2.1, or null.</summary>
    public static string? InvalidReason(Fault fault) => fault switch
    {
        Fault.EmptyId => "证件号码为空",
        Fault.Scientific => "科学计数法损坏",
        Fault.Legacy15 => "15位旧号码",
        Fault.WrongLength => "长度错误",
        Fault.IllegalChar => "含非法字符",
        Fault.BadProvince => "地区码无效",
        Fault.BadBirthDate => "出生日期无效",
        Fault.BadCheck => "校验码错误",
        _ => null,
    };

    public static bool IsFieldConflict(Fault fault) => fault is Fault.BirthConflict or Fault.SexConflict or Fault.BorrowedNumber;
}

internal static class Stages
{
    public static Stage OfLevel(int level, bool vocational) => level switch
    {
        <= 0 => Stage.Preschool,
        <= 6 => Stage.Primary,
        <= 9 => Stage.Middle,
        _ => vocational ? Stage.Vocational : Stage.High,
    };

    /// <summary>学前, 小学, 初中, 高中, 中职 (also the aid stages).</summary>
    public static bool IsRegistryStage(Stage stage) => stage is >= Stage.Preschool and <= Stage.Vocational;

    public static bool IsEnrolled(EnrolStatus status) => status <= EnrolStatus.Blank;
}
