namespace Bidui.Workflow;

/// <summary>
/// The users' clock: the instant from the system, the time zone from the deployment (China time by
/// default), whatever zone the server runs in. "Today" (deadlines, overdue) and every time shown use it.
/// </summary>
public sealed class ZonedTimeProvider(TimeProvider inner, TimeZoneInfo zone) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => zone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>The zone by IANA id; China Standard Time (UTC+8, no daylight saving) when the system has no zone data.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (id is "Asia/Shanghai" or "China Standard Time")
                return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
            throw;
        }
    }
}

/// <summary>Dates and times as users read them, from any <see cref="TimeProvider"/> (its local zone is theirs).</summary>
public static class LocalTime
{
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }

    /// <summary>A stored UTC time in the users' zone.</summary>
    public static DateTime ToLocal(this TimeProvider clock, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone);
    }

    /// <summary>The UTC instant a local day starts (for searches by date).</summary>
    public static DateTime StartOfDayUtc(this TimeProvider clock, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), clock.LocalTimeZone);
    }
}
