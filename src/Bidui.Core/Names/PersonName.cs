using Bidui.Core.Text;

namespace Bidui.Core.Names;

/// <summary>SPEC 2.3: the form in which two names are compared (display keeps the original).</summary>
public static class PersonName
{
    private const int StackLimit = 64;
    private const char MiddleDot = '\u00B7';

    /// <summary>
    /// NFKC, trimmed, white space removed when the name holds a Han character, middle-dot look-alikes
    /// unified to U+00B7, traditional characters simplified. Returns the input instance when it is
    /// already in comparison form; "" for null.
    /// </summary>
    /// <remarks>
    /// Decision (the spec is silent): a name without Han characters (pinyin, foreign names) keeps single
    /// spaces between its parts, since they separate words, and is upper-cased, since registries differ
    /// in case ("Zhang San" = "ZHANG  SAN").
    /// </remarks>
    public static string ComparisonForm(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return "";
        string? holder = null;
        Span<char> nfkcBuffer = stackalloc char[Nfkc.StackLimit];
        ReadOnlySpan<char> trimmed = Trim(Nfkc.Apply(raw, nfkcBuffer, ref holder));
        if (trimmed.IsEmpty)
            return "";

        Span<char> buffer = trimmed.Length <= StackLimit ? stackalloc char[StackLimit] : new char[trimmed.Length];
        bool han = ContainsHan(trimmed);
        int n = han ? CopyWithoutSpaces(trimmed, buffer) : CopyCollapsingSpaces(trimmed, buffer);
        Span<char> name = buffer[..n];
        UnifyDotsAndScript(name, han);

        return name.SequenceEqual(raw) ? raw : name.ToString();
    }

    private static void UnifyDotsAndScript(Span<char> name, bool han)
    {
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (MiddleDotLookalikes.Is(c))
                name[i] = MiddleDot;
            else if (c == '.' && i > 0 && i < name.Length - 1 && IsNamePart(name[i - 1]) && IsNamePart(name[i + 1]))
                name[i] = MiddleDot;
            else if (han)
                name[i] = ChineseScript.ToSimplified(c);
            else
                name[i] = char.ToUpperInvariant(c);
        }
    }

    // '.' only stands for a middle dot between name parts: "J.R." keeps its last full stop.
    private static bool IsNamePart(char c) => char.IsLetter(c) || CharClass.IsHan(c) || c == MiddleDot;

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        int start = 0, end = s.Length;
        while (start < end && CharClass.IsSpace(s[start]))
            start++;
        while (end > start && CharClass.IsSpace(s[end - 1]))
            end--;
        return s[start..end];
    }

    private static bool ContainsHan(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (CharClass.IsHan(c))
                return true;
        }
        return false;
    }

    private static int CopyWithoutSpaces(ReadOnlySpan<char> source, Span<char> target)
    {
        int n = 0;
        foreach (char c in source)
        {
            if (!CharClass.IsSpace(c))
                target[n++] = c;
        }
        return n;
    }

    private static int CopyCollapsingSpaces(ReadOnlySpan<char> source, Span<char> target)
    {
        int n = 0;
        bool inSpace = false;
        foreach (char c in source)
        {
            if (CharClass.IsSpace(c))
            {
                inSpace = true;
                continue;
            }
            if (inSpace)
                target[n++] = ' ';
            inSpace = false;
            target[n++] = c;
        }
        return n;
    }
}
