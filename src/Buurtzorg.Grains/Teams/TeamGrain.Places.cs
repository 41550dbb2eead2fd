using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Places;
using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Grains.Teams;

/// <summary>
/// Open places: the team's own list, and its line in the national list (<see cref="IOpenPlacesGrain"/>),
/// which the team keeps right. After every stored change that touches its places or its waiting
/// join requests the team reports its whole line again; a report is a "set", never an "add", so
/// one sent twice or late changes nothing, and one lost with a stopping silo is made good by the
/// next such change.
/// </summary>
public sealed partial class TeamGrain
{
    public async ValueTask<TeamResult> PostOpenPlace(OpenPlaceDraft place)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.OpenPlaces.Exists(p => p.Id == place.Id))
        {
            return TeamResult.Ok(Snapshot());
        }

        if (State.OpenPlaces.Count >= OpenPlaceLimits.MaxOpenPlacesPerTeam)
        {
            return TeamResult.Refused(TeamError.TooManyOpenPlaces);
        }

        var now = clock.GetUtcNow();
        State.OpenPlaces.Add(new OpenPlaceState
        {
            Id = place.Id,
            HoursPerWeek = place.HoursPerWeek,
            Qualification = place.Qualification,
            Neighbourhood = place.Neighbourhood ?? State.Region,
            Note = place.Note,
            Latitude = place.Location.Latitude,
            Longitude = place.Location.Longitude,
            PostedAt = now,
            PostedBy = place.PostedBy,
        });
        return await Commit(TeamChangeKind.OpenPlacePosted, nurseId: null, now, by: place.PostedBy);
    }

    public async ValueTask<TeamResult> CloseOpenPlace(Guid placeId, Guid closedBy)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.OpenPlaces.RemoveAll(p => p.Id == placeId) == 0)
        {
            return TeamResult.Refused(TeamError.OpenPlaceNotFound);
        }

        return await Commit(TeamChangeKind.OpenPlaceClosed, nurseId: null, clock.GetUtcNow(), by: closedBy);
    }

    /// <summary>The changes after which the team's line in the national list may read differently.</summary>
    private static bool ChangesPlaces(TeamChangeKind kind) => kind is TeamChangeKind.OpenPlacePosted or TeamChangeKind.OpenPlaceClosed
        or TeamChangeKind.JoinRequested or TeamChangeKind.JoinAccepted or TeamChangeKind.JoinDeclined
        or TeamChangeKind.NurseAdded or TeamChangeKind.Divided or TeamChangeKind.Retired;

    private IReadOnlyList<OpenPlace> OpenPlacesNow() =>
        [.. State.OpenPlaces.Select(p => new OpenPlace(
            p.Id, p.HoursPerWeek, p.Qualification, p.Neighbourhood, p.Note, new GeoPoint(p.Latitude, p.Longitude), p.PostedAt, p.PostedBy))];

    /// <summary>
    /// Posted after the write, with the line taken now, as stored. A team that divided or retired
    /// reports an empty line: its places and requests leave the national list with it.
    /// </summary>
    private void ReportPlaces()
    {
        var gone = Divided || State.Retired;
        var report = new TeamPlacesReport(
            this.GetPrimaryKey(),
            State.Version,
            State.Name,
            State.Region,
            gone ? [] : OpenPlacesNow(),
            gone ? [] : [.. State.JoinRequests.Where(r => r.AcceptedBy is null).Select(r => r.NurseId)]);
        FollowUps.PostRefresh("places", () => GrainFactory.GetGrain<IOpenPlacesGrain>(0).ReportTeam(report).AsTask());
    }
}
