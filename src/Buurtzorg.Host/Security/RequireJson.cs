using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Security;

/// <summary>
/// For a state-changing endpoint that reads no body: a cross-site form or no-cors fetch can only
/// send form or text content types, never JSON without a CORS preflight, so asking for JSON
/// refuses them as the JSON-bodied endpoints already do.
/// </summary>
public static class RequireJson
{
    public static RouteHandlerBuilder RequiresJson(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(static async (context, next) =>
            context.HttpContext.Request.HasJsonContentType() ? await next(context) : throw new NotJsonException())
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}

public sealed class NotJsonException() : ProblemException(
    StatusCodes.Status415UnsupportedMediaType,
    "The request must be JSON.",
    "Send the request with 'Content-Type: application/json' and a JSON body ({} will do).",
    RefusalCodes.JsonRequired);
