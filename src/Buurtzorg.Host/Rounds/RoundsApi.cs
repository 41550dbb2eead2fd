using Buurtzorg.Host.Access;
using Buurtzorg.Contracts.Rounds;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Rounds;

public static class RoundsApi
{
    /// <summary>The nurse is the signed-in one; a body that names her anyway must name her.</summary>
    public sealed record NurseRequest(Guid? NurseId);

    public sealed record HandOverRequest(Guid? FromNurseId, Guid? ToNurseId);

    /// <summary><see cref="OnBehalfOf"/>: the team-mate who did the visit, when the signed-in nurse records it for her.</summary>
    public sealed record ReportRequest(Guid? NurseId, Guid? OnBehalfOf);

    public sealed record DeviationRequest(Guid? NurseId, bool? Done, TimeOnly? Start, int? DurationMinutes, string? NotDoneReason, Guid? OnBehalfOf);

    public sealed record RoundRequest(IReadOnlyList<RoundStopInput>? Stops);

    public static IEndpointRouteBuilder MapRounds(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/api/teams/{teamId:guid}").WithTags("Rounds");

        team.MapGet("/schedule/changes", async Task<Ok<ScheduleDelta>> (Guid teamId, long? since, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetScheduleChanges(teamId, since), ct)))
            .Requires(AccessRule.ReadTeam)
            .WithName("GetScheduleChanges");

        team.MapGet("/board/{date}", async Task<Ok<TeamBoard>> (Guid teamId, DateOnly date, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTeamBoard(teamId, date), ct)))
            .Requires(AccessRule.ReadTeam)
            .WithName("GetTeamBoard");

        var visit = team.MapGroup("/visits/{visitId:guid}");
        visit.MapPost("/claim", async Task<Ok<RoundResult>> (Guid teamId, Guid visitId, NurseRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ClaimVisit(teamId, visitId, Actor.Nurse(context), r.NurseId), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("ClaimVisit");
        visit.MapPost("/release", async Task<Ok<RoundResult>> (Guid teamId, Guid visitId, NurseRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReleaseVisit(teamId, visitId, Actor.Nurse(context), r.NurseId), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("ReleaseVisit");
        visit.MapPost("/handover", async Task<Ok<RoundResult>> (Guid teamId, Guid visitId, HandOverRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new HandOverVisit(teamId, visitId, Actor.Nurse(context), r.ToNurseId, r.FromNurseId), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("HandOverVisit");
        visit.MapPost("/confirm", async Task<Ok<RoundResult>> (Guid teamId, Guid visitId, ReportRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmVisit(teamId, visitId, Actor.Nurse(context), r.OnBehalfOf, r.NurseId), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("ConfirmVisit");
        visit.MapPost("/deviation", async Task<Ok<RoundResult>> (Guid teamId, Guid visitId, DeviationRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReportDeviation(teamId, visitId, Actor.Nurse(context), r.Done, r.Start, r.DurationMinutes, r.NotDoneReason, r.OnBehalfOf, r.NurseId), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("ReportDeviation");

        var round = team.MapGroup("/rounds/{nurseId:guid}/{date}");
        round.MapGet("/", async Task<Ok<RoundView>> (Guid teamId, Guid nurseId, DateOnly date, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetRound(teamId, nurseId, date), ct)))
            .Requires(AccessRule.ReadTeam)
            .WithName("GetRound");
        round.MapPut("/", async Task<Ok<RoundView>> (Guid teamId, Guid nurseId, DateOnly date, RoundRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PlanRound(teamId, nurseId, date, r.Stops, Actor.Nurse(context)), ct)))
            .Requires(AccessRule.ChangeTeam)
            .WithName("PlanRound");

        app.MapGet("/api/clients/{clientId:guid}/visits", async Task<Ok<ClientVisits>> (Guid clientId, HttpContext http, IAccessPolicy policy, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClientVisits(clientId, await policy.MaySeeWhatFor(Caller.From(http.User), clientId, ct)), ct)))
            .WithTags("Rounds")
            .Requires(AccessRule.ReadClient(ClientPart.Agenda))
            .WithName("GetClientVisits");
        return app;
    }
}
