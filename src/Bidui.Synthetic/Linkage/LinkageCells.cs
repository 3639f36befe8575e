namespace Bidui.Synthetic.Linkage;

/// <summary>How an Excel batch damaged every number of a school's or township's file.</summary>
internal enum ExcelDamage
{
    None,
    Exponent,
    Truncated,
}

/// <summary>
/// The cells of the labelled files as people and programs write them, with their faults. Each fault
/// written is named in <c>faults</c> (the truth's 故障 column) so that accuracy can be told per fault.
/// </summary>
internal static class LinkageCells
{
    public static string Exponent(string id) => $"{id[0]}.{id.Substring(1, 4)}E+17";

    public static string Truncated(string id) => id[..15] + "000";

    /// <summary>The ID cell of a row; <paramref name="otherDocument"/> when it became another document's number.</summary>
    public static string Id(long id17, LinkageFaults f, Rng rng, bool allowOther, ExcelDamage batch, List<string> faults, out bool otherDocument)
    {
        otherDocument = false;
        string id = ResidentIds.Format(id17);
        if (batch != ExcelDamage.None && id.Length > 0)
        {
            faults.Add(batch == ExcelDamage.Exponent ? "id:excel_batch_exponent" : "id:excel_batch_truncated");
            return batch == ExcelDamage.Exponent ? Exponent(id) : Truncated(id);
        }
        double x = rng.NextDouble();
        if ((x -= f.DigitSubstituted) < 0)
        {
            int i = rng.Next(17);
            faults.Add("id:digit");
            return id[..i] + (char)('0' + (id[i] - '0' + 1 + rng.Next(9)) % 10) + id[(i + 1)..];
        }
        if ((x -= f.DigitsTransposed) < 0)
        {
            for (int tries = 0; tries < 20; tries++)
            {
                int i = rng.Next(16);
                if (id[i] != id[i + 1])
                {
                    faults.Add("id:adjacent_swap");
                    return Swap(id, i, i + 1);
                }
            }
            return id;
        }
        if ((x -= f.DigitsSwapped) < 0)
        {
            for (int tries = 0; tries < 20; tries++)
            {
                int i = rng.Next(17), j = rng.Next(17);
                if (Math.Abs(i - j) >= 2 && id[i] != id[j])
                {
                    faults.Add("id:swap");
                    return Swap(id, Math.Min(i, j), Math.Max(i, j));
                }
            }
            return id;
        }
        if ((x -= f.ScientificNotation) < 0)
        {
            faults.Add("id:exponent");
            return Exponent(id);
        }
        if ((x -= f.ExcelTruncated) < 0)
        {
            faults.Add("id:truncated000");
            return Truncated(id);
        }
        if ((x -= f.Empty) < 0)
        {
            faults.Add("id:empty");
            return "";
        }
        if ((x -= f.DigitLostOrDoubled) < 0)
        {
            int i = rng.Next(17);
            faults.Add("id:lost_or_doubled");
            return rng.Chance(0.5) ? id.Remove(i, 1) : id.Insert(i, id[i].ToString());
        }
        if ((x -= f.WrongCheckCharacter) < 0)
        {
            faults.Add("id:check");
            return id[..17] + (id[17] == '0' ? '1' : '0');
        }
        if ((x -= f.CutTo15) < 0)
        {
            faults.Add("id:cut15");
            return id[..15];
        }
        if ((x -= f.ImpossibleBirthInNumber) < 0)
        {
            faults.Add("id:impossible_birth");
            // A month digit typed as 1x (13–19) or a day's tens digit as 4–9.
            return rng.Chance(0.5) ? id[..10] + '1' + (char)('3' + rng.Next(7)) + id[12..] : id[..12] + (char)('4' + rng.Next(6)) + id[13..];
        }
        if ((x -= f.Masked) < 0)
        {
            faults.Add("id:masked");
            return id[..6] + "********" + id[14..];
        }
        if (allowOther && (x -= f.OtherDocument) < 0)
        {
            faults.Add("id:other_document");
            otherDocument = true;
            return string.Create(CultureInfo.InvariantCulture, $"H{rng.Next(100_000_000):D8}");
        }
        return id;
    }

    private static string Swap(string s, int i, int j)
    {
        var c = s.ToCharArray();
        (c[i], c[j]) = (c[j], c[i]);
        return new string(c);
    }

    /// <summary>
    /// The 全国学籍号: G and the number first entered for the child (<paramref name="firstEntered"/>),
    /// kept as text, so an Excel export that damages the ID column leaves it whole.
    /// </summary>
    public static string StudentNumber(long firstEntered, LinkageFaults f, Rng rng, List<string> faults)
    {
        double x = rng.NextDouble();
        if ((x -= f.StudentNumberMissing) < 0)
            return "";
        if ((x -= f.StudentNumberTemporary) < 0)
        {
            faults.Add("sn:temporary");
            return string.Create(CultureInfo.InvariantCulture, $"L{rng.Next(100_000_000):D8}{rng.Next(1_000_000_000):D9}X");
        }
        return "G" + ResidentIds.Format(firstEntered);
    }

    public static string Name(int name, LinkageFaults f, Rng rng, bool registry, List<string> faults)
    {
        string text = Names.ToText(name);
        double x = rng.NextDouble();
        if (Names.IsUyghur(name))
        {
            int dot = text.IndexOf('·', StringComparison.Ordinal);
            if (registry && (x -= f.DottedOrderSwapped) < 0)
            {
                faults.Add("name:order_swapped");
                return text[(dot + 1)..] + "·" + text[..dot];
            }
            if ((x -= f.DotAsFullStop) < 0)
            {
                faults.Add("name:dot_as_full_stop");
                return text.Replace('·', '。');
            }
            if ((x -= f.DotMissing) < 0)
            {
                faults.Add("name:dot_missing");
                return text.Remove(dot, 1);
            }
            return text;
        }
        if ((x -= f.Traditional) < 0)
        {
            var chars = text.ToCharArray();
            Names.MakeTraditional(chars);
            string traditional = new(chars);
            if (traditional != text)
                faults.Add("name:traditional");
            return traditional;
        }
        if (registry && (x -= f.Homophone) < 0)
        {
            faults.Add("name:homophone");
            return Names.ToText(Names.Alternative(name));
        }
        if ((x -= f.SpaceInName) < 0 && text.Length >= 2)
        {
            faults.Add("name:space");
            return text[..1] + " " + text[1..];
        }
        if (registry && (x -= f.HanOrderSwapped) < 0 && text.Length >= 2)
        {
            faults.Add("name:order_swapped");
            return text[1..] + text[..1];
        }
        return text;
    }

    public static string Birth(DateOnly birth, LinkageFaults f, Rng rng, List<string> faults)
    {
        double x = rng.NextDouble();
        if ((x -= f.BirthMissing) < 0)
            return "";
        if ((x -= f.BirthDayMonthSwapped) < 0 && birth.Day <= 12 && birth.Day != birth.Month)
        {
            faults.Add("birth:day_month_swapped");
            birth = new DateOnly(birth.Year, birth.Day, birth.Month);
        }
        else if ((x -= f.BirthFieldOff) < 0)
        {
            faults.Add("birth:one_off");
            birth = birth.Day < 28 ? birth.AddDays(1) : birth.AddDays(-1);
        }
        return birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string Sex(bool male, LinkageFaults f, Rng rng) =>
        rng.Chance(f.SexMissing) ? "" : male ? "男" : "女";
}
