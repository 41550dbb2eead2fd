using Buurtzorg.Host.Access;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Visits;

public static class VisitsApi
{
    public static IEndpointRouteBuilder MapVisits(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/teams/{teamId:guid}/visits", async Task<Ok<ScheduleView>> (Guid teamId, DateOnly? from, DateOnly? to, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var start = from ?? DutchCalendar.Today(clock);
                var end = to ?? start.AddDays(ScheduleHorizon.Days - 1);
                return TypedResults.Ok(await mediator.Send(new GetTeamVisits(teamId, start, end), ct));
            })
            .WithTags("Visits")
            .Requires(AccessRule.ReadTeam)
            .WithName("GetTeamVisits");
        return app;
    }
}
