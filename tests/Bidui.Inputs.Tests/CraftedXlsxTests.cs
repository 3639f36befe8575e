using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Bidui.Inputs.Tests;

/// <summary>
/// Issue 13: small crafted workbooks that hung or exhausted memory now stop at once with an input error,
/// in bounded time and memory (the bounds are loose on purpose: the old cost was minutes and gigabytes).
/// </summary>
public sealed class CraftedXlsxTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A minimal workbook whose sheet (and shared strings) are written by the caller, straight into the zip.</summary>
    private string Workbook(string name, Action<StreamWriter> sheetData, Action<StreamWriter>? sharedStrings = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bidui-crafted-{Guid.NewGuid():N}-{name}");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Part(string part, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
                w.Write(text);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            using (var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16))
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            }
            using (var w = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16))
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            }
        }

        return _files.Write(name, File.ReadAllBytes(path));
    }

    private static InputFileException ReadFails(string path, TimeSpan within, long maxAllocatedBytes)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan cpuBefore = ThreadCpu() ?? TimeSpan.Zero;
        // This thread's allocations: the reader runs on it alone (no task or thread in Bidui.Inputs), and the
        // process-wide figure counted the other test classes running alongside (58.8 MB once against a 32 MB bound).
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InputFileException>(() =>
        {
            using var reader = TabularFile.Open(path);
            while (reader.Read())
            {
            }
        });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The reading thread's CPU time where the system tells it: a machine shared by other builds stretches
        // the wall clock, never the work done. Elsewhere the wall clock.
        TimeSpan took = ThreadCpu() is { } cpuAfter ? cpuAfter - cpuBefore : clock.Elapsed;
        Assert.True(took < within, $"took {took} of CPU ({clock.Elapsed} on the clock)");
        Assert.True(allocated < maxAllocatedBytes, $"allocated {allocated:N0} bytes");
        return ex;
    }

    /// <summary>CPU time of the calling thread (Linux: /proc/thread-self/schedstat, nanoseconds on a CPU), else null.</summary>
    private static TimeSpan? ThreadCpu()
    {
        const string SchedStat = "/proc/thread-self/schedstat";
        if (!File.Exists(SchedStat))
            return null;
        long nanoseconds = long.Parse(File.ReadAllText(SchedStat).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromTicks(nanoseconds / 100);
    }

    private static void Row(StreamWriter w, long row, params string[] cells)
    {
        w.Write($"<row r=\"{row}\">");
        for (int i = 0; i < cells.Length; i++)
        {
            w.Write($"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{cells[i]}</t></is></c>");
        }

        w.Write("</row>");
    }

    [Fact]
    public void A_row_numbered_two_billion_is_refused_at_once_not_read_for_minutes()
    {
        string path = Workbook("far.xlsx", w =>
        {
            Row(w, 1, "姓名", "证件号码");
            Row(w, 2_000_000_000, "张三", "1");
        });
        var ex = ReadFails(path, TimeSpan.FromSeconds(10), 64L << 20);
        Assert.Contains("2,000,000,000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1,048,576", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_whose_parts_claim_more_than_4_gb_is_refused_before_anything_is_inflated()
    {
        // A small file whose central directory declares two parts of almost 4 GB each, as a zip bomb's does.
        byte[] bytes = File.ReadAllBytes(Workbook("bomb.xlsx", w => Row(w, 1, "姓名", "证件号码")));
        int patched = 0;
        for (int i = bytes.Length - 46; i >= 0 && patched < 2; i--)
        {
            if (BitConverter.ToUInt32(bytes, i) == 0x02014b50) // central directory file header
            {
                BitConverter.GetBytes(0xFFFF_FFF0u).CopyTo(bytes, i + 24); // uncompressed size
                patched++;
            }
        }

        Assert.Equal(2, patched);
        string path = _files.Write("bomb2.xlsx", bytes);
        var ex = ReadFails(path, TimeSpan.FromSeconds(10), 64L << 20);
        Assert.Contains("解压后", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4,096 MB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_row_excel_allows_is_read()
    {
        string path = Workbook("last.xlsx", w =>
        {
            Row(w, 1, "姓名", "证件号码");
            Row(w, InputLimits.MaxSheetRows, "张三", "1");
        });
        using var reader = TabularFile.Open(path);
        int last = 0;
        while (reader.Read())
        {
            last = reader.RowNumber;
        }

        Assert.Equal(InputLimits.MaxSheetRows, last);
    }

    [Fact]
    public void A_cell_of_fifty_million_characters_is_refused_without_reading_it_into_memory()
    {
        // 50 M characters compress to a few tens of kilobytes; ExcelDataReader would hold them as one string (100 MB and more).
        string path = Workbook("huge-cell.xlsx", w =>
        {
            Row(w, 1, "姓名", "证件号码");
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
            var block = new string('长', 1 << 20);
            for (int i = 0; i < 50; i++)
            {
                w.Write(block);
            }

            w.Write("</t></is></c></row>");
        });
        Assert.True(new FileInfo(path).Length < 2_000_000);
        var ex = ReadFails(path, TimeSpan.FromSeconds(10), 32L << 20);
        Assert.Equal(2, ex.Row);
        Assert.Contains("第2行第1列", ex.Message, StringComparison.Ordinal);
        Assert.Contains("32,767", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_shared_strings_than_the_bound_are_refused_before_they_are_loaded()
    {
        string path = Workbook("strings.xlsx", w => Row(w, 1, "姓名", "证件号码"), w =>
        {
            for (int i = 0; i <= InputLimits.MaxSharedStrings; i++)
            {
                w.Write("<si><t/></si>");
            }
        });
        // Allocation, not memory held: the scan's XML reader allocates a little per element and keeps nothing
        // (ExcelDataReader kept every string: 3.4 GB for 4 MB of them).
        var ex = ReadFails(path, TimeSpan.FromSeconds(60), 512L << 20);
        Assert.Contains("共享文字表", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_past_column_xfd_is_refused()
    {
        string path = Workbook("wide.xlsx", w =>
        {
            Row(w, 1, "姓名", "证件号码");
            w.Write("<row r=\"2\"><c r=\"XFE2\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        });
        var ex = ReadFails(path, TimeSpan.FromSeconds(10), 64L << 20);
        Assert.Contains("16,384", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dtd_in_a_part_is_a_corrupt_workbook_not_an_expansion()
    {
        string path = Workbook("dtd.xlsx", w => Row(w, 1, "姓名", "证件号码"));
        // Rewrite the sheet with a DOCTYPE (the classic entity-expansion attack).
        string bad = _files.Write("dtd2.xlsx", File.ReadAllBytes(path));
        using (var zip = ZipFile.Open(bad, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            w.Write("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>""");
        }

        ReadFails(bad, TimeSpan.FromSeconds(10), 64L << 20);
    }
}
