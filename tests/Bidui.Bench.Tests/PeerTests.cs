using Bidui.Pipeline;

namespace Bidui.Bench.Tests;

/// <summary>
/// Both DuckDB peers run for real on province-shaped inputs (every fault of the generator), and the list
/// check holds: the validating peer gives Bidui's keys exactly, the plain peer the same keys on the numbers
/// both read alike. A peer that did other work than Bidui would make the benchmark's ratio meaningless.
/// </summary>
public sealed class PeerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bidui-peers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Plain_and_validating_peers_give_bidui_s_lists_on_what_they_read_alike()
    {
        var options = BenchOptions.Parse(["--students", "20000", "--dir", _dir])!;
        var inputs = BenchInputs.Prepare(options);
        string biduiOut = Path.Combine(_dir, "out-bidui");
        CompareJob.Run(new CompareRequest(inputs.Students, inputs.Poverty, inputs.Aid, biduiOut) { ReferenceDate = options.ReferenceDate, ExactOnly = true });
        var readDifferently = ListCheck.ReadDifferently(inputs.IdColumns);
        Assert.NotEmpty(readDifferently); // the generator writes numbers only Bidui reads: the check must set them aside

        foreach (var peer in new[] { PeerKind.Plain, PeerKind.Validating })
        {
            var job = inputs.Job(Path.Combine(_dir, "out-" + peer), options.ReferenceDate, peer);
            DuckDbPeer.Run(job);
            foreach (var list in ListCheck.Lists)
            {
                var d = ListCheck.Compare(list, biduiOut, job.OutDir, peer == PeerKind.Plain, readDifferently);
                Assert.True(d.Same, $"{peer} {list}: {d.OnlyBidui.Count} only in Bidui, {d.OnlyDuckDb.Count} only in DuckDB");
                Assert.True(d.Bidui > 0, $"{peer} {list} is empty");
            }

            // Without setting aside what only Bidui reads, the plain peer's lists differ: the check is not vacuous.
            if (peer == PeerKind.Plain)
                Assert.Contains(ListCheck.Lists, list => !ListCheck.Compare(list, biduiOut, job.OutDir).Same);
        }
    }
}
