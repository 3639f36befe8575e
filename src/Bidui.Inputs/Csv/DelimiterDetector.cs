namespace Bidui.Inputs.Csv;

/// <summary>
/// Picks the field delimiter from the first lines of a text file. Title rows above the header may hold
/// no delimiter at all, so the choice looks at many lines rather than the first one only.
/// </summary>
internal static class DelimiterDetector
{
    private const int MaxLines = 50;

    // Order breaks ties: comma is what Excel and WPS write.
    private static readonly char[] Candidates = [',', '\t', ';'];

    /// <summary>
    /// The candidate found (outside quotes) on the most lines; ties go to the higher total count,
    /// then to the earlier candidate. Comma when none is found.
    /// </summary>
    internal static char Detect(ReadOnlySpan<char> text)
    {
        Span<int> lines = stackalloc int[Candidates.Length];
        Span<int> totals = stackalloc int[Candidates.Length];
        Span<int> inLine = stackalloc int[Candidates.Length];
        lines.Clear();
        totals.Clear();
        inLine.Clear();

        bool inQuotes = false;
        int lineCount = 0;
        for (int i = 0; i < text.Length && lineCount < MaxLines; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes; // a doubled quote toggles twice: no change
            }
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                EndLine(lines, inLine);
                lineCount++;
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (!inQuotes)
            {
                int k = Array.IndexOf(Candidates, c);
                if (k >= 0)
                {
                    inLine[k]++;
                    totals[k]++;
                }
            }
        }

        EndLine(lines, inLine);

        int best = -1;
        for (int k = 0; k < Candidates.Length; k++)
        {
            if (lines[k] == 0)
            {
                continue;
            }

            if (best < 0 || lines[k] > lines[best] || (lines[k] == lines[best] && totals[k] > totals[best]))
            {
                best = k;
            }
        }

        return best < 0 ? ',' : Candidates[best];
    }

    private static void EndLine(Span<int> lines, Span<int> inLine)
    {
        for (int k = 0; k < inLine.Length; k++)
        {
            if (inLine[k] > 0)
            {
                lines[k]++;
            }

            inLine[k] = 0;
        }
    }
}
