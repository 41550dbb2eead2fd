namespace Buurtzorg.Host.Security;

/// <summary>
/// Headers on every answer: the pages load scripts, styles and connections from this host only
/// (they have no inline script or style, and must keep it that way), may not be framed, are not
/// sniffed into another type, and send no address to other sites.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the answer starts: the exception handler clears headers set earlier when it
        // writes a refusal, and a refusal deserves them as much as a page.
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            var headers = response.Headers;
            // Read as the answer starts, when routing has chosen the endpoint.
            headers.ContentSecurityPolicy = response.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy ?? ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
