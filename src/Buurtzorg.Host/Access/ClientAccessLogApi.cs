using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Access;

public static class ClientAccessLogApi
{
    private const int Shown = 500;
    private const int DaysPerPage = 7;

    /// <summary>Who looked at or changed the client's record, and when: the client's own view of the NEN 7513 log.</summary>
    public static IEndpointRouteBuilder MapClientAccessLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clients/{clientId:guid}/access-log", async Task<Ok<IReadOnlyList<AccessLogEntry>>> (Guid clientId, AccessLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.ForClient(clientId, Shown, ct)))
            .WithTags("Clients")
            .Requires(AccessRule.ReadClient(ClientPart.AccessLog))
            .WithName("GetClientAccessLog");
        // A week at a time, newest first; the client's own account is what is counted apart.
        app.MapGet("/api/clients/{clientId:guid}/access-log/days", async Task<Ok<AccessLogDays>> (Guid clientId, DateOnly? through, HttpContext context, AccessLog log, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await log.DaysForClient(
                    clientId, Caller.From(context.User)?.AccountId ?? Guid.Empty, through ?? Grains.DutchCalendar.Today(clock), DaysPerPage, ct)))
            .WithTags("Clients")
            .Requires(AccessRule.ReadClient(ClientPart.AccessLog))
            .WithName("GetClientAccessLogDays");
        return app;
    }
}
