namespace Bidui.Synthetic.Model;

/// <summary>
/// Hands out unique resident ID numbers: per region, birth day and sex a counter picks a distinct
/// sequence code (odd for men, even for women), so no two people ever share a number.
/// </summary>
internal sealed class IdAllocator
{
    private static readonly DateOnly Epoch = new(1900, 1, 1);
    private const int PerSlot = 250;

    private readonly Dictionary<int, byte[]> _counters = [];
    private readonly int _days;
    private readonly ulong _salt;

    public IdAllocator(DateOnly today, int seed)
    {
        _days = today.DayNumber - Epoch.DayNumber + 1;
        _salt = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
    }

    /// <summary>
    /// The 17 leading digits for a person born on <paramref name="birth"/> (moved a day earlier in the
    /// rare case that the day is full, and off 29 February so that every age rule agrees on it).
    /// </summary>
    public long Allocate(int region, DateOnly birth, bool male)
    {
        if (!_counters.TryGetValue(region, out var counters))
        {
            counters = new byte[_days * 2];
            _counters.Add(region, counters);
        }

        while (true)
        {
            if (birth.Month == 2 && birth.Day == 29)
            {
                birth = birth.AddDays(-1);
            }

            int day = birth.DayNumber - Epoch.DayNumber;
            if ((uint)day >= (uint)_days)
            {
                throw new InvalidOperationException($"Birth date {birth} is outside 1900 … today.");
            }

            int slot = day * 2 + (male ? 1 : 0);
            int k = counters[slot];
            if (k < PerSlot)
            {
                counters[slot] = (byte)(k + 1);
                int m = (int)((Rng.Mix((ulong)region, (ulong)slot ^ _salt) % 500 + (ulong)k * 37) % 500);
                return ResidentIds.Compose(region, birth, 2 * m + (male ? 1 : 0));
            }

            birth = birth.AddDays(-1);
        }
    }
}
