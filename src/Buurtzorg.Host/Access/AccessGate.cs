using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Access;

/// <summary>
/// Every endpoint passes here before its handler: the rule it declares is checked against the
/// caller, and every touch of a client's data (allowed or refused) is written to the access log.
/// An endpoint without a rule is refused: a new endpoint is closed until someone says who may
/// use it. A refusal looks like "not found", so ids cannot be probed.
/// </summary>
public sealed partial class AccessGate(RequestDelegate next, IAccessPolicy policy, AccessLog log, ILogger<AccessGate> logger)
{
    public const string NotFoundDetail = "There is nothing here for you.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await next(context);
            return;
        }

        var rule = endpoint.Metadata.GetMetadata<AccessRule>();
        if (rule is null)
        {
            LogNoRule(logger, endpoint.RoutePattern.RawText);
            throw new ResourceNotFoundException(NotFoundDetail);
        }

        if (rule.Scope == Scope.Public)
        {
            await next(context);
            return;
        }

        var caller = Caller.From(context.User);
        var resource = Resource(context, rule.Scope);
        var allowed = caller is not null && await policy.Allows(caller, rule, resource, context.RequestAborted);
        if (rule.Scope == Scope.Client)
        {
            // Refused attempts are traced too, anonymous ones included.
            await log.Write(caller, resource, rule, Via(context, endpoint), allowed, context.RequestAborted);
        }

        if (caller is null)
        {
            throw new SignInRequiredException();
        }

        if (!allowed)
        {
            throw new ResourceNotFoundException(NotFoundDetail);
        }

        await next(context);
    }

    public static string Via(HttpContext context, RouteEndpoint endpoint) => $"{context.Request.Method} {endpoint.RoutePattern.RawText}";

    private static Guid? Resource(HttpContext context, Scope scope)
    {
        var key = scope switch
        {
            Scope.Team => "teamId",
            Scope.Nurse or Scope.OwnNurse => "nurseId",
            Scope.Client => "clientId",
            _ => null,
        };
        return key is not null && context.Request.RouteValues.TryGetValue(key, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to {Route}: the endpoint declares no access rule")]
    private static partial void LogNoRule(ILogger logger, string? route);
}
