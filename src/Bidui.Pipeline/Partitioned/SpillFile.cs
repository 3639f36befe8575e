using System.Buffers;
using System.Text;

namespace Bidui.Pipeline.Partitioned;

/// <summary>
/// Writes records of numbers and texts to a temporary file, buffered. Texts are UTF-8 with a 7-bit
/// length; an empty text and a missing one are the same (the lists write both as an empty cell).
/// </summary>
internal sealed class SpillWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _out;
    private byte[] _bytes = new byte[256];

    /// <param name="bufferSize">Smaller when many are open at once (one per partition while splitting).</param>
    public SpillWriter(string path, int bufferSize = 1 << 20)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize);
        _out = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    public void Write(int value) => _out.Write(value);

    public void Write(long value) => _out.Write(value);

    public void Write(byte value) => _out.Write(value);

    public void Write(ReadOnlySpan<char> text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > _bytes.Length)
            _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
        int n = Encoding.UTF8.GetBytes(text, _bytes);
        _out.Write7BitEncodedInt(n);
        _out.Write(_bytes, 0, n);
    }

    public void Dispose()
    {
        _out.Dispose();
        _file.Dispose();
    }
}

/// <summary>Reads what <see cref="SpillWriter"/> wrote, in the same order; texts are decoded into one reused buffer per record.</summary>
internal sealed class SpillReader : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryReader _in;
    private byte[] _bytes = new byte[256];
    private char[] _chars = new char[1024];
    private int _used;

    /// <param name="bufferSize">Smaller when many are open at once (one per partition while merging).</param>
    public SpillReader(string path, int bufferSize = 1 << 20)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
        _in = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
    }

    public bool AtEnd => _file.Position >= _file.Length;

    /// <summary>Starts a record: texts read from here on stay valid until the next call.</summary>
    public void BeginRecord() => _used = 0;

    public int ReadInt32() => _in.ReadInt32();

    public long ReadInt64() => _in.ReadInt64();

    public byte ReadByte() => _in.ReadByte();

    /// <summary>The next text as a range of <see cref="Chars"/>.</summary>
    public (int Start, int Length) ReadText()
    {
        int n = _in.Read7BitEncodedInt();
        if (n > _bytes.Length)
            _bytes = new byte[Math.Max(n, _bytes.Length * 2)];
        _in.BaseStream.ReadExactly(_bytes, 0, n);
        int need = _used + n; // UTF-8 never decodes to more chars than bytes
        if (need > _chars.Length)
            Array.Resize(ref _chars, Math.Max(need, _chars.Length * 2));
        int chars = Encoding.UTF8.GetChars(_bytes, 0, n, _chars, _used);
        var range = (_used, chars);
        _used += chars;
        return range;
    }

    public string ReadString()
    {
        var (start, length) = ReadText();
        return length == 0 ? string.Empty : new string(_chars, start, length);
    }

    public ReadOnlySpan<char> Text((int Start, int Length) range) => _chars.AsSpan(range.Start, range.Length);

    public void Dispose()
    {
        _in.Dispose();
        _file.Dispose();
    }
}
