using System.Globalization;

namespace Bidui.Accuracy;

internal sealed record Arguments(int Households, int Seed, string? Keep, double Namesakes, bool HouseholdIds)
{
    public static Arguments Parse(string[] args)
    {
        int households = 40_000, seed = 1;
        double namesakes = new Bidui.Synthetic.Linkage.LinkageOptions(1).NamesakeShare;
        string? keep = null;
        bool householdIds = true;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--households": households = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--keep": keep = Value(); break;
                case "--namesakes": namesakes = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--no-household-ids": householdIds = false; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --households N, --seed N, --namesakes SHARE, --no-household-ids, --keep DIR)");
            }
        }
        return new Arguments(households, seed, keep, namesakes, householdIds);
    }
}
