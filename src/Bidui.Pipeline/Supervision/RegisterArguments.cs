using Bidui.Matching.Supervision;

namespace Bidui.Pipeline.Supervision;

/// <summary>An eligibility register to read (SPEC §1.4): its label and its file.</summary>
public sealed record RegisterInput(string Label, string Path);

/// <summary>Reads `--register 类别=FILE` arguments (SPEC §1.4, §4.7): a label, '=', a file; labels unique and not reserved.</summary>
public static class RegisterArguments
{
    /// <exception cref="CompareRequestException">A malformed argument, an empty, reserved or repeated label (exit status 2).</exception>
    public static IReadOnlyList<RegisterInput> Parse(IEnumerable<string> arguments)
    {
        var registers = new List<RegisterInput>();
        foreach (var argument in arguments)
        {
            int eq = argument.IndexOf('=');
            if (eq < 0)
                throw new CompareRequestException($"--register 的值“{argument}”格式有误：应写成“名单标签=文件”，例如 --register 低保=低保名单.xlsx。");
            // White space is no part of a label: the catalogue's 对象 items are compared without it too.
            string label = AidCatalog.KeyOf(argument[..eq].Normalize(System.Text.NormalizationForm.FormKC)), path = argument[(eq + 1)..].Trim();
            if (label.Length == 0)
                throw new CompareRequestException($"--register 的值“{argument}”缺少名单标签：“=”前须写名单的名称，例如 低保=低保名单.xlsx。");
            if (AidCatalog.ReservedLabels.Contains(label))
                throw new CompareRequestException($"--register 的名单标签“{label}”与三类基础数据（学籍、乡村振兴、资助）同名，无法区分来源：请改用其他标签，例如 低保、特困、残疾人。");
            if (path.Length == 0)
                throw new CompareRequestException($"--register {label}= 缺少文件：“=”后须写名单文件的路径。");
            if (registers.Any(r => r.Label == label))
                throw new CompareRequestException($"--register 的名单标签“{label}”出现了两次：每个名单只能给一次，请合并为一个文件或改用不同的标签。");
            if (!File.Exists(path))
                throw new CompareRequestException($"找不到文件 {path}（--register {label}）：请检查路径。");
            registers.Add(new RegisterInput(label, path));
        }
        return registers;
    }
}
