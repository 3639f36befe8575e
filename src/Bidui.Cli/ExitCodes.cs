using Bidui.Inputs;
using Bidui.Pipeline;
using Spectre.Console.Cli;

namespace Bidui.Cli;

/// <summary>
/// SPEC §5 exit statuses: 0 done, 2 wrong inputs or arguments, 1 anything else. Every message is
/// Chinese and says what to do; .NET's English text is shown only with BIDUI_DEBUG=1.
/// </summary>
internal static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Run(Func<int> body) => Run(body, Console.Error);

    internal static int Run(Func<int> body, TextWriter errors)
    {
        void Error(string message) => errors.WriteLine($"错误：{message}");
        void Debug(Exception e)
        {
            if (Environment.GetEnvironmentVariable("BIDUI_DEBUG") == "1")
                errors.WriteLine(e);
        }

        try
        {
            return body();
        }
        catch (Exception e) when (e is InputFileException or CompareRequestException or UsageException or Bidui.Assessment.Scoring.ScorecardException)
        {
            Error(e.Message);
            return BadInput;
        }
        catch (CommandAppException e)
        {
            Error(ArgumentErrors.Translate(e));
            return BadInput;
        }
        catch (Exception e) when (e is OutputFolderException or ServeException)
        {
            Error(e.Message);
            Debug(e);
            return Failed;
        }
        catch (Exception e)
        {
            string what = OutputErrors.Describe(e) ?? "发生了意外错误，比对未能完成。请重新运行；如仍出错，请设置环境变量 BIDUI_DEBUG=1 再运行一次，把显示的详细信息提供给技术支持";
            Error(Sentences.Join($"运行未完成：{what}", "结果输出目录中原有的结果保持不变。"));
            Debug(e);
            return Failed;
        }
    }
}

/// <summary>A command line that cannot be run as given; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);
