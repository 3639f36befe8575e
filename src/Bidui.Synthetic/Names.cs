using System.Text;

namespace Bidui.Synthetic;

/// <summary>
/// Chinese personal names. A name is packed in an int: bits 0–7 surname, 8–18 first given character
/// (0 = none), 19–29 second given character (0 = none); bit 30 set marks a transliterated Uyghur name
/// "given·father" with the two parts' indices in bits 0–11 and 12–23.
/// </summary>
internal static class Names
{
    // The 100 most frequent surnames with their approximate share of the population in per mille
    // (national figures of the 2020 census and the Ministry of Public Security's 2019 report, rounded).
    private static readonly (char Surname, double PerMille)[] SurnameShares =
    [
        ('王', 71.2), ('李', 70.0), ('张', 67.4), ('刘', 51.0), ('陈', 46.1), ('杨', 32.2), ('黄', 24.5), ('赵', 21.9),
        ('吴', 20.5), ('周', 19.7), ('徐', 15.3), ('孙', 15.1), ('马', 12.9), ('朱', 12.8), ('胡', 12.1), ('郭', 11.8),
        ('何', 11.7), ('林', 11.4), ('高', 11.2), ('罗', 10.8), ('郑', 10.1), ('梁', 9.8), ('谢', 8.4), ('宋', 8.0),
        ('唐', 7.9), ('许', 7.5), ('韩', 7.2), ('冯', 7.1), ('邓', 7.0), ('曹', 6.8), ('彭', 6.6), ('曾', 6.4),
        ('肖', 6.3), ('田', 6.2), ('董', 6.1), ('袁', 5.9), ('潘', 5.7), ('于', 5.6), ('蒋', 5.5), ('蔡', 5.4),
        ('余', 5.3), ('杜', 5.2), ('叶', 5.1), ('程', 5.0), ('苏', 4.9), ('魏', 4.8), ('吕', 4.7), ('丁', 4.6),
        ('任', 4.5), ('沈', 4.4), ('姚', 4.3), ('卢', 4.2), ('姜', 4.1), ('崔', 4.0), ('钟', 3.9), ('谭', 3.8),
        ('陆', 3.7), ('汪', 3.6), ('范', 3.5), ('金', 3.4), ('石', 3.3), ('廖', 3.3), ('贾', 3.2), ('夏', 3.1),
        ('韦', 3.0), ('付', 3.0), ('方', 2.9), ('白', 2.8), ('邹', 2.8), ('孟', 2.7), ('熊', 2.7), ('秦', 2.6),
        ('邱', 2.6), ('江', 2.5), ('尹', 2.5), ('薛', 2.4), ('闫', 2.4), ('段', 2.3), ('雷', 2.3), ('侯', 2.2),
        ('龙', 2.2), ('史', 2.1), ('陶', 2.1), ('黎', 2.0), ('贺', 2.0), ('顾', 1.9), ('毛', 1.9), ('郝', 1.8),
        ('龚', 1.8), ('邵', 1.7), ('万', 1.7), ('钱', 1.6), ('严', 1.6), ('覃', 1.5), ('武', 1.5), ('戴', 1.5),
        ('莫', 1.4), ('孔', 1.4), ('向', 1.4), ('汤', 1.3),
    ];

    // Given-name characters by generation and sex (children born after 2005 are named differently from their parents).
    private const string ChildBoy = "浩宇轩子梓涵博文俊杰泽睿晨一铭思嘉昊天逸辰航皓然煜熙瑞鑫磊鹏宸诚凯豪伟强明阳乐安锦程翔宏峰健宁哲骏毅";
    private const string ChildGirl = "欣怡雨涵梓萱诗琪佳悦可馨雅思语彤妍梦晨嘉一若子瑶婷雪丽静芳慧琳洁颖倩璐菲蕾薇月桐沫依晴希甜心岚艺";
    private const string AdultMan = "建国华明伟军平志德成海林强勇刚文红兵春新光东亮斌辉超峰俊杰永金生福贵荣";
    private const string AdultWoman = "秀英兰芳玉桂春红梅丽霞云凤珍娟琴艳萍华莲敏静燕玲美菊香翠";

    // Characters only used as mistyped replacements (never drawn for a new name).
    private const string Replacements = "晓小亭晗棋晶";

    /// <summary>All given-name characters, pools concatenated; index 0 is unused (means "none").</summary>
    private static readonly string GivenChars = "\0" + ChildBoy + ChildGirl + AdultMan + AdultWoman + Replacements;

