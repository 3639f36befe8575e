using System.Globalization;

namespace Bidui.Web.Hosting;

/// <summary>
/// How the app is deployed, from the configuration section "Bidui" (appsettings.json beside the
/// binary, or environment variables such as <c>Bidui__PathBase=/bidui</c>): the path under a reverse
/// proxy, which proxies to trust, the time zone users live in, and the request size limits.
/// </summary>
public sealed class DeploymentOptions
{
    /// <summary>The path the proxy serves the app under (e.g. <c>/bidui</c>); empty: the root.</summary>
    public string PathBase { get; set; } = "";

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For/-Proto are believed, comma-separated (IPs
    /// or CIDR networks such as <c>10.0.0.0/8</c>). Loopback is always trusted.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>The users' time zone: every time shown is in it, and "today" is its date (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public RequestLimits Limits { get; set; } = new();
}

/// <summary>Request body limits per kind of endpoint: small unless the endpoint takes files, and then configurable.</summary>
public sealed class RequestLimits
{
    /// <summary>Requests of anyone not signed in (the sign-in form): a few kilobytes are enough.</summary>
    public long AnonymousBytes { get; set; } = 16 * 1024;

    /// <summary>Any other form of a signed-in user.</summary>
    public long FormBytes { get; set; } = 256 * 1024;

    /// <summary>A round's input files (province administrators only), all files of one upload together.</summary>
    public long InputMegabytes { get; set; } = 4096;

    /// <summary>A returned feedback workbook.</summary>
    public long FeedbackMegabytes { get; set; } = 50;

    /// <summary>One attachment (佐证材料).</summary>
    public long AttachmentMegabytes { get; set; } = 20;

    /// <summary>Attachments sent with one submission.</summary>
    public int AttachmentsPerSubmission { get; set; } = 10;

    /// <summary>The file types accepted as attachments (extensions, comma-separated); each is also checked by its first bytes.</summary>
    public string AttachmentTypes { get; set; } = ".pdf,.jpg,.jpeg,.png,.ofd,.doc,.docx,.xls,.xlsx,.txt";

    public IReadOnlyList<string> AttachmentExtensions =>
        [.. AttachmentTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => (e.StartsWith('.') ? e : "." + e).ToLower(CultureInfo.InvariantCulture))];

    public static long Megabytes(long mb) => mb * 1024 * 1024;

    /// <summary>A body of at most this much that comes without a length is read into memory before the page sees it.</summary>
    public const long BufferedBytes = 1024 * 1024;
}
