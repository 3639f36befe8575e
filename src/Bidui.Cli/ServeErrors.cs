using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Bidui.Cli;

/// <summary>
/// Why `bidui serve` could not start, in Chinese with what to do: what an office's administrator meets while
/// installing it (a port taken, a database not reachable, a data folder not writable). .NET's text is English.
/// </summary>
internal static class ServeErrors
{
    public static ServeException Explain(Exception e, string urls, string data, string? postgres)
    {
        var chain = new List<Exception>();
        for (var x = e; x is not null; x = x.InnerException)
            chain.Add(x);

        string what;
        if (chain.Any(x => x is AddressInUseException || x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }))
            what = $"监听地址 {urls} 的端口已被其他程序占用（也可能是已在运行的比对核查系统）。请关闭占用该端口的程序，或用 --urls 指定其他端口后重新启动";
        else if (chain.Any(x => x is SocketException { SocketErrorCode: SocketError.AccessDenied }))
            what = $"没有权限监听 {urls}（1024 以下的端口需要管理员权限）。请改用 1024 以上的端口，或由反向代理转发";
        else if (postgres is not null && chain.Any(x => x is DbException))
            what = $"无法使用 PostgreSQL 数据库（{Describe(postgres)}）。请确认数据库服务已启动、网络和防火墙允许连接，连接字符串中的用户名、密码和数据库名正确，且数据库已事先建好";
        else if (chain.Any(x => x is UnauthorizedAccessException || x is IOException))
            what = $"无法写入数据目录“{data}”（没有写入权限、磁盘已满或只读）。请用 --data 指定一个可以写入的目录后重新启动";
        else
            what = "发生了意外错误。请设置环境变量 BIDUI_DEBUG=1 再运行一次，把显示的详细信息提供给技术支持";
        return new ServeException(Sentences.Join("网页核查系统未能启动：" + what), e);
    }

    /// <summary>Where the connection string points, without its password.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
            string Get(string key, string otherwise) => parts.TryGetValue(key, out var v) && v is not null ? v.ToString()! : otherwise;
            return $"主机 {Get("Host", Get("Server", "?"))}，端口 {Get("Port", "5432")}，数据库 {Get("Database", "?")}";
        }
        catch (ArgumentException)
        {
            return "连接字符串无法识别";
        }
    }
}

/// <summary>`bidui serve` did not start; the message says why and what to do.</summary>
internal sealed class ServeException(string message, Exception inner) : Exception(message, inner);