    private static readonly int ChildBoyStart = 1;
    private static readonly int ChildGirlStart = ChildBoyStart + ChildBoy.Length;
    private static readonly int AdultManStart = ChildGirlStart + ChildGirl.Length;
    private static readonly int AdultWomanStart = AdultManStart + AdultMan.Length;

    // Transliterated Uyghur names: a person's own name, then after the dot the father's name.
    private static readonly string[] UyghurMale = ["艾力", "买买提", "麦麦提", "阿不都", "吐尔逊", "艾则孜", "努尔艾力", "热合曼", "艾合买提", "依明", "阿迪力", "木拉提"];
    private static readonly string[] UyghurFemale = ["阿依古丽", "迪丽努尔", "古丽娜尔", "帕提古丽", "热依拉", "阿依努尔", "米热古丽", "祖丽菲亚", "再努尔", "古再丽努尔"];
    private static readonly string[] UyghurParts = [.. UyghurMale, .. UyghurFemale];

    /// <summary>Simplified → traditional for the characters above that have a distinct traditional form
    /// (each pair checked against Unihan kSimplifiedVariant, so the engine's t2s folds them back).</summary>
    private const string TraditionalPairs =
        "张張陈陳刘劉赵趙吴吳黄黃杨楊孙孫马馬罗羅郑鄭谢謝许許韩韓冯馮邓鄧叶葉蒋蔣苏蘇吕呂卢盧钟鍾谭譚陆陸贾賈韦韋邹鄒" +
        "龙龍贺賀顾顧龚龔万萬钱錢严嚴汤湯闫閆伟偉华華丽麗国國军軍东東鹏鵬红紅兰蘭凤鳳杰傑静靜梦夢语語轩軒泽澤诗詩" +
        "铭銘瑶瑤锦錦乐樂宁寧阳陽凯凱诚誠骏駿洁潔颖穎云雲艳艷莲蓮贵貴荣榮辉輝强強刚剛悦悅岚嵐艺藝";

    // Same-sounding or look-alike replacements, as clerks mistype them (a real difference in the comparison form).
    private const string Homophones = "晓小小晓欣鑫鑫欣婷亭涵晗宇雨雨宇子梓梓子轩萱萱轩浩皓皓浩杰洁洁杰静晶琪棋佳嘉嘉佳";

    private static readonly Dictionary<char, char> ToTraditional = Pairs(TraditionalPairs);
    private static readonly Dictionary<char, char> Homophone = Pairs(Homophones);

    private static readonly double[] SurnameWeights = [.. SurnameShares.Select(s => s.PerMille)];

    public const int UyghurFlag = 1 << 30;

    /// <summary>Marks a Latin-script name of a foreign passport holder (index into <see cref="LatinNames"/>).</summary>
    public const int LatinFlag = 1 << 29;

    private static readonly string[] LatinNames =
    [
        "NGUYEN VAN AN", "TRAN THI MAI", "KIM MINJUN", "PARK JIWOO", "LEE SEOYEON", "SMITH JAMES", "PHAM MINH DUC", "SATO YUTO",
    ];

    public static int RandomLatin(Rng rng) => LatinFlag | rng.Next(LatinNames.Length);

    public static bool IsLatin(int name) => (name & LatinFlag) != 0;

    public static int RandomSurname(Rng rng) => rng.Pick(SurnameWeights);

    /// <summary>A Han name; <paramref name="surname"/> -1 draws one.</summary>
    public static int RandomHan(Rng rng, bool male, bool child, int surname = -1)
    {
        if (surname < 0)
        {
            surname = RandomSurname(rng);
        }

        (int start, int length) = (male, child) switch
        {
            (true, true) => (ChildBoyStart, ChildBoy.Length),
            (false, true) => (ChildGirlStart, ChildGirl.Length),
            (true, false) => (AdultManStart, AdultMan.Length),
            _ => (AdultWomanStart, AdultWoman.Length),
        };
        int g1 = start + rng.Next(length);
        int g2 = rng.Chance(child ? 0.78 : 0.62) ? start + rng.Next(length) : 0;
        if (g2 == g1 && rng.Chance(0.8))
        {
            g2 = 0;
        }

        return surname | g1 << 8 | g2 << 19;
    }

