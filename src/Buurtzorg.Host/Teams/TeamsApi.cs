using Buurtzorg.Host.Access;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Contracts.Teams;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Teams;

public static class TeamsApi
{
    public sealed record CreateTeamRequest(string? Name, string? Region);

    public sealed record AddNurseRequest(string? Name, Guid? NurseId);

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Teams");

        teams.MapGet("/", async Task<Ok<IReadOnlyList<TeamListing>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTeams(), ct)))
            .Requires(AccessRule.TeamListing)
            .WithName("ListTeams");

        // Nurses found a team to work in it: the founder moves into the new team.
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

        teams.MapDelete("/{teamId:guid}/nurses/{nurseId:guid}", async Task<Ok<TeamSnapshot>> (Guid teamId, Guid nurseId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveNurse(teamId, nurseId), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("RemoveNurse");

        return app;
    }
}
