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

/// <summary>A compared round's counties with the rows of the round that last covered each, and the inputs that look short.</summary>
public sealed record CoverageView(IReadOnlyList<RoundCounty> Counties, IReadOnlyDictionary<int, RoundCounty> Previous, IReadOnlyList<string> ShortInputs);

/// <summary>What withdrawing a round would remove and reopen.</summary>
public sealed record WithdrawalView(int Cases, int Worked, int Reopens, int? BlockedBy);

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
        await using (var file = StoreFiles.Create(Path.Combine(inputs, RoundFiles.StoredName(kind, fileName))))
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

    /// <summary>The counties of a compared (or finished) round, as proposed or confirmed.</summary>
    public async Task<CoverageView> CoverageAsync(int roundId, CancellationToken ct = default)
    {
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        var counties = await db.RoundCounties.AsNoTracking().Where(x => x.RoundId == roundId).OrderBy(x => x.CountyCode).ToListAsync(ct);
        var previous = await PreviousByCountyAsync(round, counties.Select(c => c.CountyCode).ToList(), ct);
        var previousRound = await PreviousRoundAsync(round, ct);
        return new CoverageView(counties, previous, RoundCoverage.ShortInputs(round, previousRound, counties.Where(c => c.Covered), previous));
    }

    /// <summary>
    /// The administrator confirms the counties the round covers; inputs far shorter than last time need
    /// <paramref name="acceptShortInputs"/>. The round becomes 导入中; the caller queues <see cref="RoundRunner.ImportAsync"/>.
    /// </summary>
    public async Task ConfirmAsync(Actor actor, int roundId, IReadOnlyCollection<int> counties, bool acceptShortInputs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(counties);
        Require(actor);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new WorkflowException("批次不存在。");
        if (round.State != RoundState.AwaitingConfirmation) throw new WorkflowException("批次不在待确认状态。");
        var rows = await db.RoundCounties.Where(x => x.RoundId == roundId).ToListAsync(ct);
        if (counties.Any(c => rows.All(r => r.CountyCode != c))) throw new WorkflowException("所选县级单位不在本批次的数据中。");
        var covered = rows.Where(r => counties.Contains(r.CountyCode)).ToList();
        if (covered.Count == 0) throw new WorkflowException("请至少选择一个本批次覆盖的县级单位。");
        var previous = await PreviousByCountyAsync(round, covered.Select(c => c.CountyCode).ToList(), ct);
        var warnings = RoundCoverage.ShortInputs(round, await PreviousRoundAsync(round, ct), covered, previous);
        if (warnings.Count > 0 && !acceptShortInputs)
            throw new WorkflowException("数据量明显少于上一批次，请核对后勾选确认：" + string.Join("；", warnings) + "。");
        foreach (var r in rows) r.Covered = counties.Contains(r.CountyCode);
        round.State = RoundState.Importing;
        round.LastError = null;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "确认批次", RoundRunner.RoundTarget(roundId),
            $"覆盖：{string.Join("、", covered.Select(c => c.CountyName))}" + (warnings.Count > 0 ? "；已确认数据量偏少：" + string.Join("；", warnings) : ""), ct);
    }

    /// <summary>放弃比对结果: back to 草稿 to replace files (nothing was imported).</summary>
    public async Task DiscardAsync(Actor actor, int roundId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Require(actor);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new WorkflowException("批次不存在。");
        if (round.State != RoundState.AwaitingConfirmation) throw new WorkflowException("批次不在待确认状态。");
        await db.RoundCounties.Where(x => x.RoundId == roundId).ExecuteDeleteAsync(ct);
        round.State = RoundState.Draft;
        round.LastError = null;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "放弃比对结果", RoundRunner.RoundTarget(roundId), round.Name, ct);
    }

    public async Task<WithdrawalView> WithdrawalAsync(int roundId, CancellationToken ct = default)
    {
        var cases = db.Cases.Where(c => c.RoundId == roundId);
        int? blockedBy = await db.Cases.Where(c => c.PreviousCaseId != null && cases.Any(p => p.Id == c.PreviousCaseId) && c.RoundId != roundId)
            .Select(c => (int?)c.RoundId).FirstOrDefaultAsync(ct);
        return new WithdrawalView(
            await cases.CountAsync(ct),
            await cases.CountAsync(c => c.State != CaseState.Open || c.Events.Any(), ct),
            // The earlier cases it resolved, counted by its import (they are current again once it is withdrawn).
            await db.Rounds.Where(r => r.Id == roundId).Select(r => r.ResolvedCount).FirstOrDefaultAsync(ct),
            blockedBy);
    }

    /// <summary>
    /// 撤回批次: the round disappears with its cases (removed by <see cref="RoundRunner.PurgeAsync"/>, which the
    /// caller queues) and the earlier cases it marked resolved are open again. Refused while a later round
    /// links to its cases; cases already worked on need <paramref name="discardWork"/>. Audited with its counts.
    /// </summary>
    public async Task<WithdrawalView> WithdrawAsync(Actor actor, int roundId, string reason, bool discardWork, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Require(actor);
        if (string.IsNullOrWhiteSpace(reason)) throw new WorkflowException("请说明撤回原因。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new WorkflowException("批次不存在。");
        if (round.State != RoundState.Done) throw new WorkflowException("只能撤回已完成的批次。");
        var view = await WithdrawalAsync(roundId, ct);
        if (view.BlockedBy is { } later) throw new WorkflowException($"批次 {later} 的核查任务承接了本批次的任务，请先撤回批次 {later}。");
        if (view.Worked > 0 && !discardWork)
            throw new WorkflowException($"本批次有 {view.Worked} 条任务已有核查或审核记录，撤回将一并删除；请勾选确认后再撤回。");
        // The earlier cases it resolved or carried on are the current ones again (their successors go with this round).
        await RoundImporter.ClearMarksAsync(db, roundId, ct);
        round.State = RoundState.Withdrawn;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor.UserName, "撤回批次", RoundRunner.RoundTarget(roundId),
            $"{round.Name}；原因：{reason.Trim()}；删除核查任务 {view.Cases} 条（其中已办理 {view.Worked} 条）；恢复此前标为已消除的任务 {view.Reopens} 条", ct);
        await tx.CommitAsync(ct);
        return view;
    }

    private async Task<Round?> PreviousRoundAsync(Round round, CancellationToken ct) =>
        await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Done && r.Id != round.Id && r.ProvinceCode == round.ProvinceCode)
            .OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(ct);

    /// <summary>For each county, its row in the latest finished round that covered it.</summary>
    private async Task<Dictionary<int, RoundCounty>> PreviousByCountyAsync(Round round, List<int> counties, CancellationToken ct)
    {
        var rows = await db.RoundCounties.AsNoTracking()
            .Where(x => x.Covered && x.RoundId != round.Id && counties.Contains(x.CountyCode))
            .Join(db.Rounds.Where(r => r.State == RoundState.Done && r.ProvinceCode == round.ProvinceCode), x => x.RoundId, r => r.Id, (x, r) => new { x, r.FinishedAt })
            .ToListAsync(ct);
        return rows.GroupBy(p => p.x.CountyCode).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.FinishedAt).ThenByDescending(p => p.x.RoundId).First().x);
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
