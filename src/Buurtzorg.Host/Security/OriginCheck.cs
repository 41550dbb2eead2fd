using Buurtzorg.Host.Problems;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Security;

/// <summary>
/// A page of another origin (another port of the same host included: browsers send SameSite
/// cookies there) may not open the hub or change anything with the visitor's session. The hub
/// (every transport, the WebSocket above all, which no CORS rule covers) and every request that
/// is not a read must come from a public origin. A request without Origin passes only if the
/// browser's fetch metadata does not say it came from elsewhere; a client that is no browser
/// sends neither and has no visitor's cookie to misuse.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IOptionsMonitor<OriginSettings> settings)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (Guarded(request) && !Allowed(request))
        {
            throw new ForeignOriginException();
        }

        return next(context);
    }

    private static bool Guarded(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private bool Allowed(HttpRequest request)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0)
        {
            // "none" is the visitor's own navigation; "same-site" is another port or subdomain.
            var site = request.Headers["Sec-Fetch-Site"].ToString();
            return site.Length == 0 || site is "same-origin" or "none";
        }

        if (origins.Count > 1 || !Uri.TryCreate(origins[0], UriKind.Absolute, out var origin))
        {
            // Includes "null", sent by sandboxed frames and some redirects.
            return false;
        }

        var configured = settings.CurrentValue.PublicOrigins;
        return configured.Count > 0
            ? configured.Any(c => Uri.TryCreate(c, UriKind.Absolute, out var allowed) && Same(origin, allowed))
            : Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own) && Same(origin, own);
    }

    private static bool Same(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}

public sealed class ForeignOriginException() : ProblemException(
    StatusCodes.Status403Forbidden,
    "The request came from another site.",
    "Changes and live connections are accepted only from this site's own pages (the Origin header).",
    RefusalCodes.OriginRefused);
