namespace Bidui.Synthetic.Model;

/// <summary>One row of the student file.</summary>
internal struct StudentRow
{
    public int Person;
    public int School;

    /// <summary>Grade level: -2..0 kindergarten (小班, 中班, 大班), 1..12 school years.</summary>
    public sbyte Level;
    public Stage Stage;
    public EnrolStatus Status;
    public Fault Fault;
    public RowKind Kind;

    /// <summary>Cosmetic flags: see <see cref="StudentFlags"/>.</summary>
    public byte Flags;
}

internal static class StudentFlags
{
    /// <summary>学段 left empty: the stage comes from 年级.</summary>
    public const byte StageBlank = 1;

    /// <summary>学校所在地代码 holds the county's abolished predecessor code.</summary>
    public const byte AbolishedCode = 2;

    /// <summary>学校所在地代码 holds a code in no edition of GB/T 2260.</summary>
    public const byte UnknownCode = 4;

    /// <summary>身份证件类型 left empty (still a resident ID).</summary>
    public const byte TypeBlank = 8;

    /// <summary>An other document's number written in lower case with a space (same key).</summary>
    public const byte DocVariant = 16;
}

/// <summary>One row of the poverty register.</summary>
internal struct PovertyRow
{
    public int Person;
    public int Household;
    public Relation Relation;
    public StatementKind Statement;
    public Stage StatementStage;
    public sbyte StatementLevel;
    public LifeStatus Life;
    public Fault Fault;
    public RowKind Kind;
    public byte Remark;
}

/// <summary>One row of the aid payments.</summary>
internal struct AidRow
{
    public int Person;
    public int School;
    public int AmountJiao;
    public int PayDay;
    public sbyte Level;
    public AidProject Project;
    public Semester Semester;
    public Fault Fault;
    public RowKind Kind;

    /// <summary>How the 金额 cell is spoiled (SPEC 4.7 金额无效); a zero amount is <see cref="AmountJiao"/> 0.</summary>
    public AmountFault AmountFault;
}

/// <summary>A 金额 cell that is not a positive number (besides 0).</summary>
internal enum AmountFault : byte
{
    None,
    Empty,
    Text,
    Negative,
}

internal enum AidProject : byte
{
    PreschoolAid,
    CompulsoryLivingAllowance,
    HighSchoolGrant,
    HighSchoolFeeWaiver,
    VocationalGrant,
    VocationalFeeWaiver,
    RainDew,
    Nutrition,
    DisabilityAid,
}

internal enum Semester : byte
{
    Autumn,
    Spring,

    /// <summary>A payment entered again for the year (学期 补发): its own 学期 text, so no duplicate, but the year's sum grows.</summary>
    Supplement,
}

/// <summary>One row of an eligibility register (低保, 特困 …).</summary>
internal struct RegisterRow
{
    public int Person;

    /// <summary>Index into the register's 类别 texts.</summary>
    public byte KindText;
    public Fault Fault;
    public RowKind Kind;
}

/// <summary>A growable array of row structs, indexable by reference.</summary>
internal sealed class RowBuffer<T>
    where T : struct
{
    private T[] _items;

    public RowBuffer(int capacity) => _items = new T[Math.Max(16, capacity)];

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    public T[] Items => _items;

    public int Add(in T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count] = item;
        return Count++;
    }

    public Span<T> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>Grows the buffer (without copying when it is already large enough) and sets the count.</summary>
    public void Resize(int count)
    {
        if (count > _items.Length)
        {
            Array.Resize(ref _items, count);
        }

        Count = count;
    }
}
