using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

public sealed record NewRound(string Name, string SchoolYear, string Term, DateOnly ReferenceDate, DateOnly Deadline);

/// <summary>Creating a round, receiving its three files and starting its comparison (province administrators only).</summary>
public sealed class RoundService(BiduiDbContext db, AuditLog audit, StoreOptions store, TimeProvider clock)
{
    public Task<List<Round>> ListAsync(CancellationToken ct = default) => db.Rounds.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(ct);

    public Task<Round?> FindAsync(int id, CancellationToken ct = default) => db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<Round> CreateAsync(Actor actor, NewRound spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(spec);
        Require(actor);
        if (string.IsNullOrWhiteSpace(spec.Name)) throw new WorkflowException("请填写批次名称。");
        if (spec.Deadline < spec.ReferenceDate) throw new WorkflowException("反馈截止日期不能早于基准日。");
        var round = new Round
        {
            Name = spec.Name.Trim(), SchoolYear = spec.SchoolYear.Trim(), Term = spec.Term.Trim(), ReferenceDate = spec.ReferenceDate,
            Deadline = spec.Deadline, ProvinceCode = actor.RegionCode / 10000, State = RoundState.Draft,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.UserName,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "创建批次", RoundRunner.RoundTarget(round.Id), round.Name, ct);
        return round;
    }

    public async Task SaveInputAsync(Actor actor, int roundId, string kind, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        Require(actor);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new WorkflowException("批次不存在。");
        if (round.State != RoundState.Draft) throw new WorkflowException("批次已比对或正在比对，不能更换数据文件。");
        var inputs = Path.Combine(store.RoundDirectory(roundId), "inputs");
        Directory.CreateDirectory(inputs);
        foreach (var old in Directory.EnumerateFiles(inputs, kind + ".*")) File.Delete(old);
        await using (var file = File.Create(Path.Combine(inputs, RoundFiles.StoredName(kind, fileName))))
            await content.CopyToAsync(file, ct);
        string name = Path.GetFileName(fileName);
        switch (kind)
        {
            case RoundFiles.Students: round.StudentsFile = name; break;
            case RoundFiles.Poverty: round.PovertyFile = name; break;
            case RoundFiles.Aid: round.AidFile = name; break;
            default: throw new WorkflowException("未知的数据类型。");
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "上传数据文件", RoundRunner.RoundTarget(roundId), $"{kind}：{name}", ct);
    }

    /// <summary>Marks the round running; the caller queues <see cref="RoundRunner.RunAsync"/>.</summary>
    public async Task StartAsync(Actor actor, int roundId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Require(actor);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new WorkflowException("批次不存在。");
        if (round.State != RoundState.Draft) throw new WorkflowException("批次已比对或正在比对。");
        if (round.StudentsFile is null || round.PovertyFile is null) throw new WorkflowException("请先上传学籍数据和乡村振兴数据（资助数据可选）。");
        round.State = RoundState.Running;
        round.LastError = null;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "开始比对", RoundRunner.RoundTarget(roundId), round.Name, ct);
    }

    private static void Require(Actor actor)
    {
        if (!RoleInfo.ManagesRounds(actor.Role)) throw new WorkflowException("只有省级管理员可以管理比对批次。");
    }
}
