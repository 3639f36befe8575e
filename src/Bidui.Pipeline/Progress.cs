namespace Bidui.Pipeline;

/// <summary>Where a long job reports its steps: a terminal progress bar, a web page, or nothing.</summary>
public interface IJobProgress
{
    /// <summary>Starts a step; <paramref name="total"/> is null when the amount of work is not known in advance.</summary>
    IProgressStep Start(string description, long? total = null);
}

public interface IProgressStep : IDisposable
{
    /// <summary>How much of the step is done (rows, files…).</summary>
    void Report(long done);
}

public sealed class NullProgress : IJobProgress, IProgressStep
{
    public static NullProgress Instance { get; } = new();
    public IProgressStep Start(string description, long? total = null) => this;
    public void Report(long done) { }
    public void Dispose() { }
}
