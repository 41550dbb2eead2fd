using Buurtzorg.Host.Access;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Teams.Joining;
using Buurtzorg.Contracts.Teams;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Teams;

public static class TeamsApi
{
    public sealed record CreateTeamRequest(string? Name, string? Region);

    public sealed record AddNurseRequest(string? Name, Guid? NurseId);

    public sealed record JoinRequestInput(string? Message);

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Teams");

        teams.MapGet("/", async Task<Ok<IReadOnlyList<TeamListing>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTeams(), ct)))
            .Requires(AccessRule.TeamListing)
            .WithName("ListTeams");

        // Nurses found a team to work in it: the founder moves into the new team, which is hers
        // and empty, so there is nobody to ask.
        teams.MapPost("/", async Task<Created<TeamSnapshot>> (CreateTeamRequest request, HttpContext context, IMediator mediator, CancellationToken ct) =>
            {
                var team = await mediator.Send(new CreateTeam(request.Name, request.Region), ct);
                if (Caller.From(context.User)?.SubjectId is { } founder)
                {
                    await mediator.Send(new MoveNurse(founder, team.Id), ct);
                    team = await mediator.Send(new GetTeam(team.Id), ct);
                }

                return TypedResults.Created($"/api/teams/{team.Id}", team);
            })
            .Requires(AccessRule.AnyNurse)
            .WithName("CreateTeam");

        teams.MapGet("/{teamId:guid}", async Task<Ok<TeamSnapshot>> (Guid teamId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTeam(teamId), ct)))
            .Requires(AccessRule.ReadTeam)
            .WithName("GetTeam");

        teams.MapPost("/{teamId:guid}/nurses", async Task<Created<TeamSnapshot>> (Guid teamId, AddNurseRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var team = await mediator.Send(new AddNurse(teamId, request.NurseId, request.Name), ct);
                return TypedResults.Created($"/api/teams/{team.Id}", team);
            })
            .Requires(AccessRule.ChangeTeam)
            .WithName("AddNurse");

        // Joining is the team's decision: a nurse asks, a member accepts or declines. Any nurse may
        // ask any listed team; the answer tells her only that her request waits.
        teams.MapPost("/{teamId:guid}/join-requests", async Task<Ok<JoinAsked>> (Guid teamId, JoinRequestInput request, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AskToJoin(teamId, Actor.Nurse(context), request.Message), ct)))
            .Requires(AccessRule.AnyNurse)
            .WithName("AskToJoinTeam");

        teams.MapPost("/{teamId:guid}/join-requests/{nurseId:guid}/accept", async Task<Ok<TeamSnapshot>> (Guid teamId, Guid nurseId, HttpContext context, IMediator mediator, CancellationToken ct) =>
            {
                var caller = Caller.From(context.User)!;
                var via = AccessGate.Via(context, (RouteEndpoint)context.GetEndpoint()!);
                return TypedResults.Ok(await mediator.Send(new AcceptJoinRequest(teamId, nurseId, Actor.Nurse(context), caller, via), ct));
            })
            .Requires(AccessRule.ChangeTeam)
            .WithName("AcceptJoinRequest");

        teams.MapPost("/{teamId:guid}/join-requests/{nurseId:guid}/decline", async Task<Ok<JoinAnswered>> (Guid teamId, Guid nurseId, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeclineJoinRequest(teamId, nurseId, Actor.Nurse(context)), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("DeclineJoinRequest");

        // The asking nurse may take her request back; the route names her, so only she can.
        teams.MapDelete("/{teamId:guid}/join-requests/{nurseId:guid}", async Task<Ok<JoinAnswered>> (Guid teamId, Guid nurseId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeclineJoinRequest(teamId, nurseId, nurseId), ct)))
            .Requires(AccessRule.OwnDecision)
            .WithName("WithdrawJoinRequest");

        teams.MapDelete("/{teamId:guid}/nurses/{nurseId:guid}", async Task<Ok<TeamSnapshot>> (Guid teamId, Guid nurseId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveNurse(teamId, nurseId), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("RemoveNurse");

        return app;
    }
}
