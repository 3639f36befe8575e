using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bidui.Web.Hosting;

/// <summary>One file of an upload, as its bytes arrive.</summary>
public sealed record UploadedFile(string Field, string FileName, string ContentType, Stream Content);

/// <summary>
/// Reads a multipart form as it arrives: fields into a dictionary, each file handed to the caller as
/// a stream to copy where it belongs, so that no upload is buffered in memory or in a temp file first.
/// The pages send their antiforgery token as a header (htmx), so nothing reads the form before this.
/// A form that was read anyway (a browser without script posts the token in the form) is used as read.
/// </summary>
public static class MultipartUpload
{
    /// <summary>A form field of more than this is not a field of our forms.</summary>
    private const int MaxFieldBytes = 64 * 1024;

    /// <param name="onField">Told of each form field as it arrives, before the files that follow it.</param>
    public static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request, Func<UploadedFile, Task> onFile, CancellationToken ct,
        Action<KeyValuePair<string, string>>? onField = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onFile);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.HttpContext.Features.Get<IFormFeature>()?.Form is { } read)
        {
            foreach (var (key, value) in read)
            {
                fields[key] = value.ToString();
                onField?.Invoke(new(key, fields[key]));
            }
            foreach (var file in read.Files.Where(f => f.FileName.Length > 0))
            {
                await using var stream = file.OpenReadStream();
                await onFile(new UploadedFile(file.Name, file.FileName, file.ContentType, stream));
            }
            return fields;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return fields;
        if (type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            // A form without files: small, bounded by the request's body limit.
            foreach (var (key, value) in await request.ReadFormAsync(ct)) fields[key] = value.ToString();
            return fields;
        }
        if (!type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return fields;
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                string fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                // A file input left empty arrives as a section without a name and without bytes.
                if (fileName.Length == 0) continue;
                await onFile(new UploadedFile(name, Path.GetFileName(fileName), section.ContentType ?? "application/octet-stream", section.Body));
            }
            else
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var buffer = new char[MaxFieldBytes];
                int length = await text.ReadBlockAsync(buffer, ct);
                if (length == buffer.Length) throw new BadHttpRequestException("Form field too long.", StatusCodes.Status413PayloadTooLarge);
                fields[name] = new string(buffer, 0, length);
                onField?.Invoke(new(name, fields[name]));
            }
        }
        return fields;
    }
}
