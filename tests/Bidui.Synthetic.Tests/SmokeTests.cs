namespace Bidui.Synthetic.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Small_generates()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bidui-smoke");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var files = DemoGenerator.Generate(dir, new DemoOptions(DemoSize.Small, 1, new DateOnly(2026, 8, 31), new DateOnly(2026, 11, 29)));
        Console.WriteLine(sw.Elapsed);
        Assert.True(File.Exists(files.StudentsPath));
    }
}
