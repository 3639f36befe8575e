namespace Bidui.Workflow.Access;

/// <summary>
/// What a password must be: long enough, not one of the passwords people commonly use or an easy
/// pattern (zxcvbn: dictionaries of common passwords, repeats, sequences, keyboard walks, dates, the
/// user's own names), and not the password it replaces.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>zxcvbn's score (0–4) a password needs: 3, "safely unguessable" for an online attack and then some.</summary>
    public const int MinScore = 3;

    /// <summary>Words of this system that make a password guessable here.</summary>
    private static readonly string[] SiteWords = ["bidui", "biduihecha", "jiaoyu", "xiangcunzhenxing", "zizhu", "hunan", "shaoyang", "admin"];

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Refusal(string? password, string userName, string? displayName = null, string? currentHash = null)
    {
        if (password is null || password.Length < MinLength) return $"密码至少 {MinLength} 位。";
        var inputs = SiteWords.Append(userName).Concat(userName.Split('.', '_', '-')).Append(displayName ?? "").Where(s => s.Length > 0);
        if (Zxcvbn.Zxcvbn.MatchPassword(password, inputs).Score < MinScore)
            return "密码太常见或太容易猜到（如连续或重复的字符、常用密码、用户名），请换一个更长、更随机的密码。";
        if (currentHash is not null && PasswordHashing.Verify(password, currentHash)) return "新密码不能与当前密码相同。";
        return null;
    }
}
