using Bidui.Inputs;
using Spectre.Console.Cli;

namespace Bidui.Cli;

/// <summary>SPEC §5 exit statuses: 0 done, 2 wrong inputs or arguments, 1 anything else.</summary>
internal static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputFileException e)
        {
            Error(e.Message);
            return BadInput;
        }
        catch (Bidui.Pipeline.CompareRequestException e)
        {
            Error(e.Message);
            return BadInput;
        }
        catch (Bidui.Assessment.Scoring.ScorecardException e)
        {
            Error(e.Message);
            return BadInput;
        }
        catch (UsageException e)
        {
            Error(e.Message);
            return BadInput;
        }
        catch (CommandAppException e)
        {
            Error($"命令参数有误：{e.Message}（运行 bidui --help 查看用法）");
            return BadInput;
        }
        catch (Exception e)
        {
            Error($"运行未完成：{e.Message}。未生成新的结果（输出目录中原有的结果未被改动）。");
            if (Environment.GetEnvironmentVariable("BIDUI_DEBUG") == "1")
                Console.Error.WriteLine(e);
            return Failed;
        }
    }

    private static void Error(string message) => Console.Error.WriteLine($"错误：{message}");
}

/// <summary>A command line that cannot be run as given; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);
