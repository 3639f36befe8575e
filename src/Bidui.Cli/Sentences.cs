namespace Bidui.Cli;

/// <summary>Joins Chinese sentences without doubling their punctuation (a message ending in “。” gets no second one).</summary>
internal static class Sentences
{
    private const string Enders = "。！？；：，、.!?;:,";

    public static string Join(params string[] parts)
    {
        var text = new System.Text.StringBuilder();
        foreach (var raw in parts)
        {
            string part = raw.Trim();
            if (part.Length == 0)
                continue;
            text.Append(part.TrimEnd(Enders.ToCharArray()));
            text.Append('。');
        }
        return text.ToString();
    }
}
