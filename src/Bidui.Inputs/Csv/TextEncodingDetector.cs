using System.Text;
using System.Text.Unicode;

namespace Bidui.Inputs.Csv;

/// <summary>The encoding of a delimited text file and the length of its byte-order mark.</summary>
internal readonly record struct DetectedEncoding(Encoding Encoding, int PreambleLength, string Label);

/// <summary>
/// Decides how a CSV file is encoded: a byte-order mark wins; otherwise text that reads as UTF-8 is
/// UTF-8, and anything else is GB18030 (a superset of GBK/GB2312, what Chinese Windows saves as "ANSI").
/// "Reads as UTF-8" tolerates a few damaged bytes among many well-formed characters, so that a fault
/// is reported at its row (<see cref="CsvTextGuard"/>) as it would be past the sample, instead of turning
/// the whole file into GB18030 garbage; GBK text read as UTF-8 is almost all invalid sequences.
/// Every decoder here yields U+FFFD for what it cannot decode, which the guard refuses.
/// </summary>
internal static class TextEncodingDetector
{
    /// <summary>How much of the file is checked for UTF-8 validity.</summary>
    internal const int SampleSize = 4 * 1024 * 1024;

    static TextEncodingDetector()
    {
        // GB18030 is not built into .NET Core; the code-pages provider supplies it.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    internal static Encoding Utf8NoBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>GB18030 whose undecodable bytes become U+FFFD (the code page's default is a silent "?").</summary>
    internal static Encoding Gb18030 => Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));

    /// <param name="sample">The first bytes of the file.</param>
    /// <param name="isWholeFile">The sample ends where the file ends (so a cut sequence at the end is an error, not a cut).</param>
    internal static DetectedEncoding Detect(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DetectedEncoding(Utf8NoBom, 3, "UTF-8");
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33]))
        {
            return new DetectedEncoding(Gb18030, 4, "GB18030");
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            // Excel's "Unicode text" export: UTF-16LE with BOM, tab-delimited.
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2, "UTF-16");
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DetectedEncoding(new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2, "UTF-16");
        }

        var checkedPart = isWholeFile ? sample : sample[..CompleteUtf8Length(sample)];
        return Utf8.IsValid(checkedPart) || MostlyUtf8(checkedPart)
            ? new DetectedEncoding(Utf8NoBom, 0, "UTF-8")
            : new DetectedEncoding(Gb18030, 0, "GB18030");
    }

    /// <summary>
    /// Well-formed multi-byte UTF-8 characters outnumber invalid sequences at least two to one. GBK text
    /// gives about one chance well-formed sequence per ten invalid ones; a UTF-8 file with a damaged
    /// byte or two still has its header's Chinese names around them.
    /// </summary>
    internal static bool MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        long wellFormed = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            int ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                wellFormed++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return wellFormed >= 2 * invalid;
    }

    /// <summary>
    /// Length of the sample without a multibyte sequence cut off at its end, so that a sample boundary
    /// falling inside a character does not make valid UTF-8 look invalid.
    /// </summary>
    internal static int CompleteUtf8Length(ReadOnlySpan<byte> sample)
    {
        int length = sample.Length;
        for (int back = 1; back <= 3 && back <= length; back++)
        {
            byte b = sample[length - back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: keep looking for the lead byte
            }

            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? length - back : length;
        }

        return length;
    }
}
