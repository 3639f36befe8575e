using System.Collections.Concurrent;

namespace Bidui.Workflow.Access;

/// <summary>
/// Slows password guessing without letting strangers lock anyone out. Failures are counted per
/// (user name, address) and per address; past a few free failures each further one blocks that pair
/// (or that address) for twice as long as the last, from one minute up to an hour. The account itself
/// is never locked: its owner, at another address, signs in as usual. Names that do not exist are
/// counted exactly like names that do, so the answers tell nothing about which names exist.
/// Kept in memory (one server process): a restart forgets it.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailuresPerAccount = 5;
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan FirstBlock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestBlock = TimeSpan.FromHours(1);
    /// <summary>Failures older than this are forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(24);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTime LastFailure, DateTime BlockedUntil);

    /// <summary>Until when a sign-in of this name from this address is refused without looking at the password; null when it may try.</summary>
    public DateTime? BlockedUntil(string userName, string address)
    {
        var now = Now;
        var until = new[] { Get(AccountKey(userName, address), now), Get(AddressKey(address), now) }.Max(e => e?.BlockedUntil ?? DateTime.MinValue);
        return until > now ? until : null;
    }

    public void Failed(string userName, string address)
    {
        var now = Now;
        if (_entries.Count > MaxEntries) Prune(now);
        Count(AccountKey(userName, address), FreeFailuresPerAccount, now);
        Count(AddressKey(address), FreeFailuresPerAddress, now);
    }

    /// <summary>A right password from this address: the pair starts afresh (the address keeps its count; it decays).</summary>
    public void Succeeded(string userName, string address) => _entries.TryRemove(AccountKey(userName, address), out _);

    /// <summary>The administrator's 解除限制: every address's count for this name is cleared.</summary>
    public void Release(string userName)
    {
        string prefix = "u:" + Normalize(userName) + "|";
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))) _entries.TryRemove(key, out _);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Count(string key, int free, DateTime now) =>
        _entries.AddOrUpdate(key, _ => Next(null, free, now), (_, old) => Next(Fresh(old, now), free, now));

    private static Entry Next(Entry? old, int free, DateTime now)
    {
        int failures = (old?.Failures ?? 0) + 1;
        var blocked = old?.BlockedUntil ?? DateTime.MinValue;
        if (failures >= free)
        {
            var length = TimeSpan.FromTicks(Math.Min(LongestBlock.Ticks, FirstBlock.Ticks << Math.Min(failures - free, 16)));
            blocked = now + length;
        }
        return new Entry(failures, now, blocked);
    }

    private Entry? Get(string key, DateTime now) => _entries.TryGetValue(key, out var e) ? Fresh(e, now) : null;

    private static Entry? Fresh(Entry? e, DateTime now) => e is not null && now - e.LastFailure < Memory ? e : null;

    private void Prune(DateTime now)
    {
        foreach (var (key, e) in _entries.Where(kv => now - kv.Value.LastFailure >= Memory || kv.Value.BlockedUntil < now && kv.Value.Failures < FreeFailuresPerAccount))
            _entries.TryRemove(key, out _);
    }

    private static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    private static string AccountKey(string userName, string address) => "u:" + Normalize(userName) + "|" + address;

    private static string AddressKey(string address) => "a:" + address;
}
