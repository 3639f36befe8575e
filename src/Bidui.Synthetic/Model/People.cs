namespace Bidui.Synthetic.Model;

/// <summary>Everyone in the world, as parallel arrays (ten million people fit in a few hundred MB).</summary>
internal sealed class People
{
    private long[] _id17;
    private int[] _name;
    private byte[] _ethnic;
    private byte[] _document;

    public People(int capacity)
    {
        capacity = Math.Max(capacity, 64);
        _id17 = new long[capacity];
        _name = new int[capacity];
        _ethnic = new byte[capacity];
        _document = new byte[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The 17 leading digits of the resident ID (for holders of other documents: region 0, but the birth date and sex are right).</summary>
    public long Id17(int person) => _id17[person];

    public int Name(int person) => _name[person];

    public int Ethnic(int person) => _ethnic[person];

    /// <summary>0 resident ID; otherwise an index into <see cref="Documents.Types"/> plus one.</summary>
    public int Document(int person) => _document[person];

    public DateOnly Birth(int person) => ResidentIds.BirthDate(_id17[person]);

    public bool Male(int person) => ResidentIds.IsMale(_id17[person]);

    public bool HasCheckX(int person) => _document[person] == 0 && ResidentIds.CheckChar(_id17[person]) == 'X';

    public int Add(long id17, int name, int ethnic, int document = 0)
    {
        if (Count == _id17.Length)
        {
            int size = _id17.Length * 2;
            Array.Resize(ref _id17, size);
            Array.Resize(ref _name, size);
            Array.Resize(ref _ethnic, size);
            Array.Resize(ref _document, size);
        }

        _id17[Count] = id17;
        _name[Count] = name;
        _ethnic[Count] = (byte)ethnic;
        _document[Count] = (byte)document;
        return Count++;
    }
}

/// <summary>Documents other than the resident ID (SPEC 2.2).</summary>
internal static class Documents
{
    public static readonly string[] Types = ["护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证"];

    /// <summary>A number unique to the person: passports E+8 digits, 回乡证 H/M+8 digits, 台胞证 8 digits.</summary>
    public static int Write(int person, int document, Span<char> dest)
    {
        long digits = (person * 48_271L + 12_345_678) % 100_000_000;
        int n = 0;
        switch (document)
        {
            case 1:
                dest[n++] = 'E';
                break;
            case 2:
                dest[n++] = person % 3 == 0 ? 'M' : 'H';
                break;
        }

        digits.TryFormat(dest[n..], out int written, "D8", CultureInfo.InvariantCulture);
        return n + written;
    }
}
