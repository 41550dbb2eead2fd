using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Calendar;

/// <summary>
/// A feed's link as its owner sees it on their page. <see cref="Url"/> only in the answer that
/// made the link: it is not kept, so it cannot be shown again, only replaced.
/// </summary>
public sealed record CalendarLink(bool Active, DateTimeOffset? IssuedAt, string? Url = null);

/// <summary>
/// Calendar feeds (iCalendar) behind secret links: a nurse's own round, and a client's upcoming
/// visits for the client and for family with agenda access. The signed-in owner makes, replaces
/// and withdraws the link; the feed itself is read by a calendar app with the link alone.
/// </summary>
public static class CalendarFeedsApi
{
    public const string FeedPath = "/api/calendar/";

    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services)
    {
        services.AddSingleton<CalendarFeedStore>();
        services.AddSingleton<CalendarFeedReader>();
        return services;
    }

    /// <summary>A client's visits are the client's and their family's to subscribe to; nurses have their round.</summary>
    public static bool MayHaveClientFeed(AccountRole role) => role is AccountRole.Client or AccountRole.Family;

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        // Her own round, hers alone to subscribe to: not even a team-mate makes or ends her link.
        var round = app.MapGroup("/api/nurses/{nurseId:guid}/calendar").WithTags("Calendar");
        round.MapGet("/", async Task<Ok<CalendarLink>> (Guid nurseId, HttpContext context, CalendarFeedStore feeds, CancellationToken ct) =>
                TypedResults.Ok(await Status(feeds, RoundFeed(context, nurseId), ct)))
            .Requires(new AccessRule(Scope.OwnNurse))
            .WithName("GetRoundCalendarLink");
        round.MapPost("/", async Task<Ok<CalendarLink>> (Guid nurseId, HttpContext context, CalendarFeedStore feeds, IOptionsMonitor<OriginSettings> origins, CancellationToken ct) =>
                TypedResults.Ok(await Issue(feeds, RoundFeed(context, nurseId), context, origins.CurrentValue, ct)))
            .Requires(AccessRule.OwnDecision)
            .RequiresJson()
            .WithName("MakeRoundCalendarLink");
        round.MapDelete("/", async Task<NoContent> (Guid nurseId, HttpContext context, CalendarFeedStore feeds, CancellationToken ct) =>
            {
                await feeds.Revoke(RoundFeed(context, nurseId), ct);
                return TypedResults.NoContent();
            })
            .Requires(AccessRule.OwnDecision)
            .WithName("RevokeRoundCalendarLink");

        // Making a link to read the visits changes nothing of the client's: it needs what reading
        // them needs, and the access log has the line of it.
        var client = app.MapGroup("/api/clients/{clientId:guid}/calendar").WithTags("Calendar");
        client.MapGet("/", async Task<Ok<CalendarLink>> (Guid clientId, HttpContext context, CalendarFeedStore feeds, CancellationToken ct) =>
                TypedResults.Ok(await Status(feeds, ClientFeed(context, clientId), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.Agenda))
            .WithName("GetClientCalendarLink");
        client.MapPost("/", async Task<Ok<CalendarLink>> (Guid clientId, HttpContext context, CalendarFeedStore feeds, IOptionsMonitor<OriginSettings> origins, CancellationToken ct) =>
                TypedResults.Ok(await Issue(feeds, ClientFeed(context, clientId), context, origins.CurrentValue, ct)))
            .Requires(AccessRule.ReadClient(ClientPart.Agenda))
            .RequiresJson()
            .WithName("MakeClientCalendarLink");
        client.MapDelete("/", async Task<NoContent> (Guid clientId, HttpContext context, CalendarFeedStore feeds, CancellationToken ct) =>
            {
                await feeds.Revoke(ClientFeed(context, clientId), ct);
                return TypedResults.NoContent();
            })
            .Requires(AccessRule.ReadClient(ClientPart.Agenda))
            .WithName("RevokeClientCalendarLink");

        // Public to the access gate: the secret in the path is the authority, and the reader holds
        // the account behind it to the policy. Refusals look like an unknown link.
        app.MapGet(FeedPath + "{secret}.ics", async Task<ContentHttpResult> (string secret, HttpContext context, CalendarFeedReader reader, CancellationToken ct) =>
            {
                var endpoint = (RouteEndpoint)context.GetEndpoint()!;
                // The route's pattern, never the secret itself, goes into the access log.
                var text = await reader.Read(secret, AccessGate.Via(context, endpoint), ct) ?? throw new ResourceNotFoundException(AccessGate.NotFoundDetail);
                // Health data: no cache along the way may keep a copy.
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Text(text, FeedCalendar.ContentType);
            })
            .WithTags("Calendar")
            .Requires(AccessRule.Public)
            .WithName("GetCalendarFeed");
        return app;
    }

    // The access gate let only the nurse herself this far.
    private static CalendarFeedKey RoundFeed(HttpContext context, Guid nurseId) =>
        new(Caller.From(context.User)?.AccountId ?? throw new SignInRequiredException(), CalendarFeedKind.Round, nurseId);

    private static CalendarFeedKey ClientFeed(HttpContext context, Guid clientId)
    {
        var caller = Caller.From(context.User) ?? throw new SignInRequiredException();
        return MayHaveClientFeed(caller.Role)
            ? new CalendarFeedKey(caller.AccountId, CalendarFeedKind.Client, clientId)
            : throw new ForbiddenActException(
                "Only the client and their family subscribe to a client's visits.",
                "A nurse subscribes to her own round: /api/nurses/{nurseId}/calendar.");
    }

    private static async Task<CalendarLink> Status(CalendarFeedStore feeds, CalendarFeedKey key, CancellationToken ct) =>
        await feeds.IssuedAt(key, ct) is { } at ? new CalendarLink(true, at) : new CalendarLink(false, null);

    private static async Task<CalendarLink> Issue(CalendarFeedStore feeds, CalendarFeedKey key, HttpContext context, OriginSettings origins, CancellationToken ct)
    {
        var (secret, at) = await feeds.Issue(key, ct);
        // Where the pages are served from as browsers see them (a proxy may end TLS in front).
        var origin = origins.PublicOrigins.FirstOrDefault()?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host.Value}";
        return new CalendarLink(true, at, $"{origin}{FeedPath}{secret}.ics");
    }
}
