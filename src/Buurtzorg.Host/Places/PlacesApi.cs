using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Places;
using Buurtzorg.Host.Access;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Places;

/// <summary>
/// Places and people: a team posts the places it offers, a nurse finds those near her home and
/// asks to join with the team's ordinary join request (<c>POST /api/teams/{teamId}/join-requests</c>),
/// and central staff count places and waiting requests per region.
/// </summary>
public static class PlacesApi
{
    public sealed record OpenPlaceInput(int? HoursPerWeek, Qualification? Qualification, string? Neighbourhood, string? Note);

    public static IEndpointRouteBuilder MapPlaces(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/api/teams/{teamId:guid}/open-places").WithTags("Places");

        team.MapGet("/", async Task<Ok<IReadOnlyList<TeamOpenPlace>>> (Guid teamId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTeamOpenPlaces(teamId), ct)))
            .Requires(AccessRule.ReadTeam)
            .WithName("ListTeamOpenPlaces");

        team.MapPost("/", async Task<Created<TeamOpenPlace>> (Guid teamId, OpenPlaceInput input, HttpContext context, IMediator mediator, CancellationToken ct) =>
            {
                var place = await mediator.Send(new PostOpenPlace(teamId, Actor.Nurse(context), input.HoursPerWeek, input.Qualification, input.Neighbourhood, input.Note), ct);
                return TypedResults.Created($"/api/teams/{teamId}/open-places/{place.Id}", place);
            })
            .Requires(AccessRule.ChangeTeam)
            .WithName("PostOpenPlace");

        team.MapDelete("/{placeId:guid}", async Task<NoContent> (Guid teamId, Guid placeId, HttpContext context, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CloseOpenPlace(teamId, placeId, Actor.Nurse(context)), ct);
                return TypedResults.NoContent();
            })
            .Requires(AccessRule.ChangeTeam)
            .WithName("CloseOpenPlace");

        // Any nurse, in a team or not yet: the places are measured from her own home, never from
        // a point the caller names, so nobody can map where teams' clients live by asking around.
        app.MapGet("/api/open-places/near-me", async Task<Ok<PlacesNearMe>> (double? withinKm, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new FindOpenPlacesNearMe(Actor.Nurse(context), withinKm), ct)))
            .WithTags("Places")
            .Requires(AccessRule.AnyNurse)
            .WithName("FindOpenPlacesNearMe");

        app.MapGet("/api/capacity/places", async Task<Ok<OpenPlacesOverview>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPlacesPerRegion(), ct)))
            .WithTags("Capacity")
            .Requires(AccessRule.Capacity)
            .WithName("GetPlacesPerRegion");

        return app;
    }
}
