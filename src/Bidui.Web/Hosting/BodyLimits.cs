using Bidui.Workflow.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bidui.Web.Hosting;

/// <summary>What a page receives beyond small forms; its body limit comes from <see cref="RequestLimits"/>.</summary>
public enum UploadKind
{
    /// <summary>A round's input files (province administrators).</summary>
    Inputs,
    /// <summary>A returned feedback workbook.</summary>
    Feedback,
    /// <summary>Evidence sent with a submission.</summary>
    Attachments,
}

/// <summary>Marks a page (its model class) as one that receives files of this kind.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadsAttribute(UploadKind kind) : Attribute
{
    public UploadKind Kind { get; } = kind;
}

/// <summary>
/// Sets each request's body limit before anything reads the body: small for anyone not signed in
/// (the sign-in form), small for ordinary forms, and the configured size only where a signed-in user
/// who may upload that kind of file posts to a page that takes it. A declared body over the limit is
/// refused at once (413), before a byte of it is read; an undeclared one stops at the limit.
/// </summary>
public static class BodyLimits
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        long limit = LimitFor(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }
        // A small body sent without a length (chunked) is read here, up to its limit, so that one too
        // long is refused as too long rather than as a form that failed its antiforgery check.
        if (context.Request.ContentLength is null && limit <= RequestLimits.BufferedBytes
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true })
        {
            context.Request.EnableBuffering((int)limit, limit);
            try
            {
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            catch (IOException)
            {
                await RefuseAsync(context, limit);
                return;
            }
            context.Request.Body.Position = 0;
        }
        await next();
    }

    private static async Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"提交的内容超过允许的大小（{Describe(limit)}），未被接收。"));
    }

    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024} KB");

    private static long LimitFor(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<DeploymentOptions>().Limits;
        if (context.User.ToActor() is not { } actor) return limits.AnonymousBytes;
        if (!HttpMethods.IsPost(context.Request.Method)) return limits.FormBytes;
        return context.GetEndpoint()?.Metadata.GetMetadata<UploadsAttribute>()?.Kind switch
        {
            UploadKind.Inputs when actor.Role == Role.ProvinceAdmin => RequestLimits.Megabytes(limits.InputMegabytes),
            UploadKind.Feedback => RequestLimits.Megabytes(limits.FeedbackMegabytes) + limits.FormBytes,
            UploadKind.Attachments => RequestLimits.Megabytes(limits.AttachmentMegabytes) * limits.AttachmentsPerSubmission + limits.FormBytes,
            _ => limits.FormBytes,
        };
    }
}
