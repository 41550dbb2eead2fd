using Buurtzorg.Host.Access;
using Buurtzorg.Contracts.Capacity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Capacity;

public static class CapacityApi
{
    public static IEndpointRouteBuilder MapCapacity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/capacity", async Task<Ok<CapacityOverview>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCapacityOverview(), ct)))
            .WithTags("Capacity")
            .Requires(AccessRule.Capacity)
            .WithName("GetCapacityOverview");
        app.MapGet("/api/capacity/trends", async Task<Ok<CapacityTrends>> (string? region, int? weeks, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCapacityTrends(region, weeks), ct)))
            .WithTags("Capacity")
            .Requires(AccessRule.Capacity)
            .WithName("GetCapacityTrends");
        app.MapGet("/api/capacity/export.csv", async Task<FileContentHttpResult> (IMediator mediator, CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportCapacity(), ct);
                return TypedResults.File(export.Content, "text/csv; charset=utf-8", export.FileName);
            })
            .WithTags("Capacity")
            .Requires(AccessRule.Capacity)
            .WithName("ExportCapacity");
        // The team's own figures: its nurses only (the Team scope); central staff have the aggregates.
        app.MapGet("/api/teams/{teamId:guid}/monitor", async Task<Ok<TeamMonitor>> (Guid teamId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTeamMonitor(teamId), ct)))
            .WithTags("Capacity")
            .Requires(AccessRule.ReadTeam)
            .WithName("GetTeamMonitor");
        return app;
    }
}
