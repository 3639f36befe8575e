namespace Bidui.Reports.Tests;

public sealed class SynchronousWriteStreamTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bidui-sync-{Guid.NewGuid():N}.bin");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task AsynchronousWritesAreDoneBeforeTheyReturnAndLandInTheFileInOrder()
    {
        var stream = new SynchronousWriteStream(new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None, 16));
        await using (stream)
        {
            var first = stream.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
            Assert.True(first.IsCompletedSuccessfully); // no thread-pool hop for the caller to wait on
            await first;
            var second = stream.WriteAsync(new byte[] { 9, 4, 5, 6 }, 1, 3, CancellationToken.None);
            Assert.True(second.IsCompletedSuccessfully);
            await second;
            Assert.Equal(6, stream.Position);
            stream.Position = 0; // the zip writer seeks back to finish its headers
            stream.WriteByte(7);
            Assert.True(stream.FlushAsync(CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.Equal(new byte[] { 7, 2, 3, 4, 5, 6 }, await File.ReadAllBytesAsync(_path));
    }

    [Fact]
    public async Task ACancelledWriteWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var stream = new SynchronousWriteStream(new FileStream(_path, FileMode.Create, FileAccess.Write));
        await using (stream)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.WriteAsync(new byte[] { 1 }, cancelled.Token));
        }

        Assert.Empty(await File.ReadAllBytesAsync(_path));
    }
}
