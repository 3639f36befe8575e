using Bidui.Inputs;
using Bidui.Synthetic;

namespace Bidui.Pipeline.Tests;

/// <summary>
/// The three inputs open side by side; the error reported is still the first bad one in the order 乡村振兴, 学籍, 资助,
/// whichever finished first, and a failed open leaves no result.
/// </summary>
public sealed class InputOpeningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-opening-").FullName;
    private static readonly DateOnly Reference = new(2026, 8, 31);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(true, true, true, "poverty")]
    [InlineData(false, true, true, "students")]
    [InlineData(true, false, true, "poverty")]
    [InlineData(false, false, true, "aid")]
    public void The_first_bad_input_in_order_is_the_error_and_nothing_is_written(bool badPoverty, bool badStudents, bool badAid, string reported)
    {
        var files = DemoGenerator.Generate(Path.Combine(_dir, "inputs"), new DemoOptions(DemoSize.Small, 3, Reference, new DateOnly(2026, 11, 29)));
        string Bad(string name)
        {
            // A table without any of the columns the dataset needs: refused at open, naming the file.
            string path = Path.Combine(_dir, name + ".csv");
            File.WriteAllText(path, "甲,乙,丙\n1,2,3\n");
            return path;
        }

        string poverty = badPoverty ? Bad("poverty") : files.PovertyPath;
        string students = badStudents ? Bad("students") : files.StudentsPath;
        string aid = badAid ? Bad("aid") : files.AidPath!;
        string output = Path.Combine(_dir, "out");

        var e = Assert.Throws<InputFileException>(() => CompareJob.Run(new CompareRequest(students, poverty, aid, output) { ReferenceDate = Reference }));

        Assert.Equal(Path.Combine(_dir, reported + ".csv"), e.FilePath);
        Assert.False(File.Exists(Path.Combine(output, ResultFiles.Summary)));
    }
}
