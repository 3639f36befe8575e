using Bidui.Matching.Supervision;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Cases;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Rounds;

/// <summary>The aid-supervision inputs uploaded for a round (SPEC §1.4, §1.5, §4.6).</summary>
public sealed record RoundSupervisionInputs(IReadOnlyList<StoredRegister> Registers, bool AidProjects, bool KeyCounties);

public sealed record NewRound(string Name, string SchoolYear, string Term, DateOnly ReferenceDate, DateOnly Deadline);

/// <summary>Creating a round, receiving its files (three datasets, the other eligibility registers, the aid catalogue, the key counties) and starting its comparison (province administrators only).</summary>
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
        var round = await DraftForUploadAsync(actor, roundId, content, ct);
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
            case RoundFiles.AidProjects or RoundFiles.KeyCounties: break; // found by their stored name (RoundFiles)
            default: throw new WorkflowException("未知的数据类型。");
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "上传数据文件", RoundRunner.RoundTarget(roundId), $"{kind}：{name}", ct);
    }

    public RoundSupervisionInputs SupervisionInputs(int roundId)
    {
        var inputs = Path.Combine(store.RoundDirectory(roundId), "inputs");
        return new(RoundFiles.Registers(inputs), RoundFiles.Find(inputs, RoundFiles.AidProjects) is not null, RoundFiles.Find(inputs, RoundFiles.KeyCounties) is not null);
    }

    /// <summary>Stores an eligibility register (SPEC §1.4) under its label; the label is checked as `--register` checks it.</summary>
    public async Task SaveRegisterAsync(Actor actor, int roundId, string label, string fileName, Stream content, CancellationToken ct = default)
    {
        await DraftForUploadAsync(actor, roundId, content, ct);
        string key = AidCatalog.KeyOf((label ?? "").Normalize(System.Text.NormalizationForm.FormKC));
        if (key.Length == 0) throw new WorkflowException("请填写名单标签，例如 低保、特困、残疾人。");
        if (AidCatalog.ReservedLabels.Contains(key))
            throw new WorkflowException($"名单标签“{key}”与三类基础数据（学籍、乡村振兴、资助）同名，无法区分来源：请改用其他标签，例如 低保、特困、残疾人。");
        var inputs = Path.Combine(store.RoundDirectory(roundId), "inputs");
        var existing = RoundFiles.Registers(inputs);
        if (existing.All(r => r.Label != key) && existing.Count >= Bidui.Matching.Engine.ComparisonEngine.MaxRegisters)
            throw new WorkflowException($"最多上传 {Bidui.Matching.Engine.ComparisonEngine.MaxRegisters} 个困难群体名单。");
        await RoundFiles.SaveRegisterAsync(inputs, key, fileName, content, ct);
        await audit.WriteAsync(actor.UserName, "上传数据文件", RoundRunner.RoundTarget(roundId), $"困难群体名单 {key}：{Path.GetFileName(fileName)}", ct);
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

    /// <summary>The round an upload goes to: it must exist and still be a draft, and the actor must manage rounds.</summary>
    private async Task<Round> DraftForUploadAsync(Actor actor, int roundId, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        Require(actor);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new WorkflowException("批次不存在。");
        if (round.State != RoundState.Draft) throw new WorkflowException("批次已比对或正在比对，不能更换数据文件。");
        return round;
    }

    private static void Require(Actor actor)
    {
        if (!RoleInfo.ManagesRounds(actor.Role)) throw new WorkflowException("只有省级管理员可以管理比对批次。");
    }
}
