using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Bidui.Cli;

/// <summary>
/// Checks the command line against the commands' options before Spectre.Console.Cli parses it, so that
/// every mistake gets a Chinese message naming the option (Spectre's own are English, and a missing
/// value is silently taken from its internals); what still reaches Spectre is translated.
/// </summary>
internal static partial class ArgumentErrors
{
    private static readonly string[] GlobalFlags = ["-h", "--help", "-v", "--version"];

    /// <summary>Throws <see cref="UsageException"/> for an unknown command or option, a missing value or a value of the wrong kind.</summary>
    public static void Check(IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> commands)
    {
        if (args.Count == 0 || GlobalFlags.Contains(args[0]))
            return;
        string command = args[0];
        if (command.StartsWith('-'))
            throw new UsageException($"不认识的选项“{command}”：请先写命令，例如 bidui compare --students 学籍.xlsx …（运行 bidui --help 查看用法）。");
        if (!commands.TryGetValue(command, out var settingsType))
            throw new UsageException($"不认识的命令“{command}”：可用的命令有 {string.Join("、", commands.Keys)}（运行 bidui --help 查看用法）。");

        var options = OptionsOf(settingsType);
        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
                return;
            if (!arg.StartsWith('-'))
                throw new UsageException($"多余的参数“{arg}”：选项要以 -- 开头并写在取值前面，例如 --students 学籍.xlsx（运行 bidui {command} --help 查看可用的选项）。");
            string name = arg, inlineValue = "";
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }
            if (!options.TryGetValue(name, out var option))
                throw new UsageException($"bidui {command} 没有选项“{name}”（运行 bidui {command} --help 查看可用的选项）。");
            if (option.Flag)
            {
                if (equals > 0)
                    throw new UsageException($"选项 {name} 不带取值，直接写 {name} 即可。");
                continue;
            }
            string value;
            if (equals > 0)
            {
                value = inlineValue;
            }
            else
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                    throw new UsageException($"选项 {name} 缺少取值：请在它后面写上{option.ValueName}。");
                value = args[++i];
            }
            if (option.Integer && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                throw new UsageException($"选项 {name} 的取值“{value}”不是整数。");
        }
    }

    /// <summary>The settings type of a <c>Command&lt;TSettings&gt;</c>.</summary>
    public static Type SettingsOf(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
                return settings;
        }
        return typeof(CommandSettings);
    }

    /// <summary>Spectre's own message, for what <see cref="Check"/> lets through, in Chinese.</summary>
    public static string Translate(CommandAppException e)
    {
        var unknown = UnknownPattern().Match(e.Message);
        if (unknown.Success)
            return $"命令参数有误：不认识的{(unknown.Groups[1].Value == "command" ? "命令" : "选项")}“{unknown.Groups[2].Value}”（运行 bidui --help 查看用法）。";
        return "命令参数有误，无法理解这条命令。请运行 bidui --help 查看用法。";
    }

    private sealed record Option(bool Flag, bool Integer, string ValueName);

    private static readonly Dictionary<string, string> ValueNames = new(StringComparer.Ordinal)
    {
        ["FILE"] = "文件路径", ["DIR"] = "目录", ["DATE"] = "日期（yyyy-MM-dd）", ["NAME"] = "工作表名称", ["N"] = "整数",
        ["SIZE"] = "大小（如 4GB）", ["SCALE"] = "规模（small、county 或 province）", ["LIST"] = "学段列表", ["MIN-MAX"] = "年龄范围（如 6-15）", ["URL"] = "监听地址",
        ["CONNSTRING"] = "连接字符串", ["LABEL=FILE"] = "“类别=文件路径”",
    };

    private static Dictionary<string, Option> OptionsOf(Type settingsType)
    {
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var property in settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } attribute)
                continue;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var option = new Option(type == typeof(bool), type == typeof(int), ValueNames.GetValueOrDefault(attribute.ValueName ?? "", "取值"));
            foreach (var longName in attribute.LongNames)
                options["--" + longName] = option;
            foreach (var shortName in attribute.ShortNames)
                options["-" + shortName] = option;
        }
        options["-h"] = options["--help"] = new Option(true, false, "");
        return options;
    }

    [GeneratedRegex("^Unknown (command|option) '([^']*)'")]
    private static partial Regex UnknownPattern();
}
