using System.Text.RegularExpressions;
using Bidui.Workflow.Access;
using Bidui.Workflow.Audit;
using Bidui.Workflow.Store;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Tests;

/// <summary>
/// The action catalogue holds every action the code writes: the source of src/ is read for every call that writes an audit
/// entry (AuditLog.WriteAsync/Add/Entry, and the helpers that pass an action on: CaseWorkflow's Stage/RecordAsync/History, RoundRunner's FailAsync),
/// and each action given there (a literal, an <see cref="AuditActions"/> member, or either branch of a conditional) must be in it.
/// </summary>
public sealed partial class AuditActionCatalogueTests
{
    private static readonly string Src = Path.Combine(RepositoryRoot(), "src");

    [Fact]
    public void Every_action_written_by_the_code_is_in_the_catalogue_and_every_catalogued_action_is_written()
    {
        var written = new Dictionary<string, string>();
        int calls = 0;
        foreach (string file in Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(file);
            foreach (Match m in AuditCall().Matches(text))
            {
                var args = Arguments(text, m.Index + m.Length);
                int at = m.Groups["helper"].Success ? 2 : 1;
                if (args.Count <= at || args[0].StartsWith("Actor ", StringComparison.Ordinal) || args[0].StartsWith("int ", StringComparison.Ordinal)) continue; // a declaration
                calls++;
                foreach (string action in Actions(args[at], file))
                {
                    Assert.True(AuditActions.Contains(action), $"{Path.GetRelativePath(Src, file)} writes the audit action “{action}”, which AuditActions does not list.");
                    written.TryAdd(action, file);
                }
            }
        }
        Assert.True(calls >= 30, $"only {calls} audit writes found: the scan no longer recognises the calls");
        var neverWritten = AuditActions.All.Where(a => !written.ContainsKey(a)).ToList();
        Assert.True(neverWritten.Count == 0, "catalogued but never written: " + string.Join("、", neverWritten));
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct().Count());
        Assert.Contains("改派", AuditActions.All);
        Assert.Contains("创建用户", AuditActions.All);
        Assert.Contains("修改用户", AuditActions.All);
        Assert.Contains("修改密码", AuditActions.All);
    }

    /// <summary>
    /// The action strings an argument may evaluate to: a literal, an <see cref="AuditActions"/> member, either branch of a
    /// conditional, every arm of a method of the same file that is one switch expression (<c>Name(x) => x switch { … }</c>);
    /// a pass-through parameter named <c>action</c> yields none (its callers are scanned).
    /// </summary>
    private static IEnumerable<string> Actions(string argument, string file)
    {
        argument = argument.Trim();
        if (TopLevelConditional(argument) is { } branches) return branches.SelectMany(b => Actions(b, file));
        if (Regex.Match(argument, @"^(\w+)\(\w+\)$") is { Success: true } call
            && Regex.Match(File.ReadAllText(file), @"\b" + call.Groups[1].Value + @"\([^()]*\)\s*=>\s*\w+\s+switch\s*\{(?<arms>[^{}]*)\}") is { Success: true } map)
            return map.Groups["arms"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(arm => arm.Contains("=>", StringComparison.Ordinal)).SelectMany(arm => Actions(arm[(arm.IndexOf("=>", StringComparison.Ordinal) + 2)..], file));
        if (argument.StartsWith('"') && argument.EndsWith('"')) return [argument[1..^1]];
        if (argument.StartsWith("AuditActions.", StringComparison.Ordinal))
        {
            var field = typeof(AuditActions).GetField(argument["AuditActions.".Length..]);
            Assert.True(field is not null, $"{file}: unknown {argument}");
            return [(string)field.GetRawConstantValue()!];
        }
        Assert.True(argument == "action", $"{Path.GetRelativePath(Src, file)}: cannot tell which audit action “{argument}” writes; use an AuditActions member.");
        return [];
    }

    private static string[]? TopLevelConditional(string expression)
    {
        int depth = 0, question = -1;
        bool quoted = false;
        for (int i = 0; i < expression.Length; i++)
        {
            char ch = expression[i];
            if (ch == '"') quoted = !quoted;
            if (quoted) continue;
            if (ch is '(' or '[' or '{') depth++;
            else if (ch is ')' or ']' or '}') depth--;
            else if (depth == 0 && ch == '?' && question < 0 && i + 1 < expression.Length && expression[i + 1] is not '?' and not '.') question = i;
            else if (depth == 0 && ch == ':' && question >= 0) return [expression[(question + 1)..i], expression[(i + 1)..]];
        }
        return null;
    }

    /// <summary>The top-level arguments of a call whose opening parenthesis ends at <paramref name="start"/>.</summary>
    private static List<string> Arguments(string text, int start)
    {
        var args = new List<string>();
        int depth = 0, from = start;
        bool quoted = false;
        for (int i = start; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch == '\\' && quoted) { i++; continue; }
            if (ch == '"') quoted = !quoted;
            if (quoted) continue;
            if (ch is '(' or '[' or '{') depth++;
            else if (ch is ')' or ']' or '}')
            {
                if (depth-- == 0) { args.Add(text[from..i].Trim()); return args; }
            }
            else if (ch == ',' && depth == 0) { args.Add(text[from..i].Trim()); from = i + 1; }
        }
        return args;
    }

    [GeneratedRegex(@"(?:\baudit|new AuditLog\([^()]*\))\.(?:WriteAsync|Add|Entry)\(|\b(?<helper>Stage|RecordAsync|FailAsync|History)\(")]
    private static partial Regex AuditCall();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bidui.sln"))) return dir.FullName;
        throw new InvalidOperationException("Bidui.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The audit page's store side: keyset pages both ways and the export, itself audited, on both stores.</summary>
public abstract class AuditSearchTests<TFixture>(TFixture f) where TFixture : DemoRoundFixture
{
    [SkippableFact]
    public async Task Pages_go_back_and_forth_by_id_and_the_export_holds_the_search_and_is_audited()
    {
        TestStores.Require(f.Available);
        string user = "paging" + Guid.NewGuid().ToString("N")[..8];
        await using var db = f.Context(UserScope.System);
        var audit = new AuditLog(db, f.Clock);
        for (int i = 0; i < 25; i++) audit.Add(user, i % 2 == 0 ? AuditActions.ViewPerson : AuditActions.Reassign, "任务 " + i, "第 " + i + " 条");
        await db.SaveChangesAsync();

        var q = new AuditLog.Query(user, null, null, null, null, PageSize: 10);
        var first = await audit.SearchAsync(q);
        Assert.Equal((25, false, 10, true, false), (first.Total, first.TotalCapped, first.Entries.Count, first.HasOlder, first.HasNewer));
        // Counts stop one past their limit: a province's whole log is never counted row by row.
        Assert.Equal((11, 25), (await audit.CountAsync(q, 10), await audit.CountAsync(q, 100)));
        Assert.True(first.Entries.Zip(first.Entries.Skip(1)).All(p => p.First.Id > p.Second.Id));
        var second = await audit.SearchAsync(q with { Before = first.Entries[^1].Id });
        var third = await audit.SearchAsync(q with { Before = second.Entries[^1].Id });
        Assert.Equal((10, true, true), (second.Entries.Count, second.HasOlder, second.HasNewer));
        Assert.Equal((5, false, true), (third.Entries.Count, third.HasOlder, third.HasNewer));
        Assert.Equal(25, first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Id).Distinct().Count());
        var back = await audit.SearchAsync(q with { After = third.Entries[0].Id });
        Assert.Equal(second.Entries.Select(e => e.Id), back.Entries.Select(e => e.Id));
        Assert.True(back.HasNewer);
        Assert.Equal(first.Entries.Select(e => e.Id), (await audit.SearchAsync(q with { After = second.Entries[0].Id })).Entries.Select(e => e.Id));

        var reassigned = await audit.SearchAsync(q with { Action = AuditActions.Reassign });
        Assert.Equal(12, reassigned.Total);
        Assert.All(reassigned.Entries, e => Assert.Equal("改派", e.Action));

        string path = Path.Combine(f.Store.DataDirectory, Guid.NewGuid().ToString("N") + ".xlsx");
        await Assert.ThrowsAsync<Bidui.Workflow.Cases.WorkflowException>(() => new AuditExport(audit, f.Clock).WriteAsync(f.ShaodongEducation, q, path));
        int rows = await new AuditExport(audit, f.Clock).WriteAsync(f.Auditor, q with { Action = AuditActions.Reassign }, path);
        Assert.Equal(12, rows);
        var read = TestStores.ReadSheet(path);
        Assert.Equal(12, read.Count);
        Assert.All(read, r => Assert.Equal(("改派", user), (r["操作"], r["用户"])));
        File.Delete(path);
        var exported = await db.Audit.Where(a => a.UserName == f.Auditor.UserName && a.Action == AuditActions.Export && a.Target == "审计日志").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("12 条", exported.Detail, StringComparison.Ordinal);
    }
}

[Collection(SqliteStore.Name)]
public sealed class SqliteAuditSearchTests(SqliteDemoRound f) : AuditSearchTests<SqliteDemoRound>(f);

[Collection(PostgresStore.Name)]
public sealed class PostgresAuditSearchTests(PostgresDemoRound f) : AuditSearchTests<PostgresDemoRound>(f);
