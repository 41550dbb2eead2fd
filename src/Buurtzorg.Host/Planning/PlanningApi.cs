using Buurtzorg.Host.Access;
using Buurtzorg.Host.Security;
using Buurtzorg.Contracts.Rounds;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Planning;

public static class PlanningApi
{
    public sealed record AcceptRequest(long? ScheduleVersion, Guid? NurseId, IReadOnlyList<ProposedRound>? Rounds);

    public static IEndpointRouteBuilder MapPlanning(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/api/teams/{teamId:guid}/proposals/{date}").WithTags("Planning");
        proposals.MapGet("/", async Task<Ok<RoundProposal>> (Guid teamId, DateOnly date, int? seconds, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ProposeRounds(teamId, date, seconds), ct)))
            .Requires(AccessRule.ReadTeam)
            .LimitedPerTeam()
            .WithName("ProposeRounds");
        proposals.MapPost("/accept", async Task<Ok<ProposalAccepted>> (Guid teamId, DateOnly date, AcceptRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptProposal(teamId, date, r.ScheduleVersion, r.NurseId, r.Rounds, Actor.Nurse(context)), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("AcceptProposal");
        return app;
    }
}
