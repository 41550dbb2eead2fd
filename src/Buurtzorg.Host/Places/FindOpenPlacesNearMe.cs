using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Places;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Places;

/// <summary>
/// The open places within <see cref="WithinKm"/> of the signed-in nurse's home, nearest first,
/// without her own team's. What she reads is the team's name, the place and the distance: nothing
/// about the team's clients.
/// </summary>
public sealed record FindOpenPlacesNearMe(Guid NurseId, double? WithinKm) : IQuery<PlacesNearMe>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        if (WithinKm is { } km && (double.IsNaN(km) || km <= 0 || km > OpenPlaceLimits.MaxWithinKm))
        {
            errors.Add("withinKm", $"'withinKm' must be more than 0 and at most {OpenPlaceLimits.MaxWithinKm}.", FieldCodes.OutOfRange);
        }
    }
}

/// <summary>The places found, and how far was looked.</summary>
public sealed record PlacesNearMe(double WithinKm, IReadOnlyList<PlaceNearMe> Places);

/// <remarks><c>Asked</c>: Her own request to join this team waits for its answer.</remarks>
public sealed record PlaceNearMe(
    Guid PlaceId, Guid TeamId, string TeamName, string Neighbourhood, int HoursPerWeek, Qualification? Qualification, string? Note, DateTimeOffset PostedAt, double DistanceKm, bool Asked);

public sealed class FindOpenPlacesNearMeHandler(IGrainFactory grains) : IQueryHandler<FindOpenPlacesNearMe, PlacesNearMe>
{
    public async ValueTask<PlacesNearMe> Handle(FindOpenPlacesNearMe query, CancellationToken cancellationToken)
    {
        var nurse = await grains.GetGrain<INurseGrain>(query.NurseId).Get() ?? throw NurseOutcome.NurseNotFound(query.NurseId);
        var within = query.WithinKm ?? OpenPlaceLimits.DefaultWithinKm;
        var found = await grains.GetGrain<IOpenPlacesGrain>(0).FindNear(nurse.Profile.Home, within, nurse.TeamId, query.NurseId);

        // A team with few clients has its centre near one of their doors: distances go out in
        // half kilometres, and the centre itself never.
        return new PlacesNearMe(within, [.. found.Select(f => new PlaceNearMe(
            f.Place.Id, f.TeamId, f.TeamName, f.Place.Neighbourhood, f.Place.HoursPerWeek, f.Place.Qualification, f.Place.Note, f.Place.PostedAt,
            Math.Round(f.DistanceKm * 2, MidpointRounding.AwayFromZero) / 2, f.Asked))]);
    }
}
