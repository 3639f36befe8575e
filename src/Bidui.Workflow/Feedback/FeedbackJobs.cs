using System.Collections.Concurrent;
using Bidui.Pipeline;

namespace Bidui.Workflow.Feedback;

/// <summary>A bulk feedback upload being checked and applied in the background, as its owner sees it.</summary>
public sealed record FeedbackJob(Guid Id, int UserId, int RoundId, string FileName, DateTime Started)
{
    public string Step { get; init; } = "排队等待";
    public long Done { get; init; }
    public long? Total { get; init; }
    public bool Finished { get; init; }
    public FeedbackUploadResult? Result { get; init; }
    public string? Error { get; init; }
}

/// <summary>
/// In-memory progress and outcome of bulk feedback jobs (one server process runs them). Only the
/// user who uploaded a workbook sees its job; finished jobs are forgotten after a day.
/// </summary>
public sealed class FeedbackJobs(TimeProvider clock)
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<Guid, FeedbackJob> _jobs = new();

    public FeedbackJob Start(int userId, int roundId, string fileName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in _jobs.Values.Where(j => j.Finished && now - j.Started > KeepFinished)) _jobs.TryRemove(old.Id, out _);
        var job = new FeedbackJob(Guid.NewGuid(), userId, roundId, fileName, now);
        _jobs[job.Id] = job;
        return job;
    }

    public FeedbackJob? Get(Guid id, int userId) => _jobs.TryGetValue(id, out var job) && job.UserId == userId ? job : null;

    public void Finish(Guid id, FeedbackUploadResult? result, string? error) =>
        Update(id, j => j with { Finished = true, Result = result, Error = error, Step = error is null ? "完成" : "失败" });

    /// <summary>The job's progress, as the workbook check and the submissions report it.</summary>
    public IJobProgress Progress(Guid id) => new Reporter(this, id);

    private void Update(Guid id, Func<FeedbackJob, FeedbackJob> change)
    {
        while (_jobs.TryGetValue(id, out var old) && !_jobs.TryUpdate(id, change(old), old)) { }
    }

    private sealed class Reporter(FeedbackJobs jobs, Guid id) : IJobProgress
    {
        public IProgressStep Start(string description, long? total = null)
        {
            jobs.Update(id, j => j with { Step = description, Done = 0, Total = total });
            return new Step(jobs, id);
        }
    }

    private sealed class Step(FeedbackJobs jobs, Guid id) : IProgressStep
    {
        public void Report(long done) => jobs.Update(id, j => j with { Done = done });
        public void Dispose() { }
    }
}