    /// <summary>A Uyghur name "own·father"; <paramref name="father"/> -1 draws the father's name.</summary>
    public static int RandomUyghur(Rng rng, bool male, int father = -1)
    {
        int own = male ? rng.Next(UyghurMale.Length) : UyghurMale.Length + rng.Next(UyghurFemale.Length);
        if (father < 0)
        {
            father = rng.Next(UyghurMale.Length);
        }

        return UyghurFlag | own | father << 12;
    }

    public static bool IsUyghur(int name) => (name & UyghurFlag) != 0;

    /// <summary>The own part of a Uyghur name (a child's name carries its father's own part after the dot).</summary>
    public static int UyghurOwnPart(int name) => name & 0xFFF;

    /// <summary>Whether writing the name in traditional characters changes it.</summary>
    public static bool HasTraditionalForm(int name)
    {
        if (IsUyghur(name) || IsLatin(name))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[32];
        int n = Write(name, buffer);
        foreach (var c in buffer[..n])
        {
            if (ToTraditional.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Another name for the same person, different in the comparison form (a typo or a renaming).</summary>
    public static int Alternative(int name)
    {
        if (IsLatin(name))
        {
            return LatinFlag | ((name & 0xFF) + 1) % LatinNames.Length;
        }

        if (IsUyghur(name))
        {
            int own = name & 0xFFF;
            int other = (own + 1) % UyghurParts.Length;
            if (own < UyghurMale.Length != other < UyghurMale.Length)
            {
                other = own < UyghurMale.Length ? 0 : UyghurMale.Length;
            }

            return (name & ~0xFFF) | other;
        }

        int surname = name & 0xFF;
        int g1 = name >> 8 & 0x7FF;
        int g2 = name >> 19 & 0x7FF;
        int target = g2 != 0 ? g2 : g1;
        char c = GivenChars[target];
        int replacement;
        if (Homophone.TryGetValue(c, out var h) && GivenChars.IndexOf(h, StringComparison.Ordinal) is > 0 and var hi)
        {
            replacement = hi;
        }
        else
        {
            replacement = target + 1 < GivenChars.Length ? target + 1 : 1;
        }

        if (GivenChars[replacement] == c)
        {
            replacement = replacement + 1 < GivenChars.Length ? replacement + 1 : 1;
        }

        return g2 != 0 ? surname | g1 << 8 | replacement << 19 : surname | replacement << 8;
    }

    /// <summary>Writes the name (canonical: simplified, U+00B7 dot) and returns its length.</summary>
    public static int Write(int name, Span<char> dest)
    {
        if (IsLatin(name))
        {
            string latin = LatinNames[name & 0xFF];
            latin.CopyTo(dest);
            return latin.Length;
        }

        if (IsUyghur(name))
        {
            string own = UyghurParts[name & 0xFFF];
            string father = UyghurMale[name >> 12 & 0xFFF];
            own.CopyTo(dest);
            dest[own.Length] = '·';
            father.CopyTo(dest[(own.Length + 1)..]);
            return own.Length + 1 + father.Length;
        }

        int n = 0;
        dest[n++] = SurnameShares[name & 0xFF].Surname;
        int g1 = name >> 8 & 0x7FF;
        int g2 = name >> 19 & 0x7FF;
        if (g1 != 0)
        {
            dest[n++] = GivenChars[g1];
        }

        if (g2 != 0)
        {
            dest[n++] = GivenChars[g2];
        }

        return n;
    }

    public static string ToText(int name)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..Write(name, buffer)]);
    }

    /// <summary>Rewrites the characters that have a traditional form, in place.</summary>
    public static void MakeTraditional(Span<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (ToTraditional.TryGetValue(text[i], out var t))
            {
                text[i] = t;
            }
        }
    }

    /// <summary>Every simplified/traditional pair the generator can write (for tests).</summary>
    internal static IReadOnlyDictionary<char, char> TraditionalMap => ToTraditional;

    /// <summary>Every character a Han or Uyghur name can hold (for tests).</summary>
    internal static string AllNameCharacters()
    {
        var sb = new StringBuilder();
        foreach (var (s, _) in SurnameShares)
        {
            sb.Append(s);
        }

        sb.Append(GivenChars.AsSpan(1));
        foreach (var part in UyghurParts)
        {
            sb.Append(part);
        }

        return sb.ToString();
    }

    private static Dictionary<char, char> Pairs(string pairs)
    {
        var map = new Dictionary<char, char>();
        for (int i = 0; i + 1 < pairs.Length; i += 2)
        {
            map.TryAdd(pairs[i], pairs[i + 1]);
        }

        return map;
    }
}
