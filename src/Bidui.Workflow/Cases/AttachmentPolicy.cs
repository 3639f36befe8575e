using System.Globalization;

namespace Bidui.Workflow.Cases;

/// <summary>
/// Which files may be kept as evidence (佐证材料): by extension, confirmed by the file's first bytes
/// (a renamed program is not a PDF), and up to a size. The deployment configures both.
/// </summary>
public sealed record AttachmentPolicy(IReadOnlyList<string> Extensions, long MaxBytes)
{
    public static AttachmentPolicy Default { get; } = new([".pdf", ".jpg", ".jpeg", ".png", ".ofd", ".doc", ".docx", ".xls", ".xlsx", ".txt"], 20L * 1024 * 1024);

    /// <summary>How many first bytes <see cref="Refusal"/> looks at.</summary>
    public const int HeadLength = 8;

    private static readonly byte[] Pdf = "%PDF"u8.ToArray(), Png = [0x89, 0x50, 0x4E, 0x47], Jpeg = [0xFF, 0xD8, 0xFF],
        Zip = [0x50, 0x4B, 0x03, 0x04], Ole = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>Why the file is refused, or null when it is accepted (its size is checked while it is stored).</summary>
    public string? Refusal(string fileName, ReadOnlySpan<byte> head)
    {
        string ext = Path.GetExtension(fileName).ToLower(CultureInfo.InvariantCulture);
        if (!Extensions.Contains(ext, StringComparer.Ordinal))
            return $"附件“{Path.GetFileName(fileName)}”的类型不允许，可上传：{string.Join("、", Extensions)}。";
        bool matches = ext switch
        {
            ".pdf" => head.StartsWith(Pdf),
            ".png" => head.StartsWith(Png),
            ".jpg" or ".jpeg" => head.StartsWith(Jpeg),
            ".docx" or ".xlsx" or ".ofd" => head.StartsWith(Zip),
            ".doc" or ".xls" => head.StartsWith(Ole),
            ".txt" => !head.Contains((byte)0),
            _ => true,
        };
        return matches ? null : $"附件“{Path.GetFileName(fileName)}”的内容与扩展名 {ext} 不符。";
    }

    /// <summary>
    /// The types a browser may show in place (photos and PDF), by the stored file's extension, which the upload confirmed by
    /// its first bytes; null: the file is only downloaded. Nothing the browser would run (HTML, SVG, scripts) is ever shown in place.
    /// </summary>
    public string? PreviewType(string fileName) => Path.GetExtension(fileName).ToLower(CultureInfo.InvariantCulture) switch
    {
        var ext when !Extensions.Contains(ext, StringComparer.Ordinal) => null,
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => null,
    };

    public string TooLarge(string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"附件“{Path.GetFileName(fileName)}”超过 {MaxBytes / (1024 * 1024)} MB。");

    /// <summary>Copies an attachment as it arrives, refusing it (<see cref="WorkflowException"/>) by its type, first bytes or size; returns its size.</summary>
    public async Task<long> CopyAsync(string fileName, Stream content, Stream target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(target);
        var buffer = new byte[81920];
        int head = await content.ReadAtLeastAsync(buffer.AsMemory(0, HeadLength), HeadLength, throwOnEndOfStream: false, ct);
        if (Refusal(fileName, buffer.AsSpan(0, head)) is { } refusal) throw new WorkflowException(refusal);
        await target.WriteAsync(buffer.AsMemory(0, head), ct);
        long size = head;
        for (int n; (n = await content.ReadAsync(buffer, ct)) > 0;)
        {
            size += n;
            if (size > MaxBytes) throw new WorkflowException(TooLarge(fileName));
            await target.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        return size;
    }
}
